import type { Customer, customerListQuerySchema, Page } from '@berth/domain';
import { and, arrayContains, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context';
import { afterCursor, orderByKeyset, toPage } from '../../platform/http/keyset';
import { toCustomers } from './customer-dto';
import { customersInScope } from './customer-scope';
import { searchNeedle } from './customer-search-keys';
import { customers } from './tables';

const likePattern = (needle: string) => `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The customer list: newest first, every filter on an indexed column, text search through the
 * trigram index of the normalised search text (code, names, pinyin and initials, credit code,
 * phone, email) or a contact's name, phone or email.
 */
export async function findCustomers(ctx: Ctx, query: z.infer<typeof customerListQuerySchema>): Promise<Page<Customer>> {
  const keyset = { sort: customers.id, id: customers.id, direction: 'desc' as const, cursor: query.cursor };
  const needle = query.q ? searchNeedle(query.q) : '';
  const [pol, pod] = query.lane?.split('-') ?? [];
  const conditions: (SQL | undefined)[] = [
    customersInScope(ctx, 'read'),
    afterCursor(keyset),
    needle
      ? sql`(${customers.searchText} like ${likePattern(needle)}
             or exists (select 1 from contacts c
                         where c.org_id = ${customers.orgId} and c.customer_id = ${customers.id}
                           and c.search_text like ${likePattern(needle)}))`
      : undefined,
    query.status ? eq(customers.status, query.status) : undefined,
    query.ownerId ? eq(customers.ownerId, query.ownerId) : undefined,
    query.teamId ? eq(customers.teamId, query.teamId) : undefined,
    query.country ? eq(customers.country, query.country) : undefined,
    query.relationshipType ? eq(customers.relationshipType, query.relationshipType) : undefined,
    query.role ? arrayContains(customers.roles, [query.role]) : undefined,
    query.tagId
      ? sql`exists (select 1 from customer_tags ct
                     where ct.org_id = ${customers.orgId} and ct.customer_id = ${customers.id} and ct.tag_id = ${query.tagId})`
      : undefined,
    pol
      ? sql`exists (select 1 from customer_lanes l
                     where l.org_id = ${customers.orgId} and l.customer_id = ${customers.id}
                       and l.pol = ${pol} ${pod ? sql`and l.pod = ${pod}` : sql``})`
      : undefined,
  ];
  const rows = await ctx.db
    .select()
    .from(customers)
    .where(and(...conditions))
    .orderBy(...orderByKeyset(keyset))
    .limit(query.limit + 1);
  const page = toPage(
    rows,
    query.limit,
    (r) => [r.id, r.id],
    (r) => r,
  );
  return { items: await toCustomers(ctx, ctx.db, page.items), nextCursor: page.nextCursor };
}
