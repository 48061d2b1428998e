import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { customerOwnership } from '../customers/public';

/**
 * Marks a follow-up (a note, call, visit…) on customers, which restarts the pool's "no follow-up"
 * clock. It is not an edit of the record: the version stays, so open edit forms are not made stale,
 * and the audit log leaves the column out. Only moves forward.
 */
export async function recordFollowUp(ctx: Ctx, customerIds: string[], at: Date = ctx.clock.now()): Promise<void> {
  if (customerIds.length === 0) return;
  await ctx.db
    .update(customerOwnership)
    .set({ lastFollowUpAt: sql`greatest(${customerOwnership.lastFollowUpAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(customerOwnership.orgId, ctx.orgId), inArray(customerOwnership.id, customerIds)));
}

/** Marks a deal (an order or shipment won), which restarts the pool's "no deal" clock. Same rules as a follow-up. */
export async function recordDeal(ctx: Ctx, customerIds: string[], at: Date = ctx.clock.now()): Promise<void> {
  if (customerIds.length === 0) return;
  await ctx.db
    .update(customerOwnership)
    .set({ lastDealAt: sql`greatest(${customerOwnership.lastDealAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(customerOwnership.orgId, ctx.orgId), inArray(customerOwnership.id, customerIds)));
}
