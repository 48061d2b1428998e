import { and, eq } from 'drizzle-orm';
import { onCustomerMerge } from '../customers/merge-customers';
import { salesEventLeads } from './tables';

/** A merge moves the source customer's leads to the target, so events keep counting them. */
onCustomerMerge(async (ctx, sourceId, targetId) => {
  await ctx.db
    .update(salesEventLeads)
    .set({ customerId: targetId })
    .where(and(eq(salesEventLeads.orgId, ctx.orgId), eq(salesEventLeads.customerId, sourceId)));
});
