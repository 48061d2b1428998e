import type { Team } from '@berth/domain';
import { Button, Popconfirm, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTeamLookup, useUserLookup } from '../../../app/directory-lookups';
import { teamPath } from './team-hierarchy';

interface TeamActions {
  onEdit?: (team: Team) => void;
  onDelete?: (team: Team) => void;
}

export function useTeamColumns({ onEdit, onDelete }: TeamActions): TableColumnsType<Team> {
  const { t } = useTranslation();
  const teams = useTeamLookup().byId;
  const users = useUserLookup().byId;

  const columns: TableColumnsType<Team> = [
    { title: t('teams.name'), dataIndex: 'name' },
    {
      title: t('teams.parent'),
      dataIndex: 'parentId',
      render: (parentId: string | null) => (parentId && teams.get(parentId)?.name) || t('common.none'),
    },
    { title: t('teams.path'), key: 'path', render: (_value, team) => teamPath(team, teams) },
    {
      title: t('teams.manager'),
      dataIndex: 'managerId',
      render: (managerId: string | null) => (managerId && users.get(managerId)?.name) || t('common.none'),
    },
    { title: t('teams.members'), dataIndex: 'memberCount', align: 'right' },
  ];
  if (onEdit || onDelete) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_value, team) => (
        <>
          {onEdit && (
            <Button type="link" size="small" onClick={() => onEdit(team)}>
              {t('common.edit')}
            </Button>
          )}
          {onDelete && (
            <Popconfirm title={t('common.confirmDelete', { name: team.name })} onConfirm={() => onDelete(team)}>
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
