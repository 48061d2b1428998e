import { and, eq } from 'drizzle-orm';
import type { CustomerMergeStep } from '../../platform/module';
import { activities } from './tables';

/** A merge moves the source customer's activities (deleted ones too, for their history) to the target. */
export const moveActivitiesOnMerge: CustomerMergeStep = async (ctx, sourceId, targetId) => {
  await ctx.db
    .update(activities)
    .set({ customerId: targetId })
    .where(and(eq(activities.orgId, ctx.orgId), eq(activities.customerId, sourceId)));
};
