import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Ctx, can } from '../../platform/context';
import { opportunitiesInScope } from './opportunity-scope';
import { opportunities } from './tables';

/**
 * The customer timeline's branch for opportunities (created, changed, moved between stages): audit
 * entries `a` of the customer's opportunities the caller may read. False without the permission.
 */
export function opportunityTimelineBranch(ctx: Ctx, customerId: string): SQL {
  if (!can(ctx, 'opportunities', 'read')) return sql`false`;
  const ids = ctx.db
    .select({ id: sql`${opportunities.id}::text` })
    .from(opportunities)
    .where(and(opportunitiesInScope(ctx, 'read'), eq(opportunities.customerId, customerId)));
  return sql`(a.entity = 'opportunities' and a.entity_id = any(array(${ids})))`;
}
