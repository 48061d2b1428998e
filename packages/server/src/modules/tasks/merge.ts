import { and, eq } from 'drizzle-orm';
import type { CustomerMergeStep } from '../../platform/module';
import { tasks } from './tables';

/** A merge moves the source customer's tasks (done ones too) to the target, and what they are about with them. */
export const moveTasksOnMerge: CustomerMergeStep = async (ctx, sourceId, targetId) => {
  await ctx.db
    .update(tasks)
    .set({ customerId: targetId })
    .where(and(eq(tasks.orgId, ctx.orgId), eq(tasks.customerId, sourceId)));
  await ctx.db
    .update(tasks)
    .set({ relatedId: targetId })
    .where(and(eq(tasks.orgId, ctx.orgId), eq(tasks.relatedType, 'customer'), eq(tasks.relatedId, sourceId)));
};
