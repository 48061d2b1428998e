import { PlusOutlined } from '@ant-design/icons';
import { endpoints, type Webhook } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { formatDateTime } from '../../../app/format';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useKeysetList } from '../../../app/use-keyset-list';
import { KeysetTable } from '../../../components/keyset-table';
import { PageTitle } from '../../../components/page-title';
import { adminKeys } from '../query-keys';
import { DeliveriesDrawer } from './deliveries-drawer';
import { WebhookFormModal } from './webhook-form-modal';
import { WebhookSecretModal } from './webhook-secret-modal';

/** Disabled by the system after deliveries failed again and again, not by a person. */
const autoDisabled = (hook: Webhook) => hook.status === 'disabled' && hook.disabledReason === 'failures';

/** Outgoing webhooks: subscriptions, their secrets (shown once), enabling and disabling, and each one's delivery log. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const can = useCan();
  const editable = can('webhooks', 'update');
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useKeysetList({ queryKey: adminKeys.webhooks, endpoint: endpoints.webhooks.list });
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [deliveriesOf, setDeliveriesOf] = useState<Webhook | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: adminKeys.webhooks });
  const onConflict = refresh;

  const setStatus = useMutation({
    mutationFn: ({ hook, status }: { hook: Webhook; status: Webhook['status'] }) =>
      call(endpoints.webhooks.update, { params: { id: hook.id }, body: { status }, version: hook.version }),
    onSuccess: (hook) => {
      refresh();
      void message.success(hook.status === 'active' ? t('webhooks.enabled') : t('webhooks.disabled'));
    },
    onError: (error) => handleError(error, { onConflict }),
  });
  const rotate = useMutation({
    mutationFn: (hook: Webhook) =>
      call(endpoints.webhooks.rotateSecret, { params: { id: hook.id }, version: hook.version }),
    onSuccess: (hook) => {
      refresh();
      if (hook.secret) setSecret(hook.secret);
    },
    onError: (error) => handleError(error, { onConflict }),
  });
  const remove = useMutation({
    mutationFn: (hook: Webhook) => call(endpoints.webhooks.delete, { params: { id: hook.id }, version: hook.version }),
    onSuccess: () => {
      refresh();
      void message.success(t('common.deleted'));
    },
    onError: (error) => handleError(error, { onConflict }),
  });

  const columns = useMemo<ColumnsType<Webhook>>(
    () => [
      {
        key: 'url',
        title: t('webhooks.url'),
        render: (_, hook) => (
          <Space direction="vertical" size={0}>
            <Typography.Text copyable code>
              {hook.url}
            </Typography.Text>
            {hook.description && <Typography.Text type="secondary">{hook.description}</Typography.Text>}
          </Space>
        ),
      },
      {
        key: 'events',
        title: t('webhooks.events'),
        render: (_, hook) => (
          <Space size={[0, 4]} wrap>
            {hook.events.map((event) => (
              <Tag key={event} title={event}>
                {t(`webhooks.eventNames.${event}`, { defaultValue: event })}
              </Tag>
            ))}
          </Space>
        ),
      },
      {
        key: 'status',
        title: t('webhooks.status'),
        render: (_, hook) =>
          hook.status === 'active' ? (
            <Tag color="success">{t('webhooks.statuses.active')}</Tag>
          ) : (
            <Tag color={autoDisabled(hook) ? 'error' : 'default'}>
              {autoDisabled(hook) ? t('webhooks.statuses.autoDisabled') : t('webhooks.statuses.disabled')}
            </Tag>
          ),
      },
      { key: 'failures', title: t('webhooks.failures'), dataIndex: 'consecutiveFailures' },
      { key: 'createdAt', title: t('webhooks.createdAt'), render: (_, hook) => formatDateTime(hook.createdAt) },
      {
        key: 'actions',
        title: t('common.actions'),
        render: (_, hook) => (
          <Space size={0} wrap>
            <Button type="link" onClick={() => setDeliveriesOf(hook)} data-testid={`deliveries-${hook.id}`}>
              {t('webhooks.deliveries')}
            </Button>
            {editable && (
              <>
                <Button type="link" onClick={() => setEditing(hook)}>
                  {t('common.edit')}
                </Button>
                <Button
                  type="link"
                  onClick={() => setStatus.mutate({ hook, status: hook.status === 'active' ? 'disabled' : 'active' })}
                  data-testid={`toggle-${hook.id}`}
                >
                  {hook.status === 'active' ? t('webhooks.disable') : t('webhooks.enable')}
                </Button>
                <Popconfirm title={t('webhooks.rotateConfirm')} onConfirm={() => rotate.mutate(hook)}>
                  <Button type="link" data-testid={`rotate-${hook.id}`}>
                    {t('webhooks.rotate')}
                  </Button>
                </Popconfirm>
                <Popconfirm title={t('common.confirmDelete', { name: hook.url })} onConfirm={() => remove.mutate(hook)}>
                  <Button type="link" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </>
            )}
          </Space>
        ),
      },
    ],
    [t, editable, setStatus, rotate, remove],
  );

  const stopped = list.items.filter(autoDisabled);
  return (
    <>
      <PageTitle
        title={t('webhooks.title')}
        extra={
          editable && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="create-webhook"
            >
              {t('webhooks.create')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('webhooks.intro')}</Typography.Paragraph>
      {stopped.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('webhooks.autoDisabledTitle', { count: stopped.length })}
          description={t('webhooks.autoDisabledHint', { urls: stopped.map((hook) => hook.url).join(', ') })}
          data-testid="webhooks-auto-disabled"
        />
      )}
      <KeysetTable list={list} columns={columns} />
      {editing && (
        <WebhookFormModal
          webhook={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            refresh();
            if (saved.secret) setSecret(saved.secret);
            else void message.success(t('common.saved'));
          }}
        />
      )}
      {secret && <WebhookSecretModal secret={secret} onClose={() => setSecret(null)} />}
      {deliveriesOf && (
        <DeliveriesDrawer webhook={deliveriesOf} canReplay={editable} onClose={() => setDeliveriesOf(null)} />
      )}
    </>
  );
}
