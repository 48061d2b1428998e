import {
  type Activity,
  activityKinds,
  activityNextTaskInputSchema,
  createActivityInputSchema,
  endpoints,
  updateActivityInputSchema,
} from '@berth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  type ButtonProps,
  Checkbox,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api/call';
import { useCan } from '../../app/permissions';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { useZodForm } from '../../app/zod-form';
import { fromPickerValue, pickerNow, toPickerValue } from '../../app/zoned-picker';
import { UserPicker } from '../../components/user-picker';
import { customerKeys, customerTimelineKey } from '../customers';
import { ActivityKindIcon } from './activity-kind-tag';
import { activityKeys } from './query-keys';
import { useActivityKindLabel } from './use-activity-labels';

interface FormValues {
  kind: Activity['kind'];
  subject?: string;
  occurredAt?: Dayjs;
  durationMinutes?: number | null;
  opportunityId?: string | null;
  userIds?: string[];
  contactIds?: string[];
  minutes?: string;
  outcome?: string;
  /** The next step, as a task made with the activity (new activities only). */
  withNextTask?: boolean;
  nextTask?: { title?: string; dueAt?: Dayjs | null };
}

export interface LogActivityModalProps {
  customerId: string;
  /** Logged from an opportunity's page: linked to it, without the choice. */
  opportunityId?: string;
  /** Edit this activity instead of logging a new one. */
  activity?: Activity;
  onClose: () => void;
  onSaved?: (activity: Activity) => void;
}

const fields = createActivityInputSchema.shape;
const nextTaskFields = activityNextTaskInputSchema.shape;

/** Tomorrow at 9:00 local time: when a next step is usually due. */
const defaultNextStepDue = () => pickerNow().add(1, 'day').hour(9).minute(0).second(0).millisecond(0);

/**
 * Logs a call, email, meeting, visit or WeChat chat with the customer (and an opportunity), or
 * corrects one. The subject may stay empty; a new activity can carry its next step as a task.
 */
export function LogActivityModal({ customerId, opportunityId, activity, onClose, onSaved }: LogActivityModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const kindLabel = useActivityKindLabel();
  const handleError = useApiErrorHandler();
  const { rule, parse } = useZodForm();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const withNextTask = Form.useWatch('withNextTask', form);
  const mayCreateTasks = can('tasks', 'create');

  const contacts = useQuery({
    queryKey: [...customerKeys.contacts, 'of', customerId, 'for-activity'],
    queryFn: ({ signal }) =>
      call(endpoints.customers.contacts, { params: { id: customerId }, query: { limit: 200 }, signal }),
    enabled: can('contacts', 'read'),
    staleTime: 60_000,
  });
  const opportunities = useQuery({
    queryKey: ['opportunities', 'of', customerId, 'for-activity'],
    queryFn: ({ signal }) => call(endpoints.opportunities.list, { query: { customerId, limit: 100 }, signal }),
    enabled: !opportunityId && can('opportunities', 'read'),
    staleTime: 60_000,
  });

  const save = useMutation({
    mutationFn: (values: FormValues) => {
      const body = {
        kind: values.kind,
        subject: values.subject,
        occurredAt: fromPickerValue(values.occurredAt) ?? undefined,
        durationMinutes: values.durationMinutes ?? null,
        opportunityId: opportunityId ?? values.opportunityId ?? null,
        participants: { userIds: values.userIds ?? [], contactIds: values.contactIds ?? [] },
        minutes: values.minutes || null,
        outcome: values.outcome || null,
      };
      if (activity) {
        const input = parse(updateActivityInputSchema, body, form);
        if (!input) return Promise.reject(null);
        return call(endpoints.activities.update, {
          params: { id: activity.id },
          body: input,
          version: activity.version,
        });
      }
      const nextTask =
        values.withNextTask && mayCreateTasks
          ? { title: values.nextTask?.title, dueAt: fromPickerValue(values.nextTask?.dueAt) ?? undefined }
          : null;
      const input = parse(createActivityInputSchema, { ...body, customerId, nextTask }, form);
      if (!input) return Promise.reject(null);
      return call(endpoints.activities.create, { body: input });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      void queryClient.invalidateQueries({ queryKey: customerTimelineKey(customerId) });
      void queryClient.invalidateQueries({ queryKey: ['opportunities'] });
      if (saved.nextTaskId) void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void message.success(
        activity
          ? t('activities.updated')
          : saved.nextTaskId
            ? `${t('activities.logged')} · ${t('activities.nextStep.created')}`
            : t('activities.logged'),
      );
      onSaved?.(saved);
      onClose();
    },
    onError: (error) => {
      if (error !== null) handleError(error, { form, onConflict: onClose });
    },
  });

  const initialValues: FormValues = activity
    ? {
        kind: activity.kind,
        subject: activity.subject ?? undefined,
        occurredAt: toPickerValue(activity.occurredAt) ?? undefined,
        durationMinutes: activity.durationMinutes,
        opportunityId: activity.opportunityId,
        userIds: activity.participants.users.map((u) => u.id),
        contactIds: activity.participants.contacts.map((c) => c.id),
        minutes: activity.minutes ?? undefined,
        outcome: activity.outcome ?? undefined,
      }
    : {
        kind: 'call',
        occurredAt: pickerNow(),
        opportunityId: opportunityId ?? null,
        withNextTask: false,
        nextTask: { dueAt: defaultNextStepDue() },
      };

  return (
    <Modal
      open
      title={t(activity ? 'activities.editTitle' : 'activities.logTitle')}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'activity-save' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        name="activity"
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="kind" label={t('activities.fields.kind')}>
          <Radio.Group
            optionType="button"
            options={activityKinds.map((kind) => ({
              value: kind,
              label: (
                <span data-kind={kind}>
                  <ActivityKindIcon kind={kind} /> {kindLabel(kind)}
                </span>
              ),
            }))}
            data-testid="activity-kind"
          />
        </Form.Item>
        <Form.Item name="subject" label={t('activities.fields.subject')} rules={[rule(fields.subject)]}>
          <Input maxLength={200} placeholder={t('activities.subjectPlaceholder')} data-testid="activity-subject" />
        </Form.Item>
        <Form.Item name="occurredAt" label={t('activities.fields.occurredAt')} required>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="durationMinutes" label={t('activities.fields.durationMinutes')}>
          <InputNumber min={0} max={1440} style={{ width: '100%' }} />
        </Form.Item>
        {!opportunityId && can('opportunities', 'read') && (
          <Form.Item name="opportunityId" label={t('activities.fields.opportunityId')}>
            <Select
              allowClear
              loading={opportunities.isLoading}
              placeholder={t('activities.noOpportunity')}
              options={(opportunities.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.code} · ${o.title}` }))}
              data-testid="activity-opportunity"
            />
          </Form.Item>
        )}
        <Form.Item name="userIds" label={t('activities.fields.participantUsers')}>
          <UserPicker mode="multiple" activeOnly allowClear />
        </Form.Item>
        {can('contacts', 'read') && (
          <Form.Item name="contactIds" label={t('activities.fields.participantContacts')}>
            <Select
              mode="multiple"
              allowClear
              optionFilterProp="label"
              loading={contacts.isLoading}
              options={(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
              data-testid="activity-contacts"
            />
          </Form.Item>
        )}
        <Form.Item name="minutes" label={t('activities.fields.minutes')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20_000} data-testid="activity-minutes" />
        </Form.Item>
        <Form.Item name="outcome" label={t('activities.fields.outcome')}>
          <Input maxLength={500} data-testid="activity-outcome" />
        </Form.Item>
        {!activity && mayCreateTasks && (
          <>
            <Divider titlePlacement="start" plain style={{ margin: '8px 0' }}>
              {t('activities.nextStep.title')}
            </Divider>
            <Form.Item name="withNextTask" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox data-testid="activity-next-step">{t('activities.nextStep.add')}</Checkbox>
            </Form.Item>
            {withNextTask && (
              <div style={{ display: 'flex', gap: 12 }}>
                <Form.Item
                  name={['nextTask', 'title']}
                  label={t('activities.nextStep.taskTitle')}
                  required
                  rules={[rule(nextTaskFields.title)]}
                  style={{ flex: 2 }}
                >
                  <Input
                    maxLength={200}
                    placeholder={t('activities.nextStep.taskTitlePlaceholder')}
                    data-testid="activity-next-title"
                  />
                </Form.Item>
                <Form.Item
                  name={['nextTask', 'dueAt']}
                  label={t('activities.nextStep.dueAt')}
                  required
                  style={{ flex: 1 }}
                >
                  <DatePicker
                    showTime={{ format: 'HH:mm' }}
                    format="YYYY-MM-DD HH:mm"
                    style={{ width: '100%' }}
                    data-testid="activity-next-due"
                  />
                </Form.Item>
              </div>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
