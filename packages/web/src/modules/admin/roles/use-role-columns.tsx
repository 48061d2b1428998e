import type { Role } from '@berth/domain';
import { Button, Popconfirm, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRoleName } from '../../../app/directory-lookups';

interface RoleActions {
  onEdit?: (role: Role) => void;
  onDelete?: (role: Role) => void;
}

export function useRoleColumns({ onEdit, onDelete }: RoleActions): TableColumnsType<Role> {
  const { t } = useTranslation();
  const roleName = useRoleName();

  const columns: TableColumnsType<Role> = [
    { title: t('roles.displayName'), key: 'name', render: (_value, role) => roleName(role) },
    {
      title: t('roles.key'),
      dataIndex: 'key',
      render: (key: string) => <Typography.Text code>{key}</Typography.Text>,
    },
    { title: t('roles.description'), dataIndex: 'description', ellipsis: true },
    {
      title: t('roles.type'),
      dataIndex: 'builtin',
      render: (builtin: boolean) =>
        builtin ? <Tag color="blue">{t('roles.builtin')}</Tag> : <Tag>{t('roles.custom')}</Tag>,
    },
    { title: t('roles.userCount'), dataIndex: 'userCount', align: 'right' },
  ];
  if (onEdit || onDelete) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_value, role) => (
        <>
          {onEdit && (
            <Button type="link" size="small" onClick={() => onEdit(role)}>
              {t('common.edit')}
            </Button>
          )}
          {onDelete && (
            <Popconfirm title={t('common.confirmDelete', { name: roleName(role) })} onConfirm={() => onDelete(role)}>
              <Button type="link" size="small" danger>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </>
      ),
    });
  }
  return columns;
}
