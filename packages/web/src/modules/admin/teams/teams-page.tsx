import { PlusOutlined } from '@ant-design/icons';
import { endpoints, type Team } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { useTeamLookup } from '../../../app/directory-lookups';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useKeysetList } from '../../../app/use-keyset-list';
import { KeysetTable } from '../../../components/keyset-table';
import { PageTitle } from '../../../components/page-title';
import { adminKeys } from '../query-keys';
import { TeamFormModal } from './team-form-modal';
import { useTeamColumns } from './use-team-columns';

type Editing = { mode: 'create' } | { mode: 'edit'; teamId: string };

export function TeamsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [q, setQ] = useState<string>();
  const [editing, setEditing] = useState<Editing | null>(null);
  const list = useKeysetList({
    queryKey: adminKeys.teams,
    endpoint: endpoints.teams.list,
    query: { q },
  });
  // The modal reads the team from the lookup so that a reload after a conflict brings the new version.
  const lookup = useTeamLookup();
  const editedTeam = editing?.mode === 'edit' ? lookup.byId.get(editing.teamId) : undefined;

  const remove = useMutation({
    mutationFn: (team: Team) => call(endpoints.teams.delete, { params: { id: team.id }, version: team.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.teams });
      void message.success(t('common.deleted'));
    },
    onError: (error) => handleError(error),
  });

  const columns = useTeamColumns({
    onEdit: can('teams', 'update') ? (team) => setEditing({ mode: 'edit', teamId: team.id }) : undefined,
    onDelete: can('teams', 'delete') ? (team) => remove.mutate(team) : undefined,
  });

  return (
    <>
      <PageTitle
        title={t('teams.title')}
        extra={
          can('teams', 'create') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ mode: 'create' })}
              data-testid="create-team"
            >
              {t('teams.create')}
            </Button>
          )
        }
      />
      <Input.Search
        allowClear
        placeholder={t('teams.searchPlaceholder')}
        aria-label={t('teams.searchPlaceholder')}
        onSearch={(value) => setQ(value.trim() || undefined)}
        style={{ width: 260, marginBottom: 16 }}
      />
      <KeysetTable list={list} columns={columns} />
      {editing?.mode === 'create' && <TeamFormModal onClose={() => setEditing(null)} />}
      {editedTeam && <TeamFormModal team={editedTeam} onClose={() => setEditing(null)} />}
    </>
  );
}
