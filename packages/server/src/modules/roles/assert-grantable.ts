import { type Permissions, type Scope, scopeOf, scopeRank } from '@berth/domain';
import { and, eq } from 'drizzle-orm';
import { roles } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import type { Ctx } from '../../platform/context';

/**
 * Nobody hands out more than they hold: a role written, given to a user or to an API key may only grant
 * actions the actor has, at no wider scope. Otherwise a custom role allowed to manage keys, users or roles
 * could mint an administrator's key or account. 403 when it grants more.
 */
export function assertGrantable(ctx: Ctx, permissions: Permissions): void {
  for (const [resource, actions] of Object.entries(permissions)) {
    for (const [action, scope] of Object.entries(actions ?? {})) {
      const held = scopeOf(ctx.permissions, resource as keyof Permissions, action);
      if (!held || scopeRank[held] < scopeRank[scope as Scope]) throw AppError.forbidden();
    }
  }
}

/** The permissions of one of the organisation's roles, or null when there is no such role. */
export async function permissionsOfRole(ctx: Ctx, roleId: string): Promise<Permissions | null> {
  const [role] = await ctx.db
    .select({ permissions: roles.permissions })
    .from(roles)
    .where(and(eq(roles.orgId, ctx.orgId), eq(roles.id, roleId)));
  return role ? (role.permissions as Permissions) : null;
}
