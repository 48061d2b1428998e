import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { endpoints, type Task } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Empty, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { call } from '../../app/api/call';
import { formatDateTime } from '../../app/format';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { taskKeys } from './query-keys';
import { TaskFormModal } from './task-form-modal';

const priorityColors: Record<Task['priority'], string> = { low: 'default', normal: 'blue', high: 'red' };

export function relatedPath(related: NonNullable<Task['related']>): string | null {
  if (related.type === 'customer') return `/customers/${encodeURIComponent(related.id)}`;
  if (related.type === 'opportunity') return `/opportunities/${encodeURIComponent(related.id)}`;
  return `/sales-events/${encodeURIComponent(related.id)}`;
}

/** Tasks with a checkbox to complete or reopen them, their due time, link, and edit / delete. */
export function TaskList({ tasks, testId }: { tasks: Task[]; testId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Task | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: taskKeys.all });

  const setStatus = useMutation({
    mutationFn: ({ task, status }: { task: Task; status: 'open' | 'done' }) =>
      call(endpoints.tasks.update, { params: { id: task.id }, body: { status }, version: task.version }),
    onSuccess: (task) => {
      refresh();
      void message.success(t(task.status === 'done' ? 'tasks.completed' : 'tasks.reopened'));
    },
    onError: (error) => handleError(error),
  });
  const remove = useMutation({
    mutationFn: (task: Task) => call(endpoints.tasks.delete, { params: { id: task.id }, version: task.version }),
    onSuccess: () => {
      refresh();
      void message.success(t('tasks.deleted'));
    },
    onError: (error) => handleError(error),
  });

  if (tasks.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.nothing')} />;
  return (
    <>
      <List
        data-testid={testId}
        dataSource={tasks}
        renderItem={(task) => {
          const path = task.related ? relatedPath(task.related) : null;
          return (
            <List.Item
              key={task.id}
              data-testid="task-item"
              actions={[
                task.canUpdate && (
                  <Button key="edit" type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(task)}>
                    {t('common.edit')}
                  </Button>
                ),
                task.canDelete && (
                  <Popconfirm
                    key="delete"
                    title={t('tasks.confirmDelete')}
                    onConfirm={() => remove.mutateAsync(task).catch(() => undefined)}
                  >
                    <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                ),
              ].filter(Boolean)}
            >
              <Space align="start">
                <Checkbox
                  checked={task.status === 'done'}
                  disabled={!task.canUpdate || setStatus.isPending}
                  onChange={(e) => setStatus.mutate({ task, status: e.target.checked ? 'done' : 'open' })}
                  aria-label={t(task.status === 'done' ? 'tasks.reopen' : 'tasks.complete')}
                  data-testid="task-complete"
                />
                <Space direction="vertical" size={0}>
                  <Space size={6} wrap>
                    <Typography.Text delete={task.status === 'done'} strong data-testid="task-title-text">
                      {task.title}
                    </Typography.Text>
                    <Tag color={priorityColors[task.priority]}>{t(`tasks.priorities.${task.priority}`)}</Tag>
                    {task.source === 'rule' && <Tag color="orange">{t('tasks.fromRule')}</Tag>}
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {task.dueAt ? <time dateTime={task.dueAt}>{formatDateTime(task.dueAt)}</time> : t('tasks.noDue')}
                    {task.related && (
                      <>
                        {' · '}
                        {t(`tasks.relatedTypes.${task.related.type}`)}{' '}
                        {path ? <Link to={path}>{task.related.name ?? '—'}</Link> : task.related.name}
                      </>
                    )}
                  </Typography.Text>
                </Space>
              </Space>
            </List.Item>
          );
        }}
      />
      {editing && <TaskFormModal task={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
