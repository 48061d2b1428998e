import { createApiKeyInputSchema, endpoints } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { call } from '../../../app/api/call';
import { useRoleLookup, useRoleName } from '../../../app/directory-lookups';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useZodForm } from '../../../app/zod-form';
import { fromPickerValue, pickerNow } from '../../../app/zoned-picker';
import { adminKeys } from '../query-keys';

type CreateApiKeyInput = z.infer<typeof createApiKeyInputSchema>;
type ApiKeyValues = Omit<CreateApiKeyInput, 'expiresAt'> & { expiresAt?: Dayjs | null };

interface ApiKeyCreateModalProps {
  onCreated: (secret: string) => void;
  onClose: () => void;
}

const fields = createApiKeyInputSchema.shape;

export function ApiKeyCreateModal({ onCreated, onClose }: ApiKeyCreateModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ApiKeyValues>();
  const { rule, parse } = useZodForm();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const { roles } = useRoleLookup();
  const roleName = useRoleName();

  const create = useMutation({
    mutationFn: (input: CreateApiKeyInput) => call(endpoints.apiKeys.create, { body: input }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.apiKeys });
      onCreated(created.secret);
    },
    onError: (error) => handleError(error, { form }),
  });

  const onFinish = (values: ApiKeyValues) => {
    const input = parse(
      createApiKeyInputSchema,
      { ...values, expiresAt: fromPickerValue(values.expiresAt) ?? undefined },
      form,
    );
    if (input) create.mutate(input);
  };

  return (
    <Modal
      open
      title={t('apiKeys.createTitle')}
      okText={t('common.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
    >
      <Form form={form} name="api-key" layout="vertical" onFinish={onFinish}>
        <Form.Item name="name" label={t('apiKeys.name')} required rules={[rule(fields.name)]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="roleId" label={t('apiKeys.role')} required rules={[rule(fields.roleId)]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={roles.map((role) => ({ value: role.id, label: roleName(role) }))}
          />
        </Form.Item>
        <Form.Item name="expiresAt" label={t('apiKeys.expiresAt')} extra={t('apiKeys.expiresHint')}>
          <DatePicker showTime style={{ width: '100%' }} disabledDate={(date) => date.isBefore(pickerNow(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
