import { assignProspectsInputSchema } from '@berth/domain';
import { App, type ButtonProps, Checkbox, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { useZodForm } from '../../app/zod-form';
import { UserPicker } from '../../components/user-picker';
import { useAssignProspects } from './use-prospects';

interface AssignValues {
  mode: 'manual' | 'round_robin';
  userId?: string;
  userIds?: string[];
  byCountry?: boolean;
  reason?: string;
}

/** Gives the selected prospects to one rep, or spreads them evenly over several (by country if wished). */
export function ProspectAssignModal({
  customerIds,
  onClose,
}: {
  customerIds: string[];
  onClose: (done: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { parse } = useZodForm();
  const [form] = Form.useForm<AssignValues>();
  const mode = Form.useWatch('mode', form) ?? 'manual';
  const assign = useAssignProspects();

  const onFinish = (values: AssignValues) => {
    const input = parse(
      assignProspectsInputSchema,
      {
        customerIds,
        mode: values.mode,
        userIds: values.mode === 'manual' ? (values.userId ? [values.userId] : []) : (values.userIds ?? []),
        by: values.mode === 'round_robin' && values.byCountry ? 'country' : undefined,
        reason: values.reason || undefined,
      },
      form,
    );
    if (!input) return;
    assign.mutate(input, {
      onSuccess: (result) => {
        void message.success(t('prospects.assigned', { count: result.count }));
        onClose(true);
      },
      onError: (error) => handleError(error, { form }),
    });
  };

  return (
    <Modal
      open
      title={t('prospects.assignTitle', { count: customerIds.length })}
      okText={t('prospects.assign')}
      okButtonProps={{ 'data-testid': 'confirm-assign-prospects' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      confirmLoading={assign.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        name="assignProspects"
        layout="vertical"
        initialValues={{ mode: 'manual', byCountry: true }}
        onFinish={onFinish}
      >
        <Form.Item name="mode" label={t('prospects.mode')}>
          <Radio.Group
            options={(['manual', 'round_robin'] as const).map((m) => ({ value: m, label: t(`prospects.modes.${m}`) }))}
            data-testid="assign-mode"
          />
        </Form.Item>
        {mode === 'manual' ? (
          <Form.Item
            name="userId"
            label={t('prospects.reps')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <UserPicker activeOnly data-testid="assign-rep" />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="userIds"
              label={t('prospects.reps')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <UserPicker mode="multiple" activeOnly data-testid="assign-reps" />
            </Form.Item>
            <Form.Item name="byCountry" valuePropName="checked">
              <Checkbox>{t('prospects.byCountry')}</Checkbox>
            </Form.Item>
          </>
        )}
        <Form.Item name="reason" label={t('prospects.reason')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
