import { Select, type SelectProps, Typography } from 'antd';
import { type ReactElement, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeamLookup, useUserLookup } from '../app/directory-lookups';
import { allPagesLimit } from '../app/use-all-pages';

type UserPickerProps = Omit<SelectProps<string>, 'options' | 'showSearch'> & {
  /** Only active users (new owners); departing reps may already be disabled. */
  activeOnly?: boolean;
};

/**
 * The users the viewer may see, by name with email and team, searchable. Beyond the lookup's limit
 * the list says that it shows only the first users.
 */
export function UserPicker({ activeOnly = false, ...props }: UserPickerProps) {
  const { t } = useTranslation();
  const { users, truncated } = useUserLookup();
  const teams = useTeamLookup().byId;
  const options = useMemo(
    () =>
      users
        .filter((user) => !activeOnly || user.status === 'active')
        .map((user) => {
          const team = user.teamId ? teams.get(user.teamId)?.name : undefined;
          return { value: user.id, label: `${user.name} · ${user.email}${team ? ` · ${team}` : ''}` };
        }),
    [users, teams, activeOnly],
  );
  const popupRender = truncated
    ? (menu: ReactElement) => (
        <>
          {menu}
          <Typography.Text type="secondary" style={{ display: 'block', padding: '4px 12px' }}>
            {t('common.listTruncated', { count: allPagesLimit })}
          </Typography.Text>
        </>
      )
    : undefined;
  return <Select showSearch optionFilterProp="label" options={options} popupRender={popupRender} {...props} />;
}
