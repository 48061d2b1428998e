import { PlusOutlined } from '@ant-design/icons';
import { endpoints, type Role } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { call } from '../../../app/api/call';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useKeysetList } from '../../../app/use-keyset-list';
import { KeysetTable } from '../../../components/keyset-table';
import { PageTitle } from '../../../components/page-title';
import { adminKeys } from '../query-keys';
import { rolesPath } from './role-form-page';
import { useRoleColumns } from './use-role-columns';

export function RolesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const list = useKeysetList({ queryKey: adminKeys.roles, endpoint: endpoints.roles.list });

  const remove = useMutation({
    mutationFn: (role: Role) => call(endpoints.roles.delete, { params: { id: role.id }, version: role.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.roles });
      void message.success(t('common.deleted'));
    },
    onError: (error) => handleError(error),
  });

  const columns = useRoleColumns({
    onEdit: can('roles', 'update') ? (role) => navigate(`${rolesPath}/${encodeURIComponent(role.id)}`) : undefined,
    onDelete: can('roles', 'delete') ? (role) => remove.mutate(role) : undefined,
  });

  return (
    <>
      <PageTitle
        title={t('roles.title')}
        extra={
          can('roles', 'create') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate(`${rolesPath}/new`)}
              data-testid="create-role"
            >
              {t('roles.create')}
            </Button>
          )
        }
      />
      <KeysetTable list={list} columns={columns} />
    </>
  );
}
