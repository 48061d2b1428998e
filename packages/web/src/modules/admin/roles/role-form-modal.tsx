import { createRoleInputSchema, endpoints, type Role, updateRoleInputSchema } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, Form, Input, Modal, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { call } from '../../../app/api/call';
import { changedFields } from '../../../app/diff';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useResetOnVersion } from '../../../app/use-reset-on-version';
import { useZodForm } from '../../../app/zod-form';
import { adminKeys } from '../query-keys';
import { PermissionMatrix } from './permission-matrix';

type CreateRoleInput = z.input<typeof createRoleInputSchema>;
type UpdateRoleInput = z.infer<typeof updateRoleInputSchema>;
type RoleValues = Partial<Pick<Role, 'key' | 'name' | 'nameEn' | 'description' | 'permissions'>>;

const fields = createRoleInputSchema.shape;
/** The built-in administrator always has every permission. */
export const adminRoleKey = 'admin';

interface RoleFormModalProps {
  role?: Role;
  onClose: () => void;
}

export function RoleFormModal({ role, onClose }: RoleFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RoleValues>();
  const { rule, parse } = useZodForm();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const locked = role?.builtin === true && role.key === adminRoleKey;

  useResetOnVersion(form, role);

  const save = useMutation({
    mutationFn: (input: CreateRoleInput | UpdateRoleInput) =>
      role
        ? call(endpoints.roles.update, { params: { id: role.id }, body: input, version: role.version })
        : call(endpoints.roles.create, { body: input as CreateRoleInput }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.roles });
      void message.success(role ? t('common.saved') : t('common.created'));
      onClose();
    },
    onError: (error) => handleError(error, { form }),
  });

  const onFinish = (values: RoleValues) => {
    if (!role) {
      const input = parse(createRoleInputSchema, { permissions: {}, ...values }, form);
      if (input) save.mutate(input);
      return;
    }
    const { key: _key, permissions, ...rest } = values;
    const input = parse(updateRoleInputSchema, changedFields(role, locked ? rest : { ...rest, permissions }), form);
    if (!input) return;
    if (Object.keys(input).length === 0) return onClose();
    save.mutate(input);
  };

  return (
    <Modal
      open
      width={880}
      title={role ? t('roles.editTitle') : t('roles.createTitle')}
      okText={role ? t('common.save') : t('common.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        name="role"
        layout="vertical"
        initialValues={role ?? { description: '', permissions: {} }}
        onFinish={onFinish}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="key"
              label={t('roles.key')}
              extra={role ? undefined : t('roles.keyHint')}
              required={!role}
              rules={role ? [] : [rule(fields.key, { invalid_format: t('roles.keyInvalid') })]}
            >
              <Input disabled={Boolean(role)} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="name" label={t('roles.name')} required rules={[rule(fields.name)]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="nameEn" label={t('roles.nameEn')} required rules={[rule(fields.nameEn)]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('roles.description')} rules={[rule(fields.description)]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        {locked && <Alert type="info" showIcon title={t('roles.adminReadonly')} style={{ marginBottom: 12 }} />}
        <Form.Item name="permissions" label={t('roles.permissions')} extra={t('roles.permissionsHint')}>
          <PermissionMatrix disabled={locked} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
