import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { endpoints, type NextStepRule } from '@berth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api/call';
import { useCan } from '../../app/permissions';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { PageTitle } from '../../components/page-title';
import { NextStepRuleModal } from './next-step-rule-modal';
import { taskKeys } from './query-keys';

/** The sales process's next-step rules by stage; editable with opportunities.configure. */
export function NextStepRulesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<NextStepRule | 'new' | null>(null);
  const editable = can('opportunities', 'configure');
  const rules = useQuery({
    queryKey: taskKeys.rules,
    queryFn: ({ signal }) => call(endpoints.nextStepRules.list, { signal }),
  });
  const stages = useQuery({
    queryKey: ['opportunities', 'stages'],
    queryFn: ({ signal }) => call(endpoints.pipeline.stages, { signal }),
    staleTime: 60_000,
  });
  const stageNames = useMemo(() => new Map((stages.data?.items ?? []).map((s) => [s.key, s.name])), [stages.data]);
  const openStages = (stages.data?.items ?? [])
    .filter((s) => s.kind === 'open')
    .map((s) => ({ value: s.key, label: s.name }));
  const remove = useMutation({
    mutationFn: (rule: NextStepRule) =>
      call(endpoints.nextStepRules.delete, { params: { id: rule.id }, version: rule.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: taskKeys.rules });
      void message.success(t('nextSteps.deleted'));
    },
    onError: (error) => handleError(error),
  });

  return (
    <div data-testid="next-step-rules">
      <PageTitle
        title={t('nextSteps.title')}
        extra={
          editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-rule">
              {t('nextSteps.add')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('nextSteps.intro')}</Typography.Paragraph>
      {!editable && <Alert type="info" showIcon title={t('nextSteps.readOnly')} style={{ marginBottom: 16 }} />}
      <Card>
        <Table<NextStepRule>
          rowKey="id"
          loading={rules.isPending}
          dataSource={rules.data?.items ?? []}
          pagination={false}
          columns={[
            {
              key: 'stage',
              title: t('nextSteps.fields.stageKey'),
              render: (_, rule) => stageNames.get(rule.stageKey) ?? rule.stageKey,
            },
            { key: 'kind', title: t('nextSteps.fields.kind'), render: (_, rule) => t(`nextSteps.kinds.${rule.kind}`) },
            { key: 'days', title: t('nextSteps.fields.days'), dataIndex: 'days' },
            {
              key: 'title',
              title: t('nextSteps.fields.taskTitle'),
              render: (_, rule) =>
                rule.taskTitle ?? <Typography.Text type="secondary">{t('nextSteps.defaultTitle')}</Typography.Text>,
            },
            {
              key: 'priority',
              title: t('nextSteps.fields.taskPriority'),
              render: (_, rule) => t(`tasks.priorities.${rule.taskPriority}`),
            },
            {
              key: 'enabled',
              title: t('nextSteps.fields.enabled'),
              render: (_, rule) =>
                rule.enabled ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>,
            },
            ...(editable
              ? [
                  {
                    key: 'actions',
                    title: '',
                    render: (_: unknown, rule: NextStepRule) => (
                      <Space>
                        <Button
                          size="small"
                          icon={<EditOutlined />}
                          onClick={() => setEditing(rule)}
                          aria-label={t('common.edit')}
                        />
                        <Popconfirm
                          title={t('nextSteps.confirmDelete')}
                          onConfirm={() => remove.mutateAsync(rule).catch(() => undefined)}
                        >
                          <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing && (
        <NextStepRuleModal
          rule={editing === 'new' ? undefined : editing}
          stages={openStages}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
