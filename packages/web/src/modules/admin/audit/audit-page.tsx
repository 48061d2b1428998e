import { type AuditEntry, endpoints } from '@berth/domain';
import { Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { useKeysetList } from '../../../app/use-keyset-list';
import { LoadMore } from '../../../components/load-more';
import { PageTitle } from '../../../components/page-title';
import { adminKeys } from '../query-keys';
import { AuditDetails } from './audit-details';
import { AuditFilters, type AuditFilterValues, auditParams } from './audit-filters';
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

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.time'), dataIndex: 'at', render: formatDateTime, width: 180 },
    { title: t('audit.actor'), key: 'actor', render: (_value, entry) => actorLabel(entry) },
    { title: t('audit.action'), dataIndex: 'action', render: (action: string) => actionLabel(action) },
    { title: t('audit.entity'), dataIndex: 'entity', render: (entity: string) => entityLabel(entity) },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      render: (entityId: string | null) =>
        entityId ? <Typography.Text copyable={{ text: entityId }}>{entityId}</Typography.Text> : t('common.none'),
    },
  ];

  return (
    <>
      <PageTitle title={t('audit.title')} />
      <AuditFilters entities={entities} onChange={setFilters} />
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
