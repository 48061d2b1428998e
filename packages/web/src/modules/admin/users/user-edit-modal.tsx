import { endpoints, passwordSchema, type UpdateUserInput, type User, updateUserInputSchema } from '@berth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, Modal, Select, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { changedFields } from '../../../app/diff';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useResetOnVersion } from '../../../app/use-reset-on-version';
import { useZodForm } from '../../../app/zod-form';
import { adminKeys } from '../query-keys';
import { UserFormFields } from './user-form-fields';
import { isLocked } from './user-status-tag';

type EditUserValues = Pick<User, 'email' | 'name' | 'roleId' | 'locale' | 'status'> & {
  teamId?: string | null;
  password?: string;
  unlock?: boolean;
};

interface UserEditModalProps {
  userId: string;
  onClose: () => void;
  /** Called after the user was deactivated here (their customers may need a new owner). */
  onDeactivated?: (user: User) => void;
}

/** Loads the user (current version), then sends only the changed fields with If-Match. */
export function UserEditModal({ userId, onClose, onDeactivated }: UserEditModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EditUserValues>();
  const { rule, parse } = useZodForm();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const { data: user, isPending } = useQuery({
    queryKey: [...adminKeys.users, 'detail', userId],
    queryFn: ({ signal }) => call(endpoints.users.get, { params: { id: userId }, signal }),
    staleTime: 0,
  });

  useResetOnVersion(form, user);

  const update = useMutation({
    mutationFn: ({ input, version }: { input: UpdateUserInput; version: number }) =>
      call(endpoints.users.update, { params: { id: userId }, body: input, version }),
    onSuccess: (updated, { input }) => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.users });
      void message.success(t('common.saved'));
      onClose();
      if (input.status === 'disabled') onDeactivated?.(updated);
    },
    onError: (error) => handleError(error, { form }),
  });

  const onFinish = (values: EditUserValues) => {
    if (!user) return;
    const { password, unlock, ...profile } = values;
    const changes: Record<string, unknown> = changedFields(user, {
      ...profile,
      teamId: profile.teamId ?? null,
    });
    if (password) changes.password = password;
    if (unlock) changes.unlock = true;
    if (Object.keys(changes).length === 0) {
      void message.info(t('users.noChanges'));
      onClose();
      return;
    }
    const input = parse(updateUserInputSchema, changes, form);
    if (input) update.mutate({ input, version: user.version });
  };

  return (
    <Modal
      open
      title={t('users.editTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      okButtonProps={{ disabled: !user }}
    >
      {isPending || !user ? (
        <Spin />
      ) : (
        <Form form={form} name="user-edit" layout="vertical" initialValues={user} onFinish={onFinish}>
          <UserFormFields />
          <Form.Item name="status" label={t('users.status')}>
            <Select
              options={[
                { value: 'active', label: t('users.statusValues.active') },
                { value: 'disabled', label: t('users.statusValues.disabled') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('users.resetPassword')}
            extra={t('users.resetPasswordHint')}
            rules={[rule(passwordSchema.optional())]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {isLocked(user) && (
            <Form.Item name="unlock" valuePropName="checked">
              <Checkbox>{t('users.unlock')}</Checkbox>
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}
