import { releaseCustomerInputSchema } from '@berth/domain';
import { App, type ButtonProps, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { useZodForm } from '../../app/zod-form';
import { useReleaseCustomer } from './use-pool';

interface ReleaseModalProps {
  customer: { id: string; name: string };
  onClose: () => void;
}

/** Puts a customer back into its team's pool; the reason goes on the customer's timeline. */
export function ReleaseModal({ customer, onClose }: ReleaseModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { parse } = useZodForm();
  const [form] = Form.useForm<{ reason?: string }>();
  const release = useReleaseCustomer(customer.id);

  const onFinish = (values: { reason?: string }) => {
    const input = parse(releaseCustomerInputSchema, values, form);
    if (!input) return;
    release.mutate(input, {
      onSuccess: () => {
        void message.success(t('pool.released'));
        onClose();
      },
      onError: (error) => handleError(error, { form }),
    });
  };

  return (
    <Modal
      open
      title={t('pool.releaseTitle', { name: customer.name })}
      okText={t('pool.release')}
      okButtonProps={{ danger: true, 'data-testid': 'confirm-release' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={release.isPending}
      destroyOnHidden
    >
      <Form form={form} name="release" layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="reason"
          label={t('pool.releaseReason')}
          rules={[{ required: true, whitespace: true, message: t('pool.releaseReasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="release-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
