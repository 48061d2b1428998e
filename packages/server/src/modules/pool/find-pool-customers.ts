import type { Page, PoolCustomer, poolListQuerySchema } from '@berth/domain';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context';
import { afterCursor, orderByKeyset, toPage } from '../../platform/http/keyset';
import { customerRef, searchMatch, searchNeedle } from '../customers';
import { poolWhere } from './pool-scope';

/**
 * The pool the caller works with, most recently returned first (index customers_org_pool_idx),
 * searchable like the customer list by code, names, pinyin, credit code, phone and email.
 */
export async function findPoolCustomers(
  ctx: Ctx,
  query: z.infer<typeof poolListQuerySchema>,
): Promise<Page<PoolCustomer>> {
  const keyset = { sort: customerRef.pooledAt, id: customerRef.id, direction: 'desc' as const, cursor: query.cursor };
  const needle = query.q ? searchNeedle(query.q) : '';
  const conditions: (SQL | undefined)[] = [
    poolWhere(ctx, 'read'),
    afterCursor(keyset),
    needle ? searchMatch(ctx, needle) : undefined,
    query.country ? eq(customerRef.country, query.country) : undefined,
    query.teamId ? eq(customerRef.teamId, query.teamId) : undefined,
  ];
  const rows = await ctx.db
    .select({
      id: customerRef.id,
      code: customerRef.code,
      name: customerRef.name,
      nameEn: customerRef.nameEn,
      country: customerRef.country,
      industry: customerRef.industry,
      status: customerRef.status,
      teamId: customerRef.teamId,
      pooledAt: customerRef.pooledAt,
      lastFollowUpAt: customerRef.lastFollowUpAt,
      // Spelled out as customers.…: in a select list the columns would print unqualified and
      // match the subquery's own org_id and id.
      previousOwnerId: sql<string | null>`(select oc.from_owner_id from ownership_changes oc
                 where oc.org_id = ${customerRef}.org_id and oc.customer_id = ${customerRef}.id
                 order by oc.id desc limit 1)`,
    })
    .from(customerRef)
    .where(and(...conditions))
    .orderBy(...orderByKeyset(keyset))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (r) => [r.pooledAt, r.id],
    (r) => ({
      ...r,
      pooledAt: (r.pooledAt as Date).toISOString(),
      lastFollowUpAt: r.lastFollowUpAt?.toISOString() ?? null,
    }),
  );
}
