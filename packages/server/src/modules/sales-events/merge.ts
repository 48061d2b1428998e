import { and, count, eq } from 'drizzle-orm';
import { can } from '../../platform/context';
import type { CustomerMergeStep } from '../../platform/module';
import { visibleSalesEvents } from './sales-event-scope';
import { salesEventLeads, salesEvents } from './tables';

/** A merge moves the source customer's leads to the target, so events keep counting them. */
export const moveLeadsOnMerge: CustomerMergeStep = {
  move: async (ctx, sourceId, targetId) => {
    await ctx.db
      .update(salesEventLeads)
      .set({ customerId: targetId })
      .where(and(eq(salesEventLeads.orgId, ctx.orgId), eq(salesEventLeads.customerId, sourceId)));
  },
  preview: async (ctx, sourceId) => {
    if (!can(ctx, 'salesEvents', 'read')) return [];
    const [row] = await ctx.db
      .select({ n: count() })
      .from(salesEventLeads)
      .innerJoin(
        salesEvents,
        and(eq(salesEvents.orgId, salesEventLeads.orgId), eq(salesEvents.id, salesEventLeads.eventId)),
      )
      .where(and(visibleSalesEvents(ctx), eq(salesEventLeads.customerId, sourceId)));
    return [{ kind: 'leads', count: row?.n ?? 0 }];
  },
};
