import { endpoints, type Role } from '@berth/domain';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllPages } from './keyset-pages';
import { useCan } from './permissions';
import { useAllPages } from './use-all-pages';

/**
 * Query key roots of the organisation directory. The administration pages list and change these records under
 * the same roots, so invalidating a root there refreshes every lookup.
 */
export const directoryKeys = {
  users: ['users'],
  teams: ['teams'],
  roles: ['roles'],
} as const;

const noItems: never[] = [];

function useItems<T>(pages: AllPages<T> | undefined): T[] {
  return pages?.items ?? noItems;
}

function useById<T extends { id: string }>(items: T[]): Map<string, T> {
  return useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);
}

/** Every role (for names and selects); empty without roles.read. */
export function useRoleLookup() {
  const can = useCan();
  const query = useAllPages(directoryKeys.roles, endpoints.roles.list, can('roles', 'read'));
  const roles = useItems(query.data);
  return { roles, byId: useById(roles), truncated: query.data?.truncated ?? false, loading: query.isLoading };
}

/** Every team (for names, hierarchy and selects); empty without teams.read. */
export function useTeamLookup() {
  const can = useCan();
  const query = useAllPages(directoryKeys.teams, endpoints.teams.list, can('teams', 'read'));
  const teams = useItems(query.data);
  return { teams, byId: useById(teams), truncated: query.data?.truncated ?? false, loading: query.isLoading };
}

/** Every user the viewer may see (for manager and actor selects); empty without users.read. */
export function useUserLookup() {
  const can = useCan();
  const query = useAllPages(directoryKeys.users, endpoints.users.list, can('users', 'read'));
  const users = useItems(query.data);
  return { users, byId: useById(users), truncated: query.data?.truncated ?? false, loading: query.isLoading };
}

/** A role's name in the UI language. */
export function useRoleName(): (role: Pick<Role, 'name' | 'nameEn'> | undefined) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (role) => (role ? (i18n.language === 'en' ? role.nameEn : role.name) : t('common.none')),
    [i18n.language, t],
  );
}
