import { and, eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Ctx } from '../../platform/context';
import { assertOwner } from '../../platform/owner-assignment';

/**
 * Owner and team of a customer, within the caller's customers scope for the action (see
 * ownerProblem); `currentOwnerId` is the owner the customer has before an update.
 */
export async function assertCustomerAssignment(
  ctx: Ctx,
  action: 'create' | 'update',
  target: { ownerId: string | null; teamId: string | null },
  currentOwnerId?: string | null,
): Promise<void> {
  await assertOwner(ctx, {
    resource: 'customers',
    action,
    ownerId: target.ownerId,
    teamId: target.teamId,
    currentOwnerId,
    codes: { outsideScope: 'customer.owner_outside_scope' },
  });
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
