import { and, eq } from 'drizzle-orm';
import type { CustomerMergeStep } from '../../platform/module';
import { inquiries, opportunities } from './tables';

/** A merge moves the source customer's opportunities and inquiries to the kept customer. */
export const moveOpportunitiesOnMerge: CustomerMergeStep = async (ctx, sourceId, targetId) => {
  await ctx.db
    .update(opportunities)
    .set({ customerId: targetId })
    .where(and(eq(opportunities.orgId, ctx.orgId), eq(opportunities.customerId, sourceId)));
  await ctx.db
    .update(inquiries)
    .set({ customerId: targetId })
    .where(and(eq(inquiries.orgId, ctx.orgId), eq(inquiries.customerId, sourceId)));
};
