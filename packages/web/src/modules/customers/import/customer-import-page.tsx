import { type ImportEntity, importEntities } from '@berth/domain';
import { Card, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCan } from '../../../app/permissions';
import { PageTitle } from '../../../components/page-title';
import { importEntityUi } from './import-entities';
import { ImportMappingStep } from './import-mapping-step';
import { ImportProgressStep } from './import-progress-step';
import { ImportUploadStep } from './import-upload-step';
import type { ImportPreview } from './use-customer-import';

interface ImportDraft {
  entity: ImportEntity;
  file: File;
  preview: ImportPreview;
}

const isEntity = (value: string | null): value is ImportEntity =>
  value !== null && (importEntities as readonly string[]).includes(value);

/**
 * File import in three steps (customers, contacts, shipments, exchange rates — the registered entities): choose the entity and upload a file, map its columns, follow the
 * import. The entity (`?entity=contacts`) and a started import (`?id=…`) live in the address, so reloading the
 * page keeps showing its progress.
 */
export function CustomerImportPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [searchParams, setSearchParams] = useSearchParams();
  const [draft, setDraft] = useState<ImportDraft | null>(null);
  const importId = searchParams.get('id');
  const current = importId ? 2 : draft ? 1 : 0;
  const allowed = importEntities.filter((e) => can(...importEntityUi[e].permission));
  const asked = searchParams.get('entity');
  const entity: ImportEntity = isEntity(asked) && allowed.includes(asked) ? asked : (allowed[0] ?? 'customers');

  let content = (
    <ImportUploadStep
      entity={entity}
      entities={allowed}
      onEntityChange={(next) => setSearchParams(next === 'customers' ? {} : { entity: next })}
      onPreview={(file, preview) => setDraft({ entity, file, preview })}
    />
  );
  if (importId) {
    content = (
      <ImportProgressStep
        key={importId}
        importId={importId}
        onImportAnother={(finished) => {
          setDraft(null);
          setSearchParams(finished === 'customers' ? {} : { entity: finished });
        }}
      />
    );
  } else if (draft) {
    content = (
      <ImportMappingStep
        key={`${draft.entity}-${draft.file.name}-${draft.file.lastModified}`}
        entity={draft.entity}
        file={draft.file}
        preview={draft.preview}
        onBack={() => setDraft(null)}
        onStarted={(id) => {
          setDraft(null);
          setSearchParams(draft.entity === 'customers' ? { id } : { id, entity: draft.entity });
        }}
      />
    );
  }

  return (
    <>
      <PageTitle title={t(`imports.titles.${entity}`)} />
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
