import { type AuditEntry, endpoints } from '@berth/domain';
import { Table, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { useKeysetList } from '../../../app/use-keyset-list';
import { LoadMore } from '../../../components/load-more';
import { PageTitle } from '../../../components/page-title';
import { adminKeys } from '../query-keys';
import { AuditDetails } from './audit-details';
import { AuditFilters, type AuditFilterValues, auditParams } from './audit-filters';
import { AuditRecord } from './audit-record';
import { useAuditLabels } from './use-audit-labels';

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const { actionLabel, actorLabel, entityLabel } = useAuditLabels();
  const list = useKeysetList({
    queryKey: adminKeys.audit,
    endpoint: endpoints.audit.list,
    query: auditParams(filters),
  });
  const entities = useMemo(() => [...new Set(list.items.map((entry) => entry.entity))].sort(), [list.items]);
  const [recordLabel, setRecordLabel] = useState<string>();
  const onlyThis = (entry: AuditEntry) => {
    setRecordLabel(
      entry.entityName == null
        ? undefined
        : `${entityLabel(entry.entity)} ${[entry.entityCode, entry.entityName].filter(Boolean).join(' ')}`,
    );
    setFilters((current) => ({ ...current, entity: entry.entity, entityId: entry.entityId ?? undefined }));
  };

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.time'), dataIndex: 'at', render: formatDateTime, width: 180 },
    { title: t('audit.actor'), key: 'actor', render: (_value, entry) => actorLabel(entry) },
    { title: t('audit.action'), dataIndex: 'action', render: (action: string) => actionLabel(action) },
    { title: t('audit.entity'), dataIndex: 'entity', render: (entity: string) => entityLabel(entity) },
    {
      title: t('audit.record'),
      key: 'record',
      render: (_value, entry) => <AuditRecord entry={entry} onOnlyThis={onlyThis} />,
    },
  ];

  return (
    <>
      <PageTitle title={t('audit.title')} />
      <AuditFilters entities={entities} value={filters} recordLabel={recordLabel} onChange={setFilters} />
      <Table
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (entry) => <AuditDetails entry={entry} /> }}
      />
      <LoadMore
        count={list.items.length}
        hasMore={list.hasMore}
        loading={list.loadingMore}
        onLoadMore={list.loadMore}
      />
    </>
  );
}
