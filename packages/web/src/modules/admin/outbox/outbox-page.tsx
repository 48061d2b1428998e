import { type OutboxMessage, outboxMessageSchema } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api-client';
import { formatDateTime } from '../../../app/format';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useKeysetList } from '../../../app/use-keyset-list';
import { LoadMore } from '../../../components/load-more';
import { PageTitle } from '../../../components/page-title';
import { adminKeys } from '../query-keys';
import { OutboxMessageDrawer } from './outbox-message-drawer';
import { OutboxStatusTag } from './outbox-status-tag';

type Status = OutboxMessage['status'];
const statuses: Status[] = ['pending', 'sent', 'held', 'failed'];
const retryable = new Set<Status>(['held', 'failed']);

export function OutboxPage() {
  const { t } = useTranslation();
  const can = useCan();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status>();
  const [viewing, setViewing] = useState<OutboxMessage | null>(null);
  const list = useKeysetList({
    queryKey: adminKeys.outbox,
    path: '/api/outbox',
    itemSchema: outboxMessageSchema,
    params: { status },
  });

  const retry = useMutation({
    mutationFn: (item: OutboxMessage) => api.postVoid(`/api/outbox/${encodeURIComponent(item.id)}/retry`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.outbox });
      void message.success(t('outbox.retried'));
    },
    onError: (error) => handleError(error),
  });
  const canRetry = can('outbox', 'update');

  const columns: TableColumnsType<OutboxMessage> = [
    { title: t('outbox.recipient'), dataIndex: 'recipient' },
    { title: t('outbox.subject'), dataIndex: 'subject', ellipsis: true },
    {
      title: t('outbox.status'),
      dataIndex: 'status',
      render: (value: Status) => <OutboxStatusTag status={value} />,
    },
    { title: t('outbox.attempts'), dataIndex: 'attempts', align: 'right' },
    {
      title: t('outbox.lastError'),
      dataIndex: 'lastError',
      ellipsis: true,
      render: (lastError: string | null) => lastError ?? t('common.none'),
    },
    { title: t('outbox.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    { title: t('outbox.sentAt'), dataIndex: 'sentAt', render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_value, item) => (
        <>
          <Button type="link" size="small" onClick={() => setViewing(item)}>
            {t('outbox.viewBody')}
          </Button>
          {canRetry && retryable.has(item.status) && (
            <Button
              type="link"
              size="small"
              loading={retry.isPending && retry.variables?.id === item.id}
              onClick={() => retry.mutate(item)}
            >
              {t('outbox.retry')}
            </Button>
          )}
        </>
      ),
    },
  ];

  return (
    <>
      <PageTitle title={t('outbox.title')} />
      <Typography.Paragraph type="secondary">{t('outbox.intro')}</Typography.Paragraph>
      <Alert type="info" showIcon title={t('outbox.heldExplanation')} style={{ marginBottom: 16 }} />
      <Select
        allowClear
        placeholder={t('outbox.filterStatus')}
        aria-label={t('outbox.filterStatus')}
        value={status}
        onChange={(value?: Status) => setStatus(value)}
        options={statuses.map((value) => ({ value, label: t(`outbox.statusValues.${value}`) }))}
        style={{ width: 180, marginBottom: 16 }}
      />
      <Table
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <LoadMore
        count={list.items.length}
        hasMore={list.hasMore}
        loading={list.loadingMore}
        onLoadMore={list.loadMore}
      />
      <OutboxMessageDrawer message={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
