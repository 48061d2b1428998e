import { and, eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { assertAssignment } from '../../platform/assert-assignment';
import type { Ctx } from '../../platform/context';

/** Owner and team of a customer, within the caller's customers scope (see assertAssignment). */
export function assertCustomerAssignment(
  ctx: Ctx,
  action: 'create' | 'update',
  target: { ownerId: string | null; teamId: string | null },
): Promise<void> {
  return assertAssignment(ctx, 'customers', action, target, 'customer.owner_outside_scope');
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
