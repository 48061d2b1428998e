import type { Resource } from '@berth/domain';
import { and, eq } from 'drizzle-orm';
import { teams, users } from '../db/schema';
import { AppError } from './app-error';
import { type Ctx, requireScope } from './context';

/**
 * Owner and team of an owned record (customer, opportunity…) must exist in the organisation; a
 * user with "own" scope for the action keeps records for themselves, one with "team" scope within
 * their teams. `outsideScope` is the error code for an owner or team beyond the caller's scope.
 */
export async function assertAssignment(
  ctx: Ctx,
  resource: Resource,
  action: 'create' | 'update',
  target: { ownerId: string | null; teamId: string | null },
  outsideScope: string,
): Promise<void> {
  if (target.ownerId) {
    const [owner] = await ctx.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, ctx.orgId), eq(users.id, target.ownerId)));
    if (!owner) throw AppError.validation('ownerId', 'reference.invalid');
  }
  if (target.teamId) {
    const [team] = await ctx.db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.orgId, ctx.orgId), eq(teams.id, target.teamId)));
    if (!team) throw AppError.validation('teamId', 'reference.invalid');
  }
  const scope = requireScope(ctx, resource, action);
  if (scope === 'own' && target.ownerId !== ctx.userId) {
    throw AppError.validation('ownerId', outsideScope);
  }
  if (scope === 'team' && target.ownerId !== ctx.userId && !(target.teamId && ctx.teamIds.includes(target.teamId))) {
    throw AppError.validation('teamId', outsideScope);
  }
}
