import { handoverInputSchema } from '@berth/domain';
import { App, type ButtonProps, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { useZodForm } from '../../app/zod-form';
import { UserPicker } from '../../components/user-picker';
import { useHandover } from './use-pool';

interface HandoverValues {
  fromUserId?: string;
  toUserId?: string;
  reason?: string;
}

interface HandoverModalProps {
  /** Preselected departing user (e.g. from the users page). */
  fromUserId?: string;
  onClose: () => void;
}

/** Hands every customer of one user that the caller may assign to another user, in one transaction. */
export function HandoverModal({ fromUserId, onClose }: HandoverModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { parse } = useZodForm();
  const [form] = Form.useForm<HandoverValues>();
  const handover = useHandover();

  const onFinish = (values: HandoverValues) => {
    const input = parse(handoverInputSchema, { ...values, reason: values.reason || undefined }, form);
    if (!input) return;
    handover.mutate(input, {
      onSuccess: ({ count }) => {
        void (count > 0 ? message.success(t('pool.handoverDone', { count })) : message.info(t('pool.handoverNone')));
        onClose();
      },
      onError: (error) => handleError(error, { form }),
    });
  };

  return (
    <Modal
      open
      title={t('pool.handoverTitle')}
      okText={t('pool.handoverConfirm')}
      okButtonProps={{ 'data-testid': 'confirm-handover' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={handover.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('pool.handoverIntro')}</Typography.Paragraph>
      <Form form={form} name="handover" layout="vertical" onFinish={onFinish} initialValues={{ fromUserId }}>
        <Form.Item
          name="fromUserId"
          label={t('pool.handoverFrom')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <UserPicker data-testid="handover-from" />
        </Form.Item>
        <Form.Item
          name="toUserId"
          label={t('pool.handoverTo')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <UserPicker activeOnly data-testid="handover-to" />
        </Form.Item>
        <Form.Item name="reason" label={t('pool.reason')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
