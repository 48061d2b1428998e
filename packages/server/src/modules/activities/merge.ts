import { and, eq } from 'drizzle-orm';
import { onCustomerMerge } from '../customers/merge-customers';
import { tasks } from '../tasks/tables';
import { activities } from './tables';

/** A merge moves the source customer's activities and tasks (deleted and done ones too) to the target. */
onCustomerMerge(async (ctx, sourceId, targetId) => {
  await ctx.db
    .update(activities)
    .set({ customerId: targetId })
    .where(and(eq(activities.orgId, ctx.orgId), eq(activities.customerId, sourceId)));
  await ctx.db
    .update(tasks)
    .set({ customerId: targetId })
    .where(and(eq(tasks.orgId, ctx.orgId), eq(tasks.customerId, sourceId)));
  await ctx.db
    .update(tasks)
    .set({ relatedId: targetId })
    .where(and(eq(tasks.orgId, ctx.orgId), eq(tasks.relatedType, 'customer'), eq(tasks.relatedId, sourceId)));
});
