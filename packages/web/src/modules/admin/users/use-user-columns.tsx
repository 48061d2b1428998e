import type { User } from '@berth/domain';
import { Button, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { useRoleLookup, useRoleName, useTeamLookup } from '../lookups';
import { UserStatusTag } from './user-status-tag';

/** Columns of the users table; the edit action is present only when `onEdit` is given. */
export function useUserColumns(onEdit?: (user: User) => void): TableColumnsType<User> {
  const { t } = useTranslation();
  const roles = useRoleLookup().byId;
  const teams = useTeamLookup().byId;
  const roleName = useRoleName();

  const columns: TableColumnsType<User> = [
    { title: t('users.name'), dataIndex: 'name' },
    { title: t('users.email'), dataIndex: 'email' },
    { title: t('users.role'), dataIndex: 'roleId', render: (roleId: string) => roleName(roles.get(roleId)) },
    {
      title: t('users.team'),
      dataIndex: 'teamId',
      render: (teamId: string | null) => (teamId && teams.get(teamId)?.name) || t('common.none'),
    },
    { title: t('users.status'), key: 'status', render: (_value, user) => <UserStatusTag user={user} /> },
    { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', render: formatDateTime },
  ];
  if (onEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_value, user) => (
        <Button type="link" size="small" onClick={() => onEdit(user)}>
          {t('common.edit')}
        </Button>
      ),
    });
  }
  return columns;
}
