import { and, count, eq, isNull } from 'drizzle-orm';
import { can } from '../../platform/context';
import type { CustomerMergeStep } from '../../platform/module';
import { customerRef } from '../customers';
import { activitiesInReadScope, activityCustomerJoin } from './activity-scope';
import { activities } from './tables';

/** A merge moves the source customer's activities (deleted ones too, for their history) to the target. */
export const moveActivitiesOnMerge: CustomerMergeStep = {
  move: async (ctx, sourceId, targetId) => {
    await ctx.db
      .update(activities)
      .set({ customerId: targetId })
      .where(and(eq(activities.orgId, ctx.orgId), eq(activities.customerId, sourceId)));
  },
  preview: async (ctx, sourceId) => {
    if (!can(ctx, 'activities', 'read')) return [];
    const [row] = await ctx.db
      .select({ n: count() })
      .from(activities)
      .innerJoin(customerRef, activityCustomerJoin)
      .where(and(activitiesInReadScope(ctx), eq(activities.customerId, sourceId), isNull(activities.deletedAt)));
    return [{ kind: 'activities', count: row?.n ?? 0 }];
  },
};
