import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { customerOwnership } from '../customers';

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

/**
 * Marks shipments as deals: each customer's last shipment restarts its "no deal" clock, as a won opportunity
 * does (never later than now: a planned departure next week is not business yet). Only moves forward.
 */
export async function recordShipmentDeals(
  ctx: Ctx,
  deals: readonly { customerId: string; at: string }[],
): Promise<void> {
  if (deals.length === 0) return;
  const now = ctx.clock.now().toISOString();
  await ctx.db.execute(sql`update customers c
      set last_deal_at = greatest(c.last_deal_at, least(d.at, ${now}::timestamptz))
     from jsonb_to_recordset(${JSON.stringify(deals.map((d) => ({ customer_id: d.customerId, at: d.at })))}::jsonb) as d(customer_id uuid, at timestamptz)
    where c.org_id = ${ctx.orgId} and c.id = d.customer_id
      and c.last_deal_at is distinct from greatest(c.last_deal_at, least(d.at, ${now}::timestamptz))`);
}
