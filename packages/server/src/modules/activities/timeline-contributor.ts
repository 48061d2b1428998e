import { and, eq, sql } from 'drizzle-orm';
import type { AuditTimelineContributor } from '../../platform/module';
import { customerRef } from '../customers';
import { activitiesInReadScope, activityCustomerJoin } from './activity-scope';
import { activities } from './tables';

/** Activities logged on the customer, by the activities read rule (deleted ones show their deletion). */
export const activityTimeline: AuditTimelineContributor = {
  from: 'audit',
  entity: 'activities',
  kind: 'activity',
  softDelete: true,
  readPermission: 'activities',
  visibleIds: (ctx, customerId) =>
    ctx.db
      .select({ id: sql`${activities.id}::text` })
      .from(activities)
      .innerJoin(customerRef, activityCustomerJoin)
      .where(and(activitiesInReadScope(ctx), eq(activities.customerId, customerId)))
      .getSQL(),
};
