import { and, count, eq } from 'drizzle-orm';
import { can } from '../../platform/context';
import type { CustomerMergeStep } from '../../platform/module';
import { opportunitiesInScope } from './opportunity-scope';
import { inquiries, opportunities } from './tables';

/** A merge moves the source customer's opportunities and inquiries to the kept customer. */
export const moveOpportunitiesOnMerge: CustomerMergeStep = {
  move: async (ctx, sourceId, targetId) => {
    await ctx.db
      .update(opportunities)
      .set({ customerId: targetId })
      .where(and(eq(opportunities.orgId, ctx.orgId), eq(opportunities.customerId, sourceId)));
    await ctx.db
      .update(inquiries)
      .set({ customerId: targetId })
      .where(and(eq(inquiries.orgId, ctx.orgId), eq(inquiries.customerId, sourceId)));
  },
  preview: async (ctx, sourceId) => {
    if (!can(ctx, 'opportunities', 'read')) return [];
    const [row] = await ctx.db
      .select({ n: count() })
      .from(opportunities)
      .where(and(opportunitiesInScope(ctx, 'read'), eq(opportunities.customerId, sourceId)));
    return [{ kind: 'opportunities', count: row?.n ?? 0 }];
  },
};
