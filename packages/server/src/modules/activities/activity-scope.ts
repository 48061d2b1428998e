import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import { type Ctx, can } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { customerRef, customersInScope } from '../customers';
import { activities } from './tables';

/**
 * Activities a caller may read, for a query that joins the activity's customer: not deleted, and
 * in the caller's read scope (activitiesInReadScope).
 */
export function activitiesReadable(ctx: Ctx): SQL {
  return and(isNull(activities.deletedAt), activitiesInReadScope(ctx)) as SQL;
}

/**
 * Whether the caller's read scope covers an activity, deleted or not (the timeline tells the
 * deletion), for a query that joins the activity's customer: the customer is visible, and the
 * activities scope covers either the activity (who logged it, their team) or its customer (owner,
 * team) — a rep sees what happened on their customers and what they logged.
 */
export function activitiesInReadScope(ctx: Ctx): SQL {
  return and(
    eq(activities.orgId, ctx.orgId),
    customersInScope(ctx, 'read'),
    or(
      scopeWhere(ctx, 'activities', 'read', {
        orgId: activities.orgId,
        owner: activities.ownerId,
        team: activities.teamId,
      }),
      scopeWhere(ctx, 'activities', 'read', {
        orgId: customerRef.orgId,
        owner: customerRef.ownerId,
        team: customerRef.teamId,
      }),
    ),
  ) as SQL;
}

/** Changes follow the activity itself: "own" is who logged it, "team" their team. */
export function activityChangeable(ctx: Ctx, action: 'update' | 'delete'): SQL {
  return scopeWhere(ctx, 'activities', action, {
    orgId: activities.orgId,
    owner: activities.ownerId,
    team: activities.teamId,
  });
}

/** Whether the caller may `action` the row, as a column of the same query (false when the role lacks it). */
export function mayChangeActivity(ctx: Ctx, action: 'update' | 'delete'): SQL<boolean> {
  return can(ctx, 'activities', action) ? sql<boolean>`${activityChangeable(ctx, action)}` : sql<boolean>`false`;
}

/** The join every activity query makes to its customer. */
export const activityCustomerJoin = and(
  eq(customerRef.orgId, activities.orgId),
  eq(customerRef.id, activities.customerId),
) as SQL;
