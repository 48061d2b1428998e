import { Button, Popconfirm, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRoleLookup, useRoleName } from '../../../app/directory-lookups';
import { formatDateTime } from '../../../app/format';
import { type ApiKey, ApiKeyStatusTag, apiKeyStatus } from './api-key-status';

/** Columns of the API keys table; the revoke action is present only when `onRevoke` is given. */
export function useApiKeyColumns(onRevoke?: (key: ApiKey) => void): TableColumnsType<ApiKey> {
  const { t } = useTranslation();
  const roles = useRoleLookup().byId;
  const roleName = useRoleName();

  const columns: TableColumnsType<ApiKey> = [
    { title: t('apiKeys.name'), dataIndex: 'name' },
    {
      title: t('apiKeys.prefix'),
      dataIndex: 'prefix',
      render: (prefix: string) => <Typography.Text code>{prefix}</Typography.Text>,
    },
    { title: t('apiKeys.role'), dataIndex: 'roleId', render: (roleId: string) => roleName(roles.get(roleId)) },
    { title: t('apiKeys.status'), key: 'status', render: (_value, key) => <ApiKeyStatusTag apiKey={key} /> },
    { title: t('apiKeys.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    { title: t('apiKeys.lastUsedAt'), dataIndex: 'lastUsedAt', render: formatDateTime },
    { title: t('apiKeys.expiresAt'), dataIndex: 'expiresAt', render: formatDateTime },
  ];
  if (onRevoke) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_value, key) =>
        apiKeyStatus(key) === 'revoked' ? null : (
          <Popconfirm title={t('apiKeys.confirmRevoke', { name: key.name })} onConfirm={() => onRevoke(key)}>
            <Button type="link" size="small" danger>
              {t('apiKeys.revoke')}
            </Button>
          </Popconfirm>
        ),
    });
  }
  return columns;
}
