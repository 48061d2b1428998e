import { and, eq } from 'drizzle-orm';
import { teams, users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type Ctx, requireScope } from '../../platform/context';

/**
 * Owner and team must exist in the organisation; a rep with "own" scope keeps customers for
 * themselves, a manager with "team" scope within their teams.
 */
export async function assertCustomerAssignment(
  ctx: Ctx,
  action: 'create' | 'update',
  target: { ownerId: string | null; teamId: string | null },
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
  const scope = requireScope(ctx, 'customers', action);
  if (scope === 'own' && target.ownerId !== ctx.userId) {
    throw AppError.validation('ownerId', 'customer.owner_outside_scope');
  }
  if (scope === 'team' && target.ownerId !== ctx.userId && !(target.teamId && ctx.teamIds.includes(target.teamId))) {
    throw AppError.validation('teamId', 'customer.owner_outside_scope');
  }
}

/** The team a new customer of this owner belongs to by default: the owner's own team. */
export async function teamOfUser(ctx: Ctx, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [user] = await ctx.db
    .select({ teamId: users.teamId })
    .from(users)
    .where(and(eq(users.orgId, ctx.orgId), eq(users.id, userId)));
  return user?.teamId ?? null;
}
