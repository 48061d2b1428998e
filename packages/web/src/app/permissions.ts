import { type Permissions, type Resource, scopeOf } from '@berth/domain';
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
