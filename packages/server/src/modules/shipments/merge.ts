import { and, count, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/database';
import { can } from '../../platform/context';
import type { CustomerMergeStep } from '../../platform/module';
import { refreshCustomerRollups } from './customer-rollups';
import { shipmentsInScope } from './shipment-scope';
import { shipments } from './tables';

/**
 * A merge moves the source customer's shipments to the kept customer: the parties that name it, the review
 * queue's links to it (so later feeds naming that party match the kept customer), and the shipments whose
 * customer it was (scope follows the customer, decision 0007). Then the roll-ups are computed again: the kept
 * customer's from all its shipments, the absorbed one's row goes (it has no shipments left).
 */
export const moveShipmentsOnMerge: CustomerMergeStep = {
  move: async (ctx, sourceId, targetId) => {
    const org = ctx.orgId;
    const now = ctx.clock.now().toISOString();
    const parties = await queryRows<{ shipment_id: string }>(
      ctx.db,
      sql`update shipment_parties set customer_id = ${targetId}
           where org_id = ${org} and customer_id = ${sourceId}
          returning shipment_id::text`,
    );
    await ctx.db.execute(sql`update unmatched_parties
         set customer_id = ${targetId}, version = version + 1, updated_at = ${now}::timestamptz
       where org_id = ${org} and customer_id = ${sourceId}`);
    // The customer is part of the record (its DTO, its scope): a new version, and the move is on its history.
    const moved = await queryRows<{ id: string }>(
      ctx.db,
      sql`update shipments set customer_id = ${targetId}, version = version + 1, updated_at = ${now}::timestamptz
           where org_id = ${org} and customer_id = ${sourceId}
          returning id::text`,
    );
    if (moved.length > 0 || parties.length > 0) await refreshCustomerRollups(ctx, [sourceId, targetId]);
  },
  preview: async (ctx, sourceId) => {
    if (!can(ctx, 'shipments', 'read')) return [];
    const [row] = await ctx.db
      .select({ n: count() })
      .from(shipments)
      .where(and(shipmentsInScope(ctx, 'read'), eq(shipments.customerId, sourceId)));
    return [{ kind: 'shipments', count: row?.n ?? 0 }];
  },
};
