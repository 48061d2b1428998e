import type { User } from '@berth/domain';
import { Button, Flex, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRoleLookup, useRoleName, useTeamLookup } from '../../../app/directory-lookups';
import { formatDateTime } from '../../../app/format';
import { UserStatusTag } from './user-status-tag';

interface UserActions {
  onEdit?: (user: User) => void;
  /** Opens the handover of the user's customers to a colleague. */
  onHandover?: (user: User) => void;
}

/** Columns of the users table; each row action is present only when its handler is given. */
export function useUserColumns({ onEdit, onHandover }: UserActions): TableColumnsType<User> {
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
  if (onEdit || onHandover) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_value, user) => (
        <Flex gap={4}>
          {onEdit && (
            <Button type="link" size="small" onClick={() => onEdit(user)} data-testid="user-edit">
              {t('common.edit')}
            </Button>
          )}
          {onHandover && (
            <Button type="link" size="small" onClick={() => onHandover(user)} data-testid="user-handover">
              {t('users.handover')}
            </Button>
          )}
        </Flex>
      ),
    });
  }
  return columns;
}
