import { and, inArray, sql } from 'drizzle-orm';
import type { AuditNamer } from '../../platform/module';
import { customerRef } from '../customers';
import { activitiesInReadScope, activityCustomerJoin } from './activity-scope';
import { activities } from './tables';

/** Activities by subject (by their kind when logged without one), by the activities read rule. */
export const activityAuditNames: AuditNamer = {
  entity: 'activities',
  resource: 'activities',
  names: (ctx, ids) =>
    ctx.db
      .select({ id: activities.id, name: sql<string>`coalesce(${activities.subject}, ${activities.kind})` })
      .from(activities)
      .innerJoin(customerRef, activityCustomerJoin)
      .where(and(activitiesInReadScope(ctx), inArray(activities.id, ids))),
};
