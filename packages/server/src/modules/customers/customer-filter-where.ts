import type { CustomerFilters } from '@berth/domain';
import { and, arrayContains, eq, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { customersInScope } from './customer-scope';
import { searchMatch } from './customer-search';
import { searchNeedle } from './customer-search-keys';
import { customers } from './tables';

/**
 * The WHERE clause of the customer list for a set of filters (the GET /api/customers query
 * without paging), within the caller's read scope. Segments, saved views and later modules
 * (campaigns) select customers with it, so "who is in this list" means the same everywhere.
 * The customer list itself uses it too, with its own plan for the search term (see findCustomers).
 */
export function customerFilterWhere(ctx: Ctx, filters: CustomerFilters, action = 'read'): SQL {
  const needle = filters.q ? searchNeedle(filters.q) : '';
  const [pol, pod] = filters.lane?.split('-') ?? [];
  const conditions: (SQL | undefined)[] = [
    customersInScope(ctx, action),
    needle ? searchMatch(ctx, needle) : undefined,
    filters.status ? eq(customers.status, filters.status) : undefined,
    filters.ownerId ? eq(customers.ownerId, filters.ownerId) : undefined,
    filters.teamId ? eq(customers.teamId, filters.teamId) : undefined,
    filters.country ? eq(customers.country, filters.country) : undefined,
    filters.relationshipType ? eq(customers.relationshipType, filters.relationshipType) : undefined,
    filters.role ? arrayContains(customers.roles, [filters.role]) : undefined,
    filters.tagId
      ? sql`exists (select 1 from customer_tags ct
                     where ct.org_id = ${customers.orgId} and ct.customer_id = ${customers.id} and ct.tag_id = ${filters.tagId})`
      : undefined,
    rollupFilter(filters),
    pol
      ? sql`exists (select 1 from customer_lanes l
                     where l.org_id = ${customers.orgId} and l.customer_id = ${customers.id}
                       and l.pol = ${pol} ${pod ? sql`and l.pod = ${pod}` : sql``})`
      : undefined,
    // A port of discharge on its own: lanes to it from any port of loading.
    filters.pod
      ? sql`exists (select 1 from customer_lanes l
                     where l.org_id = ${customers.orgId} and l.customer_id = ${customers.id} and l.pod = ${filters.pod})`
      : undefined,
  ];
  return and(...conditions) as SQL;
}

/** The shipment roll-up filters (customer_shipment_rollups, beside the record), as one `exists`. */
function rollupFilter(filters: CustomerFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.shippedSince) conditions.push(sql`r.last_shipment_at >= ${filters.shippedSince}::date`);
  if (filters.notShippedSince) conditions.push(sql`r.last_shipment_at < ${filters.notShippedSince}::date`);
  if (filters.minShipments12m !== undefined) conditions.push(sql`r.shipments_12m >= ${filters.minShipments12m}`);
  if (filters.minTeu12m !== undefined) conditions.push(sql`r.teu_12m >= ${filters.minTeu12m}`);
  if (conditions.length === 0) return undefined;
  return sql`exists (select 1 from customer_shipment_rollups r
                      where r.org_id = ${customers.orgId} and r.customer_id = ${customers.id}
                        and ${sql.join(conditions, sql` and `)})`;
}

/**
 * How many customers match the filters within the caller's scope. With `cap`, counting stops
 * after cap + 1 rows and `capped` says the true number is larger, so a count over a million
 * customers costs no more than the cap.
 */
export async function countCustomers(
  ctx: Ctx,
  filters: CustomerFilters,
  cap?: number,
): Promise<{ count: number; capped: boolean }> {
  const where = customerFilterWhere(ctx, filters);
  if (cap === undefined) {
    const [row] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(customers).where(where);
    return { count: Number(row?.n ?? 0), capped: false };
  }
  const limited = ctx.db
    .select({ one: sql`1` })
    .from(customers)
    .where(where)
    .limit(cap + 1)
    .as('limited');
  const [row] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(limited);
  const n = Number(row?.n ?? 0);
  return n > cap ? { count: cap, capped: true } : { count: n, capped: false };
}
