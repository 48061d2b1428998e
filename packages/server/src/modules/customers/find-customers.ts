import type { Customer, customerListQuerySchema, Page } from '@berth/domain';
import { and, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context';
import { afterCursor, orderByKeyset, toPage } from '../../platform/http/keyset';
import { customerRecordColumns, toCustomers } from './customer-dto';
import { customerFilterWhere } from './customer-filter-where';
import { customerSearchCondition, searchMatch, searchWalkWindow } from './customer-search';
import { searchNeedle } from './customer-search-keys';
import { customers } from './tables';

/**
 * The customer list: newest first, the filters of customerFilterWhere, and a text search over the
 * normalised search text (code, names, pinyin and initials, credit code, phone, email) and the
 * contacts' names, phones and emails, planned so it stays bounded at any table size.
 */
export async function findCustomers(ctx: Ctx, query: z.infer<typeof customerListQuerySchema>): Promise<Page<Customer>> {
  const keyset = { sort: customers.id, id: customers.id, direction: 'desc' as const, cursor: query.cursor };
  const conditions: (SQL | undefined)[] = [customerFilterWhere(ctx, { ...query, q: undefined }), afterCursor(keyset)];
  const select = (condition: SQL | undefined) =>
    ctx.db
      .select(customerRecordColumns)
      .from(customers)
      .where(and(...conditions, condition))
      .orderBy(...orderByKeyset(keyset))
      .limit(query.limit + 1);
  const rows = query.q ? await search(ctx, query.q, conditions, select, query.limit) : await select(undefined);
  const page = toPage(
    rows,
    query.limit,
    (r) => [r.id, r.id],
    (r) => r,
  );
  return { items: await toCustomers(ctx, ctx.db, page.items), nextCursor: page.nextCursor };
}

type CustomerRow = Parameters<typeof toCustomers>[2][number];

/**
 * A search first walks the newest rows of the filtered list (a bounded number of them): a common
 * term fills the page there. Only when it does not, the term is rare enough for the text indexes,
 * which then hand over a bounded set of candidates (see customerSearchCondition). A term shaped
 * like an identifier (a customer code, a run of phone digits, a credit code) is rare by nature
 * and goes to the indexes straight away.
 */
async function search(
  ctx: Ctx,
  q: string,
  conditions: (SQL | undefined)[],
  select: (condition: SQL | undefined) => Promise<CustomerRow[]>,
  limit: number,
): Promise<CustomerRow[]> {
  const needle = searchNeedle(q);
  if (!needle) return select(undefined);
  if (!looksLikeIdentifier(needle)) {
    // The floor is the oldest id of the walk window, found in the same statement. A walk that does
    // not fill the page hands over to the indexes, which are exact on any list size.
    const floor = sql`(select ${customers.id} from ${customers} where ${and(...conditions)}
      order by ${customers.id} desc offset ${searchWalkWindow - 1} limit 1)`;
    const recent = await select(and(searchMatch(needle), sql`${customers.id} >= coalesce(${floor}, ${minUuid}::uuid)`));
    if (recent.length > limit) return recent;
  }
  return select((await customerSearchCondition(ctx, needle)) ?? undefined);
}

const minUuid = '00000000-0000-0000-0000-000000000000';

/** Customer codes, six or more digits (phones, tax numbers) and 18-character credit codes. */
function looksLikeIdentifier(needle: string): boolean {
  return /^c\d{4,}$/.test(needle) || /^\+?\d{6,}$/.test(needle) || /^[0-9a-z]{18}$/.test(needle);
}
