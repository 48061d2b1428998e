import type { Customer, customerListQuerySchema, Page } from '@berth/domain';
import { type AnyColumn, and, asc, desc, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryRows } from '../../db/database';
import type { Ctx } from '../../platform/context';
import { afterCursor, decodeUuidCursor, orderByKeyset, type SortExpression, toPage } from '../../platform/http/keyset';
import { taskRef } from '../tasks';
import { customerRecordColumns, toCustomers } from './customer-dto';
import { customerFilterWhere } from './customer-filter-where';
import { keyCandidates, termKeys } from './customer-key-search';
import { rollupSortOf } from './customer-rollup-sort';
import {
  customerIdIn,
  customerSearchCandidates,
  type SearchCaps,
  searchCandidateCaps,
  searchMatch,
  searchWalkWindow,
} from './customer-search';
import { searchNeedle } from './customer-search-keys';
import { customers } from './tables';

/**
 * The customer list: newest first, the filters of customerFilterWhere, and a text search over the
 * normalised search text (code, names, pinyin and initials, credit code, phone, email) and the
 * contacts' names, phones and emails, planned so it stays bounded at any table size. `within`
 * restricts the list to a set of customers (a segment's members, see withinSegment) beside the
 * query's own filters; a `segment` in the query is the caller's to resolve into it.
 */
export async function findCustomers(
  ctx: Ctx,
  query: Omit<z.infer<typeof customerListQuerySchema>, 'segment'>,
  tuning: SearchTuning = defaultSearchTuning,
  within?: SQL,
): Promise<Page<Customer>> {
  const sort = query.sort ?? '-createdAt';
  const { sort: _sort, ...filters } = query;
  const byRollup = rollupSortOf(ctx, sort);
  if (byRollup) {
    const where = and(customerFilterWhere(ctx, { ...filters, q: undefined }), within);
    const select = (condition: SQL | undefined) => byRollup.page(and(where, condition), query.limit + 1, query.cursor);
    const rows = query.q ? await searchSorted(ctx, query.q, select, select, tuning) : await select(undefined);
    const page = toPage(
      rows,
      query.limit,
      (r) => [r.sortValue, r.id],
      (r) => r,
    );
    return { items: await toCustomers(ctx, ctx.db, page.items), nextCursor: page.nextCursor };
  }
  const field = sortFields[sort.replace(/^-/, '') as keyof typeof sortFields];
  const keyset = {
    sort: field.column,
    id: customers.id,
    direction: sort.startsWith('-') ? ('desc' as const) : ('asc' as const),
    cursor: query.cursor,
  };
  const conditions: (SQL | undefined)[] = [
    customerFilterWhere(ctx, { ...filters, q: undefined }),
    within,
    afterCursor(keyset),
  ];
  const select = (condition: SQL | undefined) =>
    ctx.db
      .select(listColumns(field))
      .from(customers)
      .where(and(...conditions, condition))
      .orderBy(...orderByKeyset(keyset))
      .limit(query.limit + 1);
  let rows: CustomerRow[];
  if (!query.q) rows = await select(undefined);
  else if (sort === '-createdAt') {
    const cursorId = query.cursor ? decodeUuidCursor(query.cursor) : undefined;
    rows = await search(ctx, query.q, conditions, select, query.limit, tuning, cursorId);
  } else {
    // Candidates are read by id first and sorted after: fenced by OFFSET, so the planner cannot
    // walk the whole sort index hoping to meet a few thousand scattered ids early.
    const among = (condition: SQL) => {
      const found = ctx.db
        .select(listColumns(field))
        .from(customers)
        .where(and(...conditions, condition))
        .offset(0)
        .as('found');
      const order = keyset.direction === 'asc' ? asc : desc;
      return ctx.db
        .select()
        .from(found)
        .orderBy(order((found as unknown as Record<string, AnyColumn>)[field.key] as AnyColumn), order(found.id))
        .limit(query.limit + 1) as unknown as Promise<CustomerRow[]>;
    };
    rows = await searchSorted(ctx, query.q, select, among, tuning);
  }
  const page = toPage(
    rows,
    query.limit,
    (r) => [sortValueOf(field, (r as unknown as Record<string, unknown>)[field.key]), r.id],
    (r) => r,
  );
  return { items: await toCustomers(ctx, ctx.db, page.items), nextCursor: page.nextCursor };
}

type CustomerRow = Parameters<typeof toCustomers>[2][number];

const noFollowUp = "'1970-01-01T00:00:00Z'::timestamptz";
const nothingPlanned = "'9999-12-31T00:00:00Z'::timestamptz";

/**
 * The sortable fields besides the shipment roll-ups (customer-rollup-sort.ts): each a column with an index
 * (org_id, column, id) or a computed key, and its key in a row.
 */
const sortFields = {
  createdAt: { column: customers.id, key: 'id' },
  /** Pinyin order for Chinese names, interleaved with Latin names by their letters. */
  name: { column: customers.nameSortKey, key: 'nameSortKey' },
  code: { column: customers.code, key: 'code' },
  /** Never followed up sorts as the oldest; index customers_org_last_follow_up_idx. */
  lastFollowUpAt: {
    column: {
      expression: sql`coalesce(${customers.lastFollowUpAt}, ${sql.raw(noFollowUp)})`,
      column: customers.lastFollowUpAt,
    } satisfies SortExpression,
    key: 'sortValue',
  },
  /**
   * The earliest open task on the customer; nothing planned sorts last (soonest first). Read per row through
   * tasks_org_customer_open_due_idx: the order is computed over the filtered list, not walked along an index.
   */
  nextFollowUpAt: {
    column: {
      expression: sql`coalesce((select min(t.due_at) from ${taskRef} t
                                 where t.org_id = ${customers.orgId} and t.customer_id = ${customers.id}
                                   and t.status = 'open'), ${sql.raw(nothingPlanned)})`,
      column: customers.lastFollowUpAt,
    } satisfies SortExpression,
    key: 'sortValue',
  },
} as const;

/** A computed sort key as the cursor carries it: a time read raw from the database as an ISO instant. */
function sortValueOf(field: (typeof sortFields)[keyof typeof sortFields], value: unknown): unknown {
  if (field.key !== 'sortValue' || value === null || value === undefined) return value;
  const column = (field.column as SortExpression).column;
  if (column.columnType === 'PgTimestamp') return new Date(value as string).toISOString();
  if (column.dataType === 'number') return Number(value);
  return String(value);
}

/** The record's columns, and the sort key when it is not one of them. */
function listColumns(field: (typeof sortFields)[keyof typeof sortFields]) {
  return field.key === 'sortValue'
    ? {
        ...customerRecordColumns,
        sortValue: sql<unknown>`${(field.column as SortExpression).expression}`.as('sort_value'),
      }
    : customerRecordColumns;
}

/**
 * A search in another order than newest first: the candidates of a rare term (a bounded set) are
 * read by id in that order; a common term is a filter on the walk along the order's index, where
 * matches come every few rows.
 */
async function searchSorted<Row extends CustomerRow>(
  ctx: Ctx,
  q: string,
  select: (condition: SQL | undefined) => Promise<Row[]>,
  among: (condition: SQL) => Promise<Row[]>,
  tuning: SearchTuning,
): Promise<Row[]> {
  const candidates = await customerSearchCandidates(ctx, q, tuning.caps);
  if (!candidates) return select(undefined);
  if ('condition' in candidates) return select(candidates.condition);
  if (candidates.ids.length === 0) return [];
  return among(customerIdIn(candidates.ids));
}

/** The bounds of the search plan; tests shrink them to drive every branch on a few rows. */
export interface SearchTuning {
  walkWindow: number;
  caps: SearchCaps;
  /** Walk matches that show a term is common enough to filter while walking. */
  commonAfter: number;
}
export const defaultSearchTuning: SearchTuning = {
  walkWindow: searchWalkWindow,
  caps: searchCandidateCaps,
  commonAfter: 5,
};

/**
 * A search first walks the newest rows of the filtered list (a bounded number of them): a common
 * term fills the page there. When it does not, what the walk met tells how common the term is:
 * a term met every few hundred rows is checked while walking on (a bounded expected distance);
 * a rarer one goes to the text indexes, which hand over a bounded set of candidates (see
 * customerSearchCandidates) read newest first in small batches by id. A term shaped like an
 * identifier (a customer code, a run of phone digits, a credit code) is rare by nature and goes
 * to the indexes straight away. A Chinese term reads the customers carrying its keys first (see
 * keyCandidates): when they are too many to read within the window it goes the way above.
 */
async function search(
  ctx: Ctx,
  q: string,
  conditions: (SQL | undefined)[],
  select: (condition: SQL | undefined) => Promise<CustomerRow[]>,
  limit: number,
  tuning: SearchTuning,
  cursorId: string | undefined,
): Promise<CustomerRow[]> {
  const needle = searchNeedle(q);
  if (!needle) return select(undefined);
  const keys = termKeys(needle);
  if (keys.length > 0) {
    // A Chinese term: the customers carrying its keys, newest first, checked by the exact condition;
    // a few entries first (a common term fills the page there), then the rest of the window.
    const match = searchMatch(ctx, needle);
    const rows: CustomerRow[] = [];
    let below = cursorId;
    let read = 0;
    for (const upTo of [Math.min(tuning.walkWindow, 4 * limit + 4), tuning.walkWindow]) {
      if (upTo <= read) continue;
      const found = await keyCandidates(ctx, keys, upTo - read, below);
      rows.push(...(await newestById(found.ids, (ids) => select(and(match, ids)), limit - rows.length)));
      // A full page among the newest key holders is the newest page; so is all of them, however short.
      if (rows.length > limit || found.complete) return rows.slice(0, limit + 1);
      read = upTo;
      below = found.last;
    }
  } else if (!looksLikeIdentifier(needle)) {
    // Each walk is a range of ids bounded by literal values, so the planner reads it along the
    // list index: with an open bound it may price a parallel scan of the table as cheaper.
    const floor = await idAtOffset(ctx, conditions, tuning.walkWindow - 1);
    const match = searchMatch(ctx, needle);
    const recent = await select(and(match, floor ? sql`${customers.id} >= ${floor}` : undefined));
    // A list no longer than the window has been walked whole: the answer is exact.
    if (recent.length > limit || !floor) return recent;
    if (recent.length >= tuning.commonAfter && (await matchesBeyondCap(ctx, recent.length, tuning)))
      return walkOn(ctx, conditions, select, match, limit, recent, floor, tuning);
  }
  const candidates = await customerSearchCandidates(ctx, needle, tuning.caps);
  if (!candidates) return select(undefined);
  if ('condition' in candidates) return select(candidates.condition);
  // Candidates the page's cursor has passed already need no visit.
  const after = cursorId ? candidates.ids.filter((id) => id < cursorId) : candidates.ids;
  return newestById(after, select, limit);
}

/**
 * The first page among candidate ids sorted newest first: a small batch of the newest usually
 * fills it; each next batch is larger, and the last takes all the rest. Every id of a batch is
 * newer than every id of the next, so the batches' pages in a row are the page.
 */
async function newestById(
  ids: string[],
  select: (condition: SQL | undefined) => Promise<CustomerRow[]>,
  limit: number,
): Promise<CustomerRow[]> {
  const rows: CustomerRow[] = [];
  let start = 0;
  for (const size of [2 * limit + 2, 16 * limit, Number.POSITIVE_INFINITY]) {
    const batch = ids.slice(start, start + size);
    if (batch.length === 0) break;
    start += batch.length;
    rows.push(...(await select(customerIdIn(batch))));
    if (rows.length > limit) break;
  }
  return rows.slice(0, limit + 1);
}

/**
 * A common term walks on below the first window, each step as far as the density met so far
 * says the rest of the page lies (a quarter more for luck), until the page is full or the list
 * ends. Every step is a range between two literal ids.
 */
async function walkOn(
  ctx: Ctx,
  conditions: (SQL | undefined)[],
  select: (condition: SQL | undefined) => Promise<CustomerRow[]>,
  match: SQL,
  limit: number,
  found: CustomerRow[],
  floor: string,
  tuning: SearchTuning,
): Promise<CustomerRow[]> {
  const rows = [...found];
  let walked = tuning.walkWindow;
  let upper = floor;
  while (rows.length <= limit) {
    const distance = Math.ceil(((limit + 1 - rows.length) * walked * 1.25) / Math.max(rows.length, 1));
    const lower = await idAtOffset(ctx, conditions, distance - 1, upper);
    const below = sql`${customers.id} < ${upper}`;
    rows.push(...(await select(and(match, below, lower ? sql`${customers.id} >= ${lower}` : undefined))));
    if (!lower) break;
    walked += distance;
    upper = lower;
  }
  return rows.slice(0, limit + 1);
}

/**
 * Whether a term met `found` times in the first window matches more customers in the whole table than the
 * candidate collection takes (its customer cap), by the table's row estimate. Then walking on is the bounded
 * plan; otherwise collecting the candidates reads fewer rows than the tens of thousands a walk on would (at
 * 100,000 customers a term met 6 times in 2,000 rows has about 300 matches, and a walk on reads ~19,000 rows).
 * With no estimate yet (a table never analysed) the walk on is kept.
 */
async function matchesBeyondCap(ctx: Ctx, found: number, tuning: SearchTuning): Promise<boolean> {
  const [row] = await queryRows<{ rows: number }>(
    ctx.db,
    sql`select reltuples::float8 as rows from pg_class where oid = 'customers'::regclass`,
  );
  const rows = Number(row?.rows ?? -1);
  return rows < 0 || (found / tuning.walkWindow) * rows >= tuning.caps.customers;
}

/**
 * The id `offset` rows down the filtered list (below `below` when given), newest first; null
 * when the list is shorter. With no other filter than the tenant this is an index-only scan.
 */
async function idAtOffset(
  ctx: Ctx,
  conditions: (SQL | undefined)[],
  offset: number,
  below?: string,
): Promise<string | null> {
  const [row] = await ctx.db
    .select({ id: customers.id })
    .from(customers)
    .where(and(...conditions, below ? sql`${customers.id} < ${below}` : undefined))
    .orderBy(desc(customers.id))
    .offset(offset)
    .limit(1);
  return row?.id ?? null;
}

/** Customer codes, six or more digits (phones, tax numbers) and 18-character credit codes. */
function looksLikeIdentifier(needle: string): boolean {
  return /^c\d{4,}$/.test(needle) || /^\+?\d{6,}$/.test(needle) || /^[0-9a-z]{18}$/.test(needle);
}
