import { PlusOutlined } from '@ant-design/icons';
import { endpoints } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useKeysetList } from '../../../app/use-keyset-list';
import { KeysetTable } from '../../../components/keyset-table';
import { PageTitle } from '../../../components/page-title';
import { adminKeys } from '../query-keys';
import { ApiKeyCreateModal } from './api-key-create-modal';
import { ApiKeySecretModal } from './api-key-secret-modal';
import type { ApiKey } from './api-key-status';
import { useApiKeyColumns } from './use-api-key-columns';

export function ApiKeysPage() {
  const { t } = useTranslation();
  const can = useCan();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const list = useKeysetList({ queryKey: adminKeys.apiKeys, endpoint: endpoints.apiKeys.list });

  const revoke = useMutation({
    mutationFn: (key: ApiKey) => call(endpoints.apiKeys.revoke, { params: { id: key.id } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.apiKeys });
      void message.success(t('apiKeys.revoked'));
    },
    onError: (error) => handleError(error),
  });
  const columns = useApiKeyColumns(can('apiKeys', 'delete') ? (key) => revoke.mutate(key) : undefined);

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
      <KeysetTable list={list} columns={columns} />
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
