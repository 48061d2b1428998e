import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { customers } from '../customers/tables';

/**
 * Marks a follow-up (a note, call, visit…) on customers, which restarts the pool's "no follow-up"
 * clock. It is not an edit of the record: the version stays, so open edit forms are not made stale,
 * and the audit log leaves the column out. Only moves forward.
 */
export async function recordFollowUp(ctx: Ctx, customerIds: string[], at: Date = ctx.clock.now()): Promise<void> {
  if (customerIds.length === 0) return;
  await ctx.db
    .update(customers)
    .set({ lastFollowUpAt: sql`greatest(${customers.lastFollowUpAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(customers.orgId, ctx.orgId), inArray(customers.id, customerIds)));
}

/** Marks a deal (an order or shipment won), which restarts the pool's "no deal" clock. Same rules as a follow-up. */
export async function recordDeal(ctx: Ctx, customerIds: string[], at: Date = ctx.clock.now()): Promise<void> {
  if (customerIds.length === 0) return;
  await ctx.db
    .update(customers)
    .set({ lastDealAt: sql`greatest(${customers.lastDealAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(customers.orgId, ctx.orgId), inArray(customers.id, customerIds)));
}
