import { endpoints, personNameSchema, updateProfileInputSchema } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { call } from '../../app/api/call';
import { meQueryKey, showTimesFor, useMe } from '../../app/session';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { useZodForm } from '../../app/zod-form';
import { TimeZoneSelect } from '../../components/time-zone-select';

type UpdateProfileInput = z.infer<typeof updateProfileInputSchema>;
type ProfileValues = { name?: string; timeZone?: string | null };

export function ProfileCard() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [form] = Form.useForm<ProfileValues>();
  const { rule, parse } = useZodForm();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const save = useMutation({
    mutationFn: (body: UpdateProfileInput) => call(endpoints.me.update, { body }),
    onSuccess: (me) => {
      showTimesFor(me);
      queryClient.setQueryData(meQueryKey, me);
      // Lists already shown were formatted in the old zone.
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      void message.success(t('account.profileSaved'));
    },
    onError: (error) => handleError(error, { form }),
  });

  const onFinish = (values: ProfileValues) => {
    const input = parse(updateProfileInputSchema, { name: values.name, timeZone: values.timeZone ?? null }, form);
    if (input) save.mutate(input);
  };

  if (!me) return null;
  return (
    <Card title={t('account.profile')}>
      <Form
        form={form}
        name="profile"
        layout="vertical"
        initialValues={{ name: me.user.name, timeZone: me.user.timeZone }}
        onFinish={onFinish}
        style={{ maxWidth: 400 }}
      >
        <Form.Item label={t('account.email')}>
          <Input value={me.user.email} disabled />
        </Form.Item>
        <Form.Item name="name" label={t('account.name')} required rules={[rule(personNameSchema)]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name="timeZone" label={t('account.timeZone')} extra={t('account.timeZoneHint')}>
          <TimeZoneSelect
            allowClear
            placeholder={t('account.timeZoneOrg', { zone: me.organization.timeZone })}
            data-testid="profile-time-zone"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
