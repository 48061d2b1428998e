import { type CreateUserInput, createUserInputSchema, endpoints, passwordSchema } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useZodForm } from '../../../app/zod-form';
import { adminKeys } from '../query-keys';
import { UserFormFields } from './user-form-fields';

type CreateUserValues = Partial<CreateUserInput>;

interface UserCreateModalProps {
  onClose: () => void;
}

export function UserCreateModal({ onClose }: UserCreateModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateUserValues>();
  const { rule, parse } = useZodForm();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const create = useMutation({
    mutationFn: (input: CreateUserInput) => call(endpoints.users.create, { body: input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.users });
      void message.success(t('common.created'));
      onClose();
    },
    onError: (error) => handleError(error, { form }),
  });

  const onFinish = (values: CreateUserValues) => {
    const input = parse(createUserInputSchema, values, form);
    if (input) create.mutate(input);
  };

  return (
    <Modal
      open
      title={t('users.createTitle')}
      okText={t('common.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
    >
      <Form form={form} name="user-create" layout="vertical" initialValues={{ locale: 'zh-CN' }} onFinish={onFinish}>
        <UserFormFields />
        <Form.Item name="password" label={t('users.password')} required rules={[rule(passwordSchema)]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
