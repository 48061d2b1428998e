import type { User } from '@berth/domain';
import { Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRoleLookup, useRoleName, useTeamLookup } from '../../../app/directory-lookups';

export interface UserFilterValues {
  q?: string;
  teamId?: string;
  roleId?: string;
  status?: User['status'];
}

interface UserFiltersProps {
  value: UserFilterValues;
  onChange: (value: UserFilterValues) => void;
}

export function UserFilters({ value, onChange }: UserFiltersProps) {
  const { t } = useTranslation();
  const { teams } = useTeamLookup();
  const { roles } = useRoleLookup();
  const roleName = useRoleName();

  return (
    <Flex gap="small" wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder={t('users.searchPlaceholder')}
        aria-label={t('users.searchPlaceholder')}
        defaultValue={value.q}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
        style={{ width: 240 }}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('users.filterTeam')}
        aria-label={t('users.filterTeam')}
        value={value.teamId}
        onChange={(teamId?: string) => onChange({ ...value, teamId })}
        options={teams.map((team) => ({ value: team.id, label: team.name }))}
        style={{ width: 180 }}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('users.filterRole')}
        aria-label={t('users.filterRole')}
        value={value.roleId}
        onChange={(roleId?: string) => onChange({ ...value, roleId })}
        options={roles.map((role) => ({ value: role.id, label: roleName(role) }))}
        style={{ width: 180 }}
      />
      <Select
        allowClear
        placeholder={t('users.filterStatus')}
        aria-label={t('users.filterStatus')}
        value={value.status}
        onChange={(status?: User['status']) => onChange({ ...value, status })}
        options={[
          { value: 'active', label: t('users.statusValues.active') },
          { value: 'disabled', label: t('users.statusValues.disabled') },
        ]}
        style={{ width: 140 }}
      />
    </Flex>
  );
}
