import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { endpoints, type ImportEntity, importEntities } from '@berth/domain';
import { Alert, Button, Flex, Segmented, Spin, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpointUrl } from '../../../app/api/call';
import { isApiError } from '../../../app/api-error';
import { downloadFile } from '../../../app/download';
import { currentLocale } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { importAccept, isImportFile } from './import-file';
import { ImportFormatHelp } from './import-format-help';
import { type ImportPreview, useImportPreview } from './use-customer-import';

interface ImportUploadStepProps {
  entity: ImportEntity;
  /** Entities the user may import; the selector offers only these. */
  entities: readonly ImportEntity[];
  onEntityChange: (entity: ImportEntity) => void;
  onPreview: (file: File, preview: ImportPreview) => void;
}

/**
 * Step 1: choose what to import (customers or contacts), optionally download the template, and pick a file. Nothing is uploaded by the picker itself (`beforeUpload` returns false); the file is sent to
 * the preview endpoint, and the next step shows what the server read. The file input carries
 * `data-testid="import-file"`.
 */
export function ImportUploadStep({ entity, entities, onEntityChange, onPreview }: ImportUploadStepProps) {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  const preview = useImportPreview();
  const [problem, setProblem] = useState<string | null>(null);

  const read = (file: File) => {
    setProblem(null);
    if (!isImportFile(file.name)) {
      setProblem(t('imports.wrongType'));
      return;
    }
    preview.mutate(
      { file, entity },
      {
        onSuccess: (result) => onPreview(file, result),
        onError: (error) => {
          // A file the server cannot read is explained next to the drop zone; anything else as usual.
          if (isApiError(error) && error.status === 422) {
            const details = error.fieldErrors.map((fieldError) => fieldError.message);
            setProblem(details.length > 0 ? details.join(' ') : error.displayMessage(currentLocale()));
          } else handleError(error);
        },
      },
    );
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap="small" style={{ marginBottom: 16 }}>
        <Segmented<ImportEntity>
          value={entity}
          onChange={onEntityChange}
          options={importEntities
            .filter((e) => entities.includes(e))
            .map((e) => ({
              value: e,
              label: <span data-testid={`import-entity-${e}`}>{t(`imports.entity.${e}`)}</span>,
            }))}
          data-testid="import-entity"
        />
        <Button
          icon={<DownloadOutlined />}
          // The server writes it (headed in the console's language, like the export) and logs the download.
          onClick={() =>
            downloadFile(
              endpointUrl(endpoints.imports.template, { params: { entity }, query: { lang: currentLocale() } }),
            )
          }
          data-testid="import-template"
        >
          {t('imports.template')}
        </Button>
      </Flex>
      <ImportFormatHelp entity={entity} />
      {problem && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problem} data-testid="import-file-error" />
      )}
      <Spin spinning={preview.isPending} description={t('imports.reading')}>
        <div data-testid="import-dropzone">
          <Upload.Dragger
            accept={importAccept}
            multiple={false}
            fileList={[]}
            showUploadList={false}
            disabled={preview.isPending}
            beforeUpload={(file) => {
              read(file);
              return false;
            }}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('imports.dropTitle')}</p>
            <p className="ant-upload-hint">{t('imports.dropHint')}</p>
          </Upload.Dragger>
        </div>
      </Spin>
    </>
  );
}
