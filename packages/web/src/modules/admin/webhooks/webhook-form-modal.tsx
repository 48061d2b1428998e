import { endpoints, type Webhook, webhookEvents, webhookInputSchema } from '@berth/domain';
import { useMutation } from '@tanstack/react-query';
import { Checkbox, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { call } from '../../../app/api/call';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useZodForm } from '../../../app/zod-form';

type Values = { url: string; description?: string | null; events: string[] };
type WebhookInput = z.output<typeof webhookInputSchema>;

interface WebhookFormModalProps {
  /** The subscription to change; none to subscribe a new URL. */
  webhook?: Webhook;
  onClose: () => void;
  onSaved: (saved: Webhook) => void;
}

/** Subscribes a URL to events, or changes a subscription (with its version, so a concurrent change is not lost). */
export function WebhookFormModal({ webhook, onClose, onSaved }: WebhookFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { parse } = useZodForm();
  const handleError = useApiErrorHandler();
  const save = useMutation({
    mutationFn: (body: WebhookInput) =>
      webhook
        ? call(endpoints.webhooks.update, { params: { id: webhook.id }, body, version: webhook.version })
        : call(endpoints.webhooks.create, { body }),
    onSuccess: onSaved,
    onError: (error) => handleError(error, { form }),
  });

  const submit = async () => {
    const values = await form.validateFields();
    const input = parse(webhookInputSchema, { ...values, description: values.description || null }, form);
    if (input) save.mutate(input);
  };

  return (
    <Modal
      open
      title={webhook ? t('webhooks.editTitle') : t('webhooks.createTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="webhook"
        initialValues={
          webhook
            ? { url: webhook.url, description: webhook.description, events: webhook.events }
            : { events: ['shipment.exception'] }
        }
      >
        <Form.Item
          name="url"
          label={t('webhooks.url')}
          extra={t('webhooks.urlHint')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input placeholder="https://" data-testid="webhook-url" />
        </Form.Item>
        <Form.Item name="description" label={t('webhooks.description')}>
          <Input maxLength={200} data-testid="webhook-description" />
        </Form.Item>
        <Form.Item
          name="events"
          label={t('webhooks.events')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Checkbox.Group
            options={webhookEvents.map((event) => ({
              value: event,
              label: `${t(`webhooks.eventNames.${event}`)} (${event})`,
            }))}
            style={{ display: 'grid', gap: 4 }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
