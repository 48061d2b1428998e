import { FilterOutlined } from '@ant-design/icons';
import type { AuditEntry } from '@berth/domain';
import { Button, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** Pages that show one record of an audited table, by the table's name in the audit log. */
const recordPaths: Record<string, (id: string) => string> = {
  customers: (id) => `/customers/${id}`,
  opportunities: (id) => `/opportunities/${id}`,
  sales_events: (id) => `/sales-events/${id}`,
  shipments: (id) => `/shipments/${id}`,
};

/** Where the audit log links a record it names (only records the server named, i.e. the reader may see). */
export function auditRecordPath(entry: Pick<AuditEntry, 'entity' | 'entityId' | 'entityName'>): string | null {
  if (!entry.entityId || entry.entityName == null) return null;
  const path = recordPaths[entry.entity];
  return path ? path(entry.entityId) : null;
}

interface AuditRecordProps {
  entry: AuditEntry;
  /** Narrows the list to this record's entries. */
  onOnlyThis: (entry: AuditEntry) => void;
}

/** The record an entry is about: its code and name, linked where the reader may open it; else a short id. */
export function AuditRecord({ entry, onOnlyThis }: AuditRecordProps) {
  const { t } = useTranslation();
  if (!entry.entityId) return <>{t('common.none')}</>;
  const label = entry.entityName == null ? null : [entry.entityCode, entry.entityName].filter(Boolean).join(' ');
  const path = auditRecordPath(entry);
  return (
    <Space size={4}>
      {label == null ? (
        <Tooltip title={t('audit.unnamedRecord')}>
          <Typography.Text type="secondary" copyable={{ text: entry.entityId }}>
            {entry.entityId.slice(0, 8)}…
          </Typography.Text>
        </Tooltip>
      ) : path ? (
        <Link to={path}>{label}</Link>
      ) : (
        <Typography.Text>{label}</Typography.Text>
      )}
      <Tooltip title={t('audit.onlyThisRecord')}>
        <Button
          type="text"
          size="small"
          icon={<FilterOutlined />}
          aria-label={t('audit.onlyThisRecord')}
          onClick={() => onOnlyThis(entry)}
        />
      </Tooltip>
    </Space>
  );
}
