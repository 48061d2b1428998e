import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { useTeamLookup, useUserLookup } from '../app/directory-lookups';

type UserPickerProps = Omit<SelectProps<string>, 'options' | 'showSearch'> & {
  /** Only active users (new owners); departing reps may already be disabled. */
  activeOnly?: boolean;
};

/** The users the viewer may see, by name with email and team, searchable. */
export function UserPicker({ activeOnly = false, ...props }: UserPickerProps) {
  const { users } = useUserLookup();
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
  return <Select showSearch optionFilterProp="label" options={options} {...props} />;
}
