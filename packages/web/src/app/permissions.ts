import { type Permissions, type Resource, type Scope, scopeOf } from '@berth/domain';
import { useCallback } from 'react';
import { useMe } from './session';

export function can(permissions: Permissions | undefined, resource: Resource, action: string): boolean {
  return permissions ? scopeOf(permissions, resource, action) !== null : false;
}

/** `can('users', 'create')` for the signed-in user. */
export function useCan(): (resource: Resource, action: string) => boolean {
  const { data: me } = useMe();
  const permissions = me?.permissions as Permissions | undefined;
  return useCallback((resource, action) => can(permissions, resource, action), [permissions]);
}

/** The signed-in user's data scope for `<resource>.<action>`, null without the permission. */
export function useScope(): (resource: Resource, action: string) => Scope | null {
  const { data: me } = useMe();
  const permissions = me?.permissions as Permissions | undefined;
  return useCallback(
    (resource, action) => (permissions ? scopeOf(permissions, resource, action) : null),
    [permissions],
  );
}
