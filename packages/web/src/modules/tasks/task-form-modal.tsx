import { createTaskInputSchema, endpoints, type Task, taskPriorities, updateTaskInputSchema } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type ButtonProps, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api/call';
import { useMe } from '../../app/session';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { useZodForm } from '../../app/zod-form';
import { fromPickerValue, pickerNow, toPickerValue } from '../../app/zoned-picker';
import { UserPicker } from '../../components/user-picker';
import { taskKeys } from './query-keys';
import { RelatedPicker, type RelatedValue } from './related-picker';

interface FormValues {
  title?: string;
  dueAt?: Dayjs | null;
  priority: Task['priority'];
  assigneeId?: string;
  description?: string;
  /** Chosen in the form when the task is not made from a record's page. */
  related?: RelatedValue | null;
}

interface TaskFormModalProps {
  task?: Task;
  /** A new task linked to this record. */
  related?: { type: 'customer' | 'opportunity' | 'sales_event'; id: string };
  onClose: () => void;
}

const fields = createTaskInputSchema.shape;

/**
 * Creates or edits a task: title, due time, priority, assignee (within the caller's scope),
 * description, and — when not made from a record's page — the customer or opportunity it is about.
 */
export function TaskFormModal({ task, related, onClose }: TaskFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const handleError = useApiErrorHandler();
  const { rule, parse } = useZodForm();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const tasksScope = me?.permissions?.tasks?.[task ? 'update' : 'create'];
  // The link is chosen here unless the task is made on a record, or is about a sales event.
  const picksRelated = !related && task?.related?.type !== 'sales_event';
  const linked = (value: RelatedValue | null | undefined) => (value?.id ? { type: value.type, id: value.id } : null);

  const save = useMutation({
    mutationFn: (values: FormValues) => {
      const body = {
        title: values.title,
        dueAt: fromPickerValue(values.dueAt),
        priority: values.priority,
        assigneeId: values.assigneeId,
        description: values.description || null,
      };
      if (task) {
        const input = parse(
          updateTaskInputSchema,
          picksRelated ? { ...body, related: linked(values.related) } : body,
          form,
        );
        if (!input) return Promise.reject(null);
        return call(endpoints.tasks.update, { params: { id: task.id }, body: input, version: task.version });
      }
      const input = parse(createTaskInputSchema, { ...body, related: related ?? linked(values.related) }, form);
      if (!input) return Promise.reject(null);
      return call(endpoints.tasks.create, { body: input });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
      void message.success(t(task ? 'tasks.updated' : 'tasks.created'));
      onClose();
    },
    onError: (error) => {
      if (error !== null) handleError(error, { form, onConflict: onClose });
    },
  });

  const initialValues: FormValues = task
    ? {
        title: task.title,
        dueAt: toPickerValue(task.dueAt),
        priority: task.priority,
        assigneeId: task.assigneeId,
        description: task.description ?? undefined,
        related:
          task.related && task.related.type !== 'sales_event' ? { type: task.related.type, id: task.related.id } : null,
      }
    : { priority: 'normal', assigneeId: me?.user.id, dueAt: pickerNow().add(1, 'day').hour(9).minute(0).second(0) };

  return (
    <Modal
      open
      title={t(task ? 'tasks.editTitle' : 'tasks.createTitle')}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'task-save' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} name="task" layout="vertical" initialValues={initialValues} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="title" label={t('tasks.fields.title')} required rules={[rule(fields.title)]}>
          <Input maxLength={200} data-testid="task-title" />
        </Form.Item>
        <Form.Item name="dueAt" label={t('tasks.fields.dueAt')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="priority" label={t('tasks.fields.priority')}>
          <Select options={taskPriorities.map((p) => ({ value: p, label: t(`tasks.priorities.${p}`) }))} />
        </Form.Item>
        {tasksScope && tasksScope !== 'own' && (
          <Form.Item name="assigneeId" label={t('tasks.fields.assigneeId')}>
            <UserPicker activeOnly />
          </Form.Item>
        )}
        {picksRelated && (
          <Form.Item name="related" label={t('tasks.fields.related')}>
            <RelatedPicker initialLabel={task?.related?.name ?? undefined} />
          </Form.Item>
        )}
        <Form.Item name="description" label={t('tasks.fields.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
