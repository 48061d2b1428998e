import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { mayOnCustomer } from '../notes/customer-access';

/**
 * The customer timeline's condition for audit entries of the customer's activities and tasks, each
 * shown when the caller's activities / tasks read scope covers the customer. For a query on
 * audit_log aliased `a`.
 */
export async function activitiesOnTimeline(ctx: Ctx, customerId: string): Promise<SQL> {
  const activities = await mayOnCustomer(ctx, 'activities', 'read', customerId);
  const tasks = await mayOnCustomer(ctx, 'tasks', 'read', customerId);
  if (!activities && !tasks) return sql`false`;
  return sql`((${sql.raw(String(activities))} and a.entity = 'activities' and a.entity_id = any(array(
      select x.id::text from activities x where x.org_id = ${ctx.orgId} and x.customer_id = ${customerId})))
    or (${sql.raw(String(tasks))} and a.entity = 'tasks' and a.entity_id = any(array(
      select k.id::text from tasks k where k.org_id = ${ctx.orgId} and k.customer_id = ${customerId}))))`;
}
