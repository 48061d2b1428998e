import { PlusOutlined } from '@ant-design/icons';
import { apiKeySchema } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api-client';
import { formatDateTime } from '../../../app/format';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useKeysetList } from '../../../app/use-keyset-list';
import { LoadMore } from '../../../components/load-more';
import { PageTitle } from '../../../components/page-title';
import { useRoleLookup, useRoleName } from '../lookups';
import { adminKeys } from '../query-keys';
import { ApiKeyCreateModal } from './api-key-create-modal';
import { ApiKeySecretModal } from './api-key-secret-modal';
import { type ApiKey, ApiKeyStatusTag, apiKeyStatus } from './api-key-status';

export function ApiKeysPage() {
  const { t } = useTranslation();
  const can = useCan();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const roles = useRoleLookup().byId;
  const roleName = useRoleName();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const list = useKeysetList({
    queryKey: adminKeys.apiKeys,
    path: '/api/api-keys',
    itemSchema: apiKeySchema,
  });

  const revoke = useMutation({
    mutationFn: (key: ApiKey) => api.delete(`/api/api-keys/${encodeURIComponent(key.id)}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.apiKeys });
      void message.success(t('apiKeys.revoked'));
    },
    onError: (error) => handleError(error),
  });

  const columns: TableColumnsType<ApiKey> = [
    { title: t('apiKeys.name'), dataIndex: 'name' },
    {
      title: t('apiKeys.prefix'),
      dataIndex: 'prefix',
      render: (prefix: string) => <Typography.Text code>{prefix}</Typography.Text>,
    },
    {
      title: t('apiKeys.role'),
      dataIndex: 'roleId',
      render: (roleId: string) => roleName(roles.get(roleId)),
    },
    { title: t('apiKeys.status'), key: 'status', render: (_value, key) => <ApiKeyStatusTag apiKey={key} /> },
    { title: t('apiKeys.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    { title: t('apiKeys.lastUsedAt'), dataIndex: 'lastUsedAt', render: formatDateTime },
    { title: t('apiKeys.expiresAt'), dataIndex: 'expiresAt', render: formatDateTime },
  ];
  if (can('apiKeys', 'delete')) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_value, key) =>
        apiKeyStatus(key) === 'revoked' ? null : (
          <Popconfirm title={t('apiKeys.confirmRevoke', { name: key.name })} onConfirm={() => revoke.mutate(key)}>
            <Button type="link" size="small" danger>
              {t('apiKeys.revoke')}
            </Button>
          </Popconfirm>
        ),
    });
  }

  return (
    <>
      <PageTitle
        title={t('apiKeys.title')}
        extra={
          can('apiKeys', 'create') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="create-api-key"
            >
              {t('apiKeys.create')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('apiKeys.intro')}</Typography.Paragraph>
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
      {creating && (
        <ApiKeyCreateModal
          onClose={() => setCreating(false)}
          onCreated={(value) => {
            setCreating(false);
            setSecret(value);
          }}
        />
      )}
      {secret && <ApiKeySecretModal secret={secret} onClose={() => setSecret(null)} />}
    </>
  );
}
