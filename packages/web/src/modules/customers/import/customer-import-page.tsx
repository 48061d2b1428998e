import { Card, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageTitle } from '../../../components/page-title';
import { ImportMappingStep } from './import-mapping-step';
import { ImportProgressStep } from './import-progress-step';
import { ImportUploadStep } from './import-upload-step';
import type { ImportPreview } from './use-customer-import';

interface ImportDraft {
  file: File;
  preview: ImportPreview;
}

/**
 * Customer import in three steps: upload a file, map its columns, follow the import. A started import lives in
 * the address (`?id=…`), so reloading the page keeps showing its progress.
 */
export function CustomerImportPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const [draft, setDraft] = useState<ImportDraft | null>(null);
  const importId = searchParams.get('id');
  const current = importId ? 2 : draft ? 1 : 0;

  let content = <ImportUploadStep onPreview={(file, preview) => setDraft({ file, preview })} />;
  if (importId) {
    content = (
      <ImportProgressStep
        key={importId}
        importId={importId}
        onImportAnother={() => {
          setDraft(null);
          setSearchParams({});
        }}
      />
    );
  } else if (draft) {
    content = (
      <ImportMappingStep
        key={`${draft.file.name}-${draft.file.lastModified}`}
        file={draft.file}
        preview={draft.preview}
        onBack={() => setDraft(null)}
        onStarted={(id) => {
          setDraft(null);
          setSearchParams({ id });
        }}
      />
    );
  }

  return (
    <>
      <PageTitle title={t('imports.title')} />
      <Card>
        <Steps
          current={current}
          style={{ marginBottom: 24 }}
          items={[
            { title: t('imports.steps.upload') },
            { title: t('imports.steps.mapping') },
            { title: t('imports.steps.progress') },
          ]}
          data-testid="import-steps"
        />
        {content}
      </Card>
    </>
  );
}
