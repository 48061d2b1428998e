import { and, eq, sql } from 'drizzle-orm';
import { can } from '../../platform/context';
import type { AuditTimelineContributor } from '../../platform/module';
import { customers } from '../customers/tables';
import { activitiesInReadScope, activityCustomerJoin } from './activity-scope';
import { activities } from './tables';

/** Activities logged on the customer, by the activities read rule (deleted ones show their deletion). */
export const activityTimeline: AuditTimelineContributor = {
  from: 'audit',
  entity: 'activities',
  kind: 'activity',
  softDelete: true,
  visibleIds: (ctx, customerId) =>
    can(ctx, 'activities', 'read')
      ? ctx.db
          .select({ id: sql`${activities.id}::text` })
          .from(activities)
          .innerJoin(customers, activityCustomerJoin)
          .where(and(activitiesInReadScope(ctx), eq(activities.customerId, customerId)))
          .getSQL()
      : null,
};
