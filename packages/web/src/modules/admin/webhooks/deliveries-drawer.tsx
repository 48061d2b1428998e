import { RedoOutlined } from '@ant-design/icons';
import { deliveryErrorText, endpoints, type Webhook, type WebhookDelivery } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { formatDateTime } from '../../../app/format';
import { currentLocale } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useKeysetList } from '../../../app/use-keyset-list';
import { KeysetTable } from '../../../components/keyset-table';
import { adminKeys } from '../query-keys';

/** Why the last attempt failed, in the console's language (from its code; the server's sentence as a fallback). */
function lastErrorText(delivery: WebhookDelivery): string | null {
  if (delivery.lastErrorCode) {
    return deliveryErrorText({ code: delivery.lastErrorCode, params: delivery.lastErrorParams }, currentLocale());
  }
  return delivery.lastError;
}

const statusColors: Record<WebhookDelivery['status'], string> = {
  pending: 'processing',
  delivered: 'success',
  failed: 'error',
};

/** A subscription's delivery log, newest first: status, attempts, last answer or error, and a replay button. */
export function DeliveriesDrawer({
  webhook,
  canReplay,
  onClose,
}: {
  webhook: Webhook;
  canReplay: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<WebhookDelivery['status'] | undefined>();
  const key = [...adminKeys.webhooks, webhook.id, 'deliveries'];
  const list = useKeysetList({
    queryKey: key,
    endpoint: endpoints.webhooks.deliveries,
    params: { id: webhook.id },
    query: { status },
  });

  const replay = useMutation({
    mutationFn: (delivery: WebhookDelivery) =>
      call(endpoints.webhooks.replay, { params: { id: webhook.id, deliveryId: delivery.id } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      void message.success(t('webhooks.replayed'));
    },
    onError: (error) => handleError(error),
  });

  const columns = useMemo<ColumnsType<WebhookDelivery>>(
    () => [
      { key: 'createdAt', title: t('webhooks.deliveryCreatedAt'), render: (_, d) => formatDateTime(d.createdAt) },
      { key: 'event', title: t('webhooks.event'), render: (_, d) => <code>{d.event}</code> },
      {
        key: 'status',
        title: t('webhooks.deliveryStatus'),
        render: (_, d) => <Tag color={statusColors[d.status]}>{t(`webhooks.deliveryStatuses.${d.status}`)}</Tag>,
      },
      { key: 'attempts', title: t('webhooks.attempts'), dataIndex: 'attempts' },
      {
        key: 'last',
        title: t('webhooks.lastAttempt'),
        render: (_, d) => (
          <Space direction="vertical" size={0}>
            <span>{formatDateTime(d.lastAttemptAt)}</span>
            {d.lastStatusCode !== null && <Typography.Text type="secondary">HTTP {d.lastStatusCode}</Typography.Text>}
          </Space>
        ),
      },
      {
        key: 'error',
        title: t('webhooks.lastError'),
        render: (_, d) => {
          const text = lastErrorText(d);
          return text ? (
            <Typography.Text
              type="danger"
              ellipsis={{ tooltip: text }}
              style={{ maxWidth: 260 }}
              data-testid="delivery-last-error"
            >
              {text}
            </Typography.Text>
          ) : (
            t('common.none')
          );
        },
      },
      { key: 'deliveredAt', title: t('webhooks.deliveredAt'), render: (_, d) => formatDateTime(d.deliveredAt) },
      ...(canReplay
        ? [
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_: unknown, d: WebhookDelivery) => (
                <Button
                  type="link"
                  icon={<RedoOutlined />}
                  disabled={d.status === 'pending'}
                  onClick={() => replay.mutate(d)}
                  data-testid={`replay-${d.id}`}
                >
                  {t('webhooks.replay')}
                </Button>
              ),
            },
          ]
        : []),
    ],
    [t, canReplay, replay],
  );

  return (
    <Drawer open onClose={onClose} size="large" width={1000} title={t('webhooks.deliveriesOf', { url: webhook.url })}>
      <Space style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('webhooks.filterStatus')}
          value={status}
          onChange={(value) => setStatus(value)}
          style={{ width: 180 }}
          options={(['pending', 'delivered', 'failed'] as const).map((s) => ({
            value: s,
            label: t(`webhooks.deliveryStatuses.${s}`),
          }))}
          data-testid="delivery-status-filter"
        />
        <Button onClick={list.refetch}>{t('common.refresh')}</Button>
      </Space>
      <KeysetTable list={list} columns={columns} size="small" />
    </Drawer>
  );
}
