import { endpoints, type SetupInput, setupInputSchema } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Divider, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { call } from '../../app/api/call';
import { isApiError } from '../../app/api-error';
import { setupQueryKey, startSession } from '../../app/session';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { useZodForm } from '../../app/zod-form';
import { AuthCard } from './auth-card';

type SetupFormValues = SetupInput & { admin: { confirm: string } };

const orgFields = setupInputSchema.shape.organization.shape;
const adminFields = setupInputSchema.shape.admin.shape;

export function SetupPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<SetupFormValues>();
  const { rule, parse } = useZodForm();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const setup = useMutation({
    mutationFn: (input: SetupInput) => call(endpoints.setup.create, { body: input }),
    onSuccess: (me) => {
      startSession(queryClient, me);
      navigate('/', { replace: true });
      void message.success(t('setup.done'));
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'setup.already_done') {
        void message.info(t('setup.alreadyDone'));
        queryClient.setQueryData(setupQueryKey, { setupRequired: false, sessionCookie: false });
        navigate('/login', { replace: true });
        return;
      }
      handleError(error, { form });
    },
  });

  const onFinish = (values: SetupFormValues) => {
    const input = parse(setupInputSchema, values, form);
    if (input) setup.mutate(input);
  };

  return (
    <AuthCard title={t('setup.title')} subtitle={t('setup.intro')}>
      <Form form={form} name="setup" layout="vertical" onFinish={onFinish}>
        <Divider titlePlacement="start">{t('setup.organization')}</Divider>
        <Form.Item name={['organization', 'name']} label={t('setup.orgName')} required rules={[rule(orgFields.name)]}>
          <Input autoComplete="organization" autoFocus />
        </Form.Item>
        <Divider titlePlacement="start">{t('setup.admin')}</Divider>
        <Form.Item name={['admin', 'name']} label={t('setup.adminName')} required rules={[rule(adminFields.name)]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name={['admin', 'email']} label={t('setup.email')} required rules={[rule(adminFields.email)]}>
          <Input type="email" autoComplete="email" />
        </Form.Item>
        <Form.Item
          name={['admin', 'password']}
          label={t('setup.password')}
          extra={t('setup.passwordHint')}
          required
          rules={[rule(adminFields.password)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name={['admin', 'confirm']}
          label={t('setup.confirmPassword')}
          dependencies={[['admin', 'password']]}
          required
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_rule, value: unknown) => {
                if (!value) throw new Error(t('validation.required'));
                if (value !== getFieldValue(['admin', 'password'])) throw new Error(t('validation.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={setup.isPending} data-testid="setup-submit">
          {t('setup.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
