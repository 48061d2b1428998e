import { and, eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type Ctx, requireScope } from '../../platform/context';

/**
 * The owner of an event must be an active user of the organisation within the actor's salesEvents
 * scope for the action: "own" only themselves, "team" someone of their teams. The event belongs to
 * the owner's team.
 */
export async function eventOwner(
  ctx: Ctx,
  action: 'create' | 'update',
  ownerId: string | null,
): Promise<{ ownerId: string | null; teamId: string | null }> {
  const scope = requireScope(ctx, 'salesEvents', action);
  if (!ownerId) {
    if (scope !== 'org') throw AppError.validation('ownerId', 'sales_event.owner_outside_scope');
    return { ownerId: null, teamId: null };
  }
  const [user] = await ctx.db
    .select({ id: users.id, teamId: users.teamId, status: users.status })
    .from(users)
    .where(and(eq(users.orgId, ctx.orgId), eq(users.id, ownerId)));
  if (!user) throw AppError.validation('ownerId', 'reference.invalid');
  if (user.status !== 'active') throw AppError.validation('ownerId', 'sales_event.user_inactive');
  const self = user.id === ctx.userId;
  const inTeams = !!user.teamId && ctx.teamIds.includes(user.teamId);
  if ((scope === 'own' && !self) || (scope === 'team' && !self && !inTeams)) {
    throw AppError.validation('ownerId', 'sales_event.owner_outside_scope');
  }
  return { ownerId: user.id, teamId: user.teamId };
}
