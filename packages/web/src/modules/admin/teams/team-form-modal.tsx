import { createTeamInputSchema, endpoints, type Team, updateTeamInputSchema } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { call } from '../../../app/api/call';
import { changedFields } from '../../../app/diff';
import { useTeamLookup, useUserLookup } from '../../../app/directory-lookups';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useResetOnVersion } from '../../../app/use-reset-on-version';
import { useZodForm } from '../../../app/zod-form';
import { adminKeys } from '../query-keys';
import { teamPath, teamWithDescendants } from './team-hierarchy';

type CreateTeamInput = z.infer<typeof createTeamInputSchema>;
type UpdateTeamInput = z.infer<typeof updateTeamInputSchema>;
type TeamValues = z.input<typeof createTeamInputSchema>;

interface TeamFormModalProps {
  /** The team to edit; absent for a new team. */
  team?: Team;
  onClose: () => void;
}

export function TeamFormModal({ team, onClose }: TeamFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TeamValues>();
  const { rule, parse } = useZodForm();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { teams, byId } = useTeamLookup();
  const { users } = useUserLookup();

  const excluded = team ? teamWithDescendants(team.id, teams) : new Set<string>();
  const parentOptions = teams
    .filter((candidate) => !excluded.has(candidate.id))
    .map((candidate) => ({ value: candidate.id, label: teamPath(candidate, byId) }));

  useResetOnVersion(form, team);

  const save = useMutation({
    mutationFn: (input: CreateTeamInput | UpdateTeamInput) =>
      team
        ? call(endpoints.teams.update, { params: { id: team.id }, body: input, version: team.version })
        : call(endpoints.teams.create, { body: input as CreateTeamInput }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.teams });
      void message.success(team ? t('common.saved') : t('common.created'));
      onClose();
    },
    onError: (error) => handleError(error, { form }),
  });

  const onFinish = (values: TeamValues) => {
    const normalized = { ...values, parentId: values.parentId ?? null, managerId: values.managerId ?? null };
    const input = team
      ? parse(updateTeamInputSchema, changedFields(team, normalized), form)
      : parse(createTeamInputSchema, normalized, form);
    if (!input) return;
    if (team && Object.keys(input).length === 0) return onClose();
    save.mutate(input);
  };

  return (
    <Modal
      open
      title={team ? t('teams.editTitle') : t('teams.createTitle')}
      okText={team ? t('common.save') : t('common.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
    >
      <Form form={form} name="team" layout="vertical" initialValues={team ?? {}} onFinish={onFinish}>
        <Form.Item name="name" label={t('teams.name')} required rules={[rule(createTeamInputSchema.shape.name)]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="parentId" label={t('teams.parent')}>
          <Select
            allowClear
            placeholder={t('teams.noParent')}
            showSearch={{ optionFilterProp: 'label' }}
            options={parentOptions}
          />
        </Form.Item>
        <Form.Item name="managerId" label={t('teams.manager')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={users.map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
