import { changePasswordInputSchema, endpoints } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { call } from '../../app/api/call';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { useZodForm } from '../../app/zod-form';
import { sessionsQueryKey } from './sessions-query';

type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;
type ChangePasswordValues = ChangePasswordInput & { confirm: string };

const fields = changePasswordInputSchema.shape;

export function ChangePasswordCard() {
  const { t } = useTranslation();
  const [form] = Form.useForm<ChangePasswordValues>();
  const { rule, parse } = useZodForm();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const change = useMutation({
    mutationFn: (body: ChangePasswordInput) => call(endpoints.me.changePassword, { body }),
    onSuccess: () => {
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
      void message.success(t('account.passwordChanged'));
    },
    onError: (error) => handleError(error, { form }),
  });

  const onFinish = (values: ChangePasswordValues) => {
    const input = parse(changePasswordInputSchema, values, form);
    if (input) change.mutate(input);
  };

  return (
    <Card title={t('account.changePassword')}>
      <Form form={form} name="change-password" layout="vertical" onFinish={onFinish} style={{ maxWidth: 400 }}>
        <Form.Item
          name="currentPassword"
          label={t('account.currentPassword')}
          required
          rules={[rule(fields.currentPassword)]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('account.newPassword')}
          extra={t('account.passwordHint')}
          required
          rules={[rule(fields.newPassword)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          required
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_rule, value: unknown) => {
                if (!value) throw new Error(t('validation.required'));
                if (value !== getFieldValue('newPassword')) throw new Error(t('validation.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('account.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}
