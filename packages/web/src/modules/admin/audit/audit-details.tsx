import type { AuditEntry } from '@berth/domain';
import { Descriptions, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatValue } from '../../../app/format';

interface ChangeRow {
  field: string;
  before: unknown;
  after: unknown;
}

/** The expanded part of an audit row: changed fields ("field: old → new") and the meta data as JSON. */
export function AuditDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const rows: ChangeRow[] = Object.entries(entry.changes ?? {}).map(([field, [before, after]]) => ({
    field,
    before,
    after,
  }));
  const columns: TableColumnsType<ChangeRow> = [
    {
      title: t('audit.field'),
      dataIndex: 'field',
      width: 200,
      render: (field: string) => <code>{field}</code>,
    },
    {
      title: t('audit.change'),
      key: 'change',
      render: (_value, row) => (
        <>
          <Typography.Text delete type="secondary">
            {formatValue(row.before)}
          </Typography.Text>
          {' → '}
          <Typography.Text>{formatValue(row.after)}</Typography.Text>
        </>
      ),
    },
  ];

  return (
    <div data-testid="audit-details">
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'ip', label: t('audit.ip'), children: entry.ip ?? t('common.none') },
          { key: 'requestId', label: t('audit.requestId'), children: entry.requestId ?? t('common.none') },
        ]}
      />
      <Typography.Title level={5}>{t('audit.changes')}</Typography.Title>
      {rows.length > 0 ? (
        <Table rowKey="field" size="small" columns={columns} dataSource={rows} pagination={false} />
      ) : (
        <Typography.Text type="secondary">{t('audit.noDetails')}</Typography.Text>
      )}
      {entry.meta && Object.keys(entry.meta).length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('audit.meta')}
          </Typography.Title>
          <pre style={{ margin: 0, padding: 12, background: '#fafafa', borderRadius: 6, overflowX: 'auto' }}>
            {JSON.stringify(entry.meta, null, 2)}
          </pre>
        </>
      )}
    </div>
  );
}
