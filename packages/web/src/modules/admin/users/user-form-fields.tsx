import { createUserInputSchema } from '@berth/domain';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRoleLookup, useRoleName, useTeamLookup } from '../../../app/directory-lookups';
import { useZodForm } from '../../../app/zod-form';

const fields = createUserInputSchema.shape;

/** Email, name, role, team and language: the fields shared by "new user" and "edit user". */
export function UserFormFields() {
  const { t } = useTranslation();
  const { rule } = useZodForm();
  const { roles } = useRoleLookup();
  const { teams } = useTeamLookup();
  const roleName = useRoleName();

  return (
    <>
      <Form.Item name="email" label={t('users.email')} required rules={[rule(fields.email)]}>
        <Input type="email" autoComplete="off" />
      </Form.Item>
      <Form.Item name="name" label={t('users.name')} required rules={[rule(fields.name)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="roleId" label={t('users.role')} required rules={[rule(fields.roleId)]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={roles.map((role) => ({ value: role.id, label: roleName(role) }))}
        />
      </Form.Item>
      <Form.Item name="teamId" label={t('users.team')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={teams.map((team) => ({ value: team.id, label: team.name }))}
        />
      </Form.Item>
      <Form.Item name="locale" label={t('users.locale')}>
        <Select
          options={[
            { value: 'zh-CN', label: t('lang.zhCN') },
            { value: 'en', label: t('lang.en') },
          ]}
        />
      </Form.Item>
    </>
  );
}
