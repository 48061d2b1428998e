import { endpoints, type LoginInput, loginInputSchema } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { call } from '../../app/api/call';
import { isApiError } from '../../app/api-error';
import { currentLocale } from '../../app/i18n';
import type { LoginRedirectState } from '../../app/routing/require-auth';
import { startSession } from '../../app/session';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { useZodForm } from '../../app/zod-form';
import { AuthCard } from './auth-card';

/** Statuses whose server message is shown above the form (wrong credentials, locked, rate limited). */
const inlineStatuses = new Set([401, 403, 423, 429]);

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginInput>();
  const { rule, parse } = useZodForm();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const state = useLocation().state as LoginRedirectState | null;
  const [failure, setFailure] = useState<string | null>(null);

  const login = useMutation({
    mutationFn: (input: LoginInput) => call(endpoints.auth.login, { body: input, redirectOn401: false }),
    onSuccess: (me) => {
      startSession(queryClient, me);
      navigate(state?.from ?? '/', { replace: true });
    },
    onError: (error) => {
      if (isApiError(error) && inlineStatuses.has(error.status)) setFailure(error.displayMessage(currentLocale()));
      else handleError(error, { form });
    },
  });

  const onFinish = (values: LoginInput) => {
    setFailure(null);
    const input = parse(loginInputSchema, values, form);
    if (input) login.mutate(input);
  };

  return (
    <AuthCard title={t('login.title')} subtitle={t('login.subtitle')}>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} name="login" layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item name="email" label={t('login.email')} rules={[rule(loginInputSchema.shape.email)]}>
          <Input type="email" autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[rule(loginInputSchema.shape.password)]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
