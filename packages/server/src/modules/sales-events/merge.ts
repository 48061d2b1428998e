import { and, eq } from 'drizzle-orm';
import type { CustomerMergeStep } from '../../platform/module';
import { salesEventLeads } from './tables';

/** A merge moves the source customer's leads to the target, so events keep counting them. */
export const moveLeadsOnMerge: CustomerMergeStep = async (ctx, sourceId, targetId) => {
  await ctx.db
    .update(salesEventLeads)
    .set({ customerId: targetId })
    .where(and(eq(salesEventLeads.orgId, ctx.orgId), eq(salesEventLeads.customerId, sourceId)));
};
