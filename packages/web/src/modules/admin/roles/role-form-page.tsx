import { ArrowLeftOutlined } from '@ant-design/icons';
import { createRoleInputSchema, endpoints, type Role, updateRoleInputSchema } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Result, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { z } from 'zod';
import { call } from '../../../app/api/call';
import { changedFields } from '../../../app/diff';
import { useRoleLookup } from '../../../app/directory-lookups';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useResetOnVersion } from '../../../app/use-reset-on-version';
import { useZodForm } from '../../../app/zod-form';
import { FullPageSpin } from '../../../components/full-page-spin';
import { PageTitle } from '../../../components/page-title';
import { adminKeys } from '../query-keys';
import { PermissionMatrix } from './permission-matrix';

type CreateRoleInput = z.input<typeof createRoleInputSchema>;
type UpdateRoleInput = z.infer<typeof updateRoleInputSchema>;
type RoleValues = Partial<Pick<Role, 'key' | 'name' | 'nameEn' | 'description' | 'permissions'>>;

const fields = createRoleInputSchema.shape;
/** The built-in administrator always has every permission. */
export const adminRoleKey = 'admin';

export const rolesPath = '/admin/roles';

/**
 * A role on a page of its own (`/admin/roles/new`, `/admin/roles/:id`): the permission matrix has a row per
 * resource and a column per action, too wide and too long for a dialog.
 */
export function RoleFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const lookup = useRoleLookup();
  const can = useCan();
  const creating = id === undefined;
  // The page reads the role from the lookup so that a reload after a conflict brings the new version.
  const role = creating ? undefined : lookup.byId.get(id);
  if (!creating && !role) {
    if (lookup.loading) return <FullPageSpin />;
    return (
      <Result status="404" title={t('roles.notFound')} extra={<Button href={rolesPath}>{t('roles.title')}</Button>} />
    );
  }
  const readOnly = !can('roles', creating ? 'create' : 'update');
  return <RoleForm role={role} readOnly={readOnly} onClose={() => navigate(rolesPath)} />;
}

interface RoleFormProps {
  role?: Role;
  readOnly: boolean;
  onClose: () => void;
}

function RoleForm({ role, readOnly, onClose }: RoleFormProps) {
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
    <div data-testid="role-page">
      <PageTitle
        title={role ? `${t('roles.editTitle')} · ${role.name}` : t('roles.createTitle')}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={onClose}>
              {t('roles.back')}
            </Button>
            {!readOnly && (
              <Button type="primary" onClick={() => form.submit()} loading={save.isPending} data-testid="save-role">
                {role ? t('common.save') : t('common.create')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Form
          disabled={readOnly}
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
            <PermissionMatrix disabled={locked || readOnly} />
          </Form.Item>
          {!readOnly && (
            <Flex justify="end" gap="small">
              <Button onClick={onClose}>{t('common.cancel')}</Button>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {role ? t('common.save') : t('common.create')}
              </Button>
            </Flex>
          )}
        </Form>
      </Card>
    </div>
  );
}
