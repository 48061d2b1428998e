import { type SQL, sql } from 'drizzle-orm';
import { type Ctx, can } from '../../platform/context';

/**
 * The customer timeline's branch for leads captured at sales events ("lead captured at event X"):
 * the audit entries `a` of the customer's leads, for callers who may read sales events.
 */
export function leadTimelineBranch(ctx: Ctx, customerId: string): SQL {
  if (!can(ctx, 'salesEvents', 'read')) return sql`false`;
  return sql`(a.entity = 'sales_event_leads' and a.entity_id = any(array(
    select l.id::text from sales_event_leads l where l.org_id = ${ctx.orgId} and l.customer_id = ${customerId})))`;
}
