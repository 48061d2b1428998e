import {
  endpoints,
  type NextStepRule,
  nextStepRuleInputSchema,
  nextStepRuleKinds,
  taskPriorities,
  updateNextStepRuleInputSchema,
} from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type ButtonProps, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api/call';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { useZodForm } from '../../app/zod-form';
import { taskKeys } from './query-keys';

interface FormValues {
  stageKey?: string;
  kind: NextStepRule['kind'];
  days?: number;
  taskTitle?: string;
  taskPriority: NextStepRule['taskPriority'];
  enabled: boolean;
}

interface NextStepRuleModalProps {
  rule?: NextStepRule;
  stages: { value: string; label: string }[];
  onClose: () => void;
}

const fields = nextStepRuleInputSchema.shape;

/** Adds or edits a next-step rule (If-Match on edit). */
export function NextStepRuleModal({ rule, stages, onClose }: NextStepRuleModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { rule: fieldRule, parse } = useZodForm();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();

  const save = useMutation({
    mutationFn: (values: FormValues) => {
      const body = { ...values, taskTitle: values.taskTitle?.trim() ? values.taskTitle : null };
      if (rule) {
        const input = parse(updateNextStepRuleInputSchema, body, form);
        if (!input) return Promise.reject(null);
        return call(endpoints.nextStepRules.update, { params: { id: rule.id }, body: input, version: rule.version });
      }
      const input = parse(nextStepRuleInputSchema, body, form);
      if (!input) return Promise.reject(null);
      return call(endpoints.nextStepRules.create, { body: input });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: taskKeys.rules });
      void message.success(t('nextSteps.saved'));
      onClose();
    },
    onError: (error) => {
      if (error !== null) handleError(error, { form, onConflict: onClose });
    },
  });

  const initialValues: FormValues = rule
    ? {
        stageKey: rule.stageKey,
        kind: rule.kind,
        days: rule.days,
        taskTitle: rule.taskTitle ?? undefined,
        taskPriority: rule.taskPriority,
        enabled: rule.enabled,
      }
    : { kind: 'no_activity', days: 3, taskPriority: 'normal', enabled: true };

  return (
    <Modal
      open
      title={t(rule ? 'nextSteps.editTitle' : 'nextSteps.createTitle')}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'rule-save' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        name="next-step-rule"
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="stageKey" label={t('nextSteps.fields.stageKey')} required rules={[fieldRule(fields.stageKey)]}>
          <Select options={stages} data-testid="rule-stage" />
        </Form.Item>
        <Form.Item name="kind" label={t('nextSteps.fields.kind')}>
          <Select options={nextStepRuleKinds.map((k) => ({ value: k, label: t(`nextSteps.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="days" label={t('nextSteps.fields.days')} required rules={[fieldRule(fields.days)]}>
          <InputNumber min={1} max={365} style={{ width: '100%' }} data-testid="rule-days" />
        </Form.Item>
        <Form.Item name="taskTitle" label={t('nextSteps.fields.taskTitle')}>
          <Input maxLength={200} placeholder={t('nextSteps.defaultTitle')} />
        </Form.Item>
        <Form.Item name="taskPriority" label={t('nextSteps.fields.taskPriority')}>
          <Select options={taskPriorities.map((p) => ({ value: p, label: t(`tasks.priorities.${p}`) }))} />
        </Form.Item>
        <Form.Item name="enabled" label={t('nextSteps.fields.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
