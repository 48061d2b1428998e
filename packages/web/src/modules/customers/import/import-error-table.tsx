import { DownloadOutlined } from '@ant-design/icons';
import { endpoints, type ImportRecord } from '@berth/domain';
import { Button, Card, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { endpointUrl } from '../../../app/api/call';
import { currentLocale } from '../../../app/i18n';
import { useImportFieldLabels } from './use-import-field-labels';

type ImportRowError = ImportRecord['errors'][number];

/** The server lists at most this many errors with the import; the CSV report has them all. */
const listedErrors = 1000;

/** Per-row problems of an import, with the full report as a CSV download. */
export function ImportErrorTable({ record }: { record: ImportRecord }) {
  const { t } = useTranslation();
  const labels = useImportFieldLabels(record.entity);
  const rows = record.errors.map((error, index) => ({ ...error, key: index }));

  const columns: TableColumnsType<ImportRowError> = [
    { key: 'row', dataIndex: 'row', title: t('imports.errorRow'), width: 90 },
    {
      key: 'field',
      dataIndex: 'field',
      title: t('imports.errorField'),
      width: 200,
      render: (field: string) => <span title={field}>{labels.errorField(field)}</span>,
    },
    { key: 'message', dataIndex: 'message', title: t('imports.errorMessage') },
  ];

  return (
    <Card
      size="small"
      title={t('imports.errorsTitle')}
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined />}
          href={endpointUrl(endpoints.imports.errors, { params: { id: record.id }, query: { lang: currentLocale() } })}
          download
          data-testid="import-error-report"
        >
          {t('imports.errorReport')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    >
      {record.errors.length >= listedErrors && (
        <Typography.Paragraph type="secondary">
          {t('imports.errorsTruncated', { count: record.errors.length })}
        </Typography.Paragraph>
      )}
      <Table
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        data-testid="import-errors"
        onRow={() => ({ className: 'import-error-row', 'data-testid': 'import-error-row' })}
      />
    </Card>
  );
}
