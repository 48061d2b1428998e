import { PlusOutlined } from '@ant-design/icons';
import { endpoints, type Role } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { useRoleLookup } from '../../../app/directory-lookups';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useKeysetList } from '../../../app/use-keyset-list';
import { KeysetTable } from '../../../components/keyset-table';
import { PageTitle } from '../../../components/page-title';
import { adminKeys } from '../query-keys';
import { RoleFormModal } from './role-form-modal';
import { useRoleColumns } from './use-role-columns';

type Editing = { mode: 'create' } | { mode: 'edit'; roleId: string };

export function RolesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Editing | null>(null);
  const list = useKeysetList({ queryKey: adminKeys.roles, endpoint: endpoints.roles.list });
  // The modal reads the role from the lookup so that a reload after a conflict brings the new version.
  const lookup = useRoleLookup();
  const editedRole = editing?.mode === 'edit' ? lookup.byId.get(editing.roleId) : undefined;

  const remove = useMutation({
    mutationFn: (role: Role) => call(endpoints.roles.delete, { params: { id: role.id }, version: role.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.roles });
      void message.success(t('common.deleted'));
    },
    onError: (error) => handleError(error),
  });

  const columns = useRoleColumns({
    onEdit: can('roles', 'update') ? (role) => setEditing({ mode: 'edit', roleId: role.id }) : undefined,
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
              onClick={() => setEditing({ mode: 'create' })}
              data-testid="create-role"
            >
              {t('roles.create')}
            </Button>
          )
        }
      />
      <KeysetTable list={list} columns={columns} />
      {editing?.mode === 'create' && <RoleFormModal onClose={() => setEditing(null)} />}
      {editedRole && <RoleFormModal role={editedRole} onClose={() => setEditing(null)} />}
    </>
  );
}
