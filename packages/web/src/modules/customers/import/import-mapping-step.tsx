import { errorMessage, type ImportEntity, importPolicies, missingImportColumn } from '@berth/domain';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Radio, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../app/i18n';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { ColumnMappingTable } from './column-mapping-table';
import { importEntityUi } from './import-entities';
import { encodingLabel, isSpreadsheet } from './import-file';
import { ImportPreviewTable } from './import-preview-table';
import { type ImportMapping, type ImportPolicy, type ImportPreview, useStartImport } from './use-customer-import';

interface MappingFormValues {
  mapping: ImportMapping;
  policy: ImportPolicy;
  /** The source system of a shipment file (empty: `import`). */
  source?: string;
}

interface ImportMappingStepProps {
  entity: ImportEntity;
  file: File;
  preview: ImportPreview;
  onBack: () => void;
  onStarted: (importId: string) => void;
}

/** Only suggestions for columns of this file and fields the server knows are preselected. */
function initialMapping(preview: ImportPreview): ImportMapping {
  return Object.fromEntries(
    Object.entries(preview.suggestedMapping).filter(
      ([header, field]) => preview.headers.includes(header) && preview.fields.includes(field),
    ),
  );
}

/**
 * Step 2: what the server read (encoding, first rows), which column goes to which field, and what to do with
 * customers or contacts that exist already. The form's fields are named as the API's (`mapping`, `policy`), so its 422 errors
 * land on them.
 */
export function ImportMappingStep({ entity, file, preview, onBack, onStarted }: ImportMappingStepProps) {
  const { t } = useTranslation();
  const can = useCan();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<MappingFormValues>();
  const start = useStartImport();
  const initialValues = useMemo<MappingFormValues>(
    () => ({ mapping: initialMapping(preview), policy: 'skip' }),
    [preview],
  );
  const mapping = Form.useWatch('mapping', form) ?? initialValues.mapping;
  const ui = importEntityUi[entity];
  const canUpdate = ui.updatePermission ? can(...ui.updatePermission) : false;

  const onFinish = (values: MappingFormValues) =>
    start.mutate(
      { entity, file, policy: values.policy, mapping: values.mapping, source: values.source },
      { onSuccess: ({ id }) => onStarted(id), onError: (error) => handleError(error, { form }) },
    );

  return (
    <Form form={form} name={`${entity}-import`} layout="vertical" initialValues={initialValues} onFinish={onFinish}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="center" wrap gap="small">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'file',
                label: t('imports.fileName'),
                children: <span data-testid="import-file-name">{file.name}</span>,
              },
              {
                key: 'encoding',
                label: t('imports.encoding'),
                children: (
                  <span data-testid="import-encoding">
                    {isSpreadsheet(file.name) ? t('imports.encodingXlsx') : encodingLabel(preview.encoding)}
                  </span>
                ),
              },
            ]}
          />
          <Button onClick={onBack} data-testid="import-choose-another">
            {t('imports.chooseAnother')}
          </Button>
        </Flex>
      </Card>

      <Typography.Title level={5}>{t('imports.mappingTitle')}</Typography.Title>
      <Form.Item
        name="mapping"
        rules={[
          {
            validator: async (_rule, value: ImportMapping | undefined) => {
              const missing = missingImportColumn(entity, value ?? {});
              if (missing === 'import.mapping_needs_name') throw new Error(t(`imports.nameRequired.${entity}`));
              if (missing === 'import.mapping_needs_customer') throw new Error(t('imports.customerRequired'));
              if (missing) throw new Error(errorMessage(missing, currentLocale()));
            },
          },
        ]}
      >
        <ColumnMappingTable preview={preview} entity={entity} />
      </Form.Item>

      <Typography.Title level={5}>{t('imports.previewTitle', { count: preview.rows.length })}</Typography.Title>
      <div style={{ marginBottom: 24 }}>
        <ImportPreviewTable preview={preview} mapping={mapping} entity={entity} />
      </div>

      {ui.asksSource && (
        <Form.Item
          name="source"
          label={t('imports.source')}
          extra={t('imports.sourceHint')}
          rules={[{ pattern: /^[a-z0-9][a-z0-9_.-]{0,39}$/, message: t('imports.sourceInvalid') }]}
        >
          <Input placeholder="import" style={{ maxWidth: 320 }} data-testid="import-source" />
        </Form.Item>
      )}
      <Typography.Title level={5}>{t(`imports.policyTitle.${entity}`)}</Typography.Title>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t(`imports.matchHint.${entity}`)} />
      <Form.Item name="policy">
        <Radio.Group vertical data-testid="import-policy">
          {importPolicies.map((value) => {
            const disabled = (value === 'update' && !canUpdate) || (!ui.updatePermission && value !== 'skip');
            return (
              <Radio key={value} value={value} disabled={disabled} data-testid={`import-policy-${value}`}>
                {t(`imports.policy.${value}`)}
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {disabled ? t(`imports.updateNotAllowed.${entity}`) : t(`imports.policyHint.${entity}.${value}`)}
                </Typography.Text>
              </Radio>
            );
          })}
        </Radio.Group>
      </Form.Item>

      <Flex gap="small">
        <Button onClick={onBack}>{t('imports.back')}</Button>
        <Button type="primary" htmlType="submit" loading={start.isPending} data-testid="start-import">
          {t('imports.start')}
        </Button>
      </Flex>
    </Form>
  );
}
