import { endpoints, type OutboxMessage } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useKeysetList } from '../../../app/use-keyset-list';
import { KeysetTable } from '../../../components/keyset-table';
import { PageTitle } from '../../../components/page-title';
import { adminKeys } from '../query-keys';
import { OutboxMessageDrawer } from './outbox-message-drawer';
import { useOutboxColumns } from './use-outbox-columns';

type Status = OutboxMessage['status'];
const statuses: Status[] = ['pending', 'sent', 'held', 'failed'];

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
    endpoint: endpoints.outbox.list,
    query: { status },
  });

  const retry = useMutation({
    mutationFn: (item: OutboxMessage) => call(endpoints.outbox.retry, { params: { id: item.id } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.outbox });
      void message.success(t('outbox.retried'));
    },
    onError: (error) => handleError(error),
  });
  const columns = useOutboxColumns({
    onView: setViewing,
    onRetry: can('outbox', 'update') ? (item) => retry.mutate(item) : undefined,
    retryingId: retry.isPending ? retry.variables?.id : undefined,
  });

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
      <KeysetTable list={list} columns={columns} />
      <OutboxMessageDrawer message={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
