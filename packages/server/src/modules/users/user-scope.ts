import { and, eq, type SQL } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Ctx } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';

/** A user "owns" their own account; team scope covers the members of the actor's teams. */
export function usersInScope(ctx: Ctx, action: string): SQL {
  return scopeWhere(ctx, 'users', action, { orgId: users.orgId, owner: users.id, team: users.teamId });
}

export function userById(ctx: Ctx, action: string, id: string): SQL {
  return and(usersInScope(ctx, action), eq(users.id, id)) as SQL;
}
