import {
  type CompletenessField,
  type createDuplicateDismissalInputSchema,
  type DataIssueItem,
  type DataIssueKind,
  type DataQualityReport,
  type DuplicateGroup,
  type DuplicateKind,
  dataIssueKinds,
  duplicateKinds,
  normalizeGroupIds,
  type Page,
  percentOf,
} from '@berth/domain';
import { type AnyColumn, and, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryRows } from '../../db/database';
import { AppError } from '../../platform/app-error';
import { type Ctx, inTransaction } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { afterCursor, decodeTextCursor, encodeCursor, orderByKeyset, toPage } from '../../platform/http/keyset';
import { iso } from '../../platform/versioned-write';
import { customerRef, customersInScope } from '../customers';
import { orgTimeZone } from '../org-settings';
import { indexedIssueKinds, issueCondition, issueValue } from './issue-conditions';
import { duplicateDismissals } from './tables';

/**
 * Data quality of the customer base, all set-based: one aggregate pass over the customers the
 * caller may see (counts filtered per field and per problem; lanes and contacts through hashed
 * uncorrelated subqueries); invalid credit codes, phones and emails counted through partial
 * indexes holding only the invalid rows (the credit code check digit is an immutable SQL
 * function, so the index computes it once per write instead of per report); small `limit 3`
 * queries for examples; GROUP BY over the normalised duplicate columns. Nothing loops over rows
 * in JavaScript.
 */

/** Customers the caller may see here: their customer read scope and their data quality scope. */
export function inScope(ctx: Ctx, action = 'read'): SQL {
  return and(
    customersInScope(ctx, action),
    scopeWhere(ctx, 'dataQuality', 'read', {
      orgId: customerRef.orgId,
      owner: customerRef.ownerId,
      team: customerRef.teamId,
    }),
  ) as SQL;
}

const filled = (column: SQL | AnyColumn) => sql`(${column} is not null and ${column} <> '')`;

function completenessConditions(ctx: Ctx): Record<CompletenessField, SQL> {
  return {
    nameEn: filled(customerRef.nameEn),
    creditCode: filled(customerRef.creditCode),
    country: filled(customerRef.country),
    address: filled(customerRef.address),
    phone: filled(customerRef.phone),
    email: filled(customerRef.email),
    website: filled(customerRef.website),
    industry: filled(customerRef.industry),
    owner: sql`${customerRef.ownerId} is not null`,
    lanes: sql`${customerRef.id} in (select l.customer_id from customer_lanes l where l.org_id = ${ctx.orgId})`,
    contacts: sql`${customerRef.id} in (select c.customer_id from contacts c where c.org_id = ${ctx.orgId} and c.status = 'active')`,
    taxNumber: filled(sql`(${customerRef.billing} ->> 'taxNumber')`),
  };
}

const exampleCount = 3;

export async function customerDataQuality(ctx: Ctx, staleMonths: number): Promise<DataQualityReport> {
  // "Not updated for N months" counts calendar months in the organisation's time zone.
  const timeZone = await orgTimeZone(ctx);
  const completeness = completenessConditions(ctx);
  const columns: Record<string, SQL<number>> = { total: sql<number>`count(*)::int` };
  for (const [field, condition] of Object.entries(completeness)) {
    columns[`f_${field}`] = sql<number>`(count(*) filter (where ${condition}))::int`;
  }
  for (const kind of dataIssueKinds) {
    if (indexedIssueKinds.includes(kind)) continue;
    columns[`i_${kind}`] =
      sql<number>`(count(*) filter (where ${issueCondition(ctx, kind, staleMonths, timeZone)}))::int`;
  }
  const [counts = {}] = (await ctx.db.select(columns).from(customerRef).where(inScope(ctx))) as Record<
    string,
    number
  >[];
  for (const kind of indexedIssueKinds) {
    const [row] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(customerRef)
      .where(and(inScope(ctx), issueCondition(ctx, kind, staleMonths, timeZone)));
    counts[`i_${kind}`] = Number(row?.n ?? 0);
  }
  const total = Number(counts.total ?? 0);

  const issues = [];
  for (const kind of dataIssueKinds) {
    const count = Number(counts[`i_${kind}`] ?? 0);
    const examples = count > 0 ? (await findDataIssues(ctx, { kind, staleMonths, limit: exampleCount })).items : [];
    issues.push({ kind, count, percent: percentOf(count, total), examples });
  }

  const duplicates = [];
  for (const kind of duplicateKinds) {
    const { groups, total: groupCount } = await duplicateGroupPage(ctx, kind, { limit: exampleCount });
    duplicates.push({ kind, groups: groupCount, examples: groups });
  }

  return {
    total,
    staleMonths,
    completeness: (Object.keys(completeness) as CompletenessField[]).map((field) => {
      const n = Number(counts[`f_${field}`] ?? 0);
      return { field, filled: n, percent: percentOf(n, total) };
    }),
    issues,
    duplicates,
  };
}

/** The customers with one problem, newest first, keyset by id. */
export async function findDataIssues(
  ctx: Ctx,
  query: { kind: DataIssueKind; staleMonths: number; limit: number; cursor?: string },
): Promise<Page<DataIssueItem>> {
  const keyset = { sort: customerRef.id, id: customerRef.id, direction: 'desc' as const, cursor: query.cursor };
  const rows = await ctx.db
    .select({
      id: customerRef.id,
      code: customerRef.code,
      name: customerRef.name,
      ownerId: customerRef.ownerId,
      value: issueValue(query.kind),
      updatedAt: customerRef.updatedAt,
      lastFollowUpAt: customerRef.lastFollowUpAt,
    })
    .from(customerRef)
    .where(
      and(
        inScope(ctx),
        issueCondition(ctx, query.kind, query.staleMonths, await orgTimeZone(ctx)),
        afterCursor(keyset),
      ),
    )
    .orderBy(...orderByKeyset(keyset))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (r) => [r.id, r.id],
    (r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      ownerId: r.ownerId,
      value: r.value ?? null,
      updatedAt: iso(r.updatedAt) as string,
      lastFollowUpAt: iso(r.lastFollowUpAt),
    }),
  );
}

const duplicateColumn: Record<DuplicateKind, AnyColumn> = {
  creditCode: customerRef.creditCode,
  name: customerRef.nameKey,
  phone: customerRef.phone,
};

const groupPreview = 20;

/**
 * Groups of customers sharing a credit code, normalised name or phone, in key order. Step one
 * finds the shared keys with a plain GROUP BY (no arrays for the million singletons); step two
 * collects the members of those keys only and leaves out groups a reviewer dismissed, as long
 * as no new customer has joined them since.
 */
async function duplicateGroupPage(
  ctx: Ctx,
  kind: DuplicateKind,
  page: { limit: number; cursor?: string },
): Promise<{ groups: DuplicateGroup[]; total: number; nextCursor: string | null }> {
  const column = duplicateColumn[kind];
  const after = page.cursor ? decodeTextCursor(page.cursor) : null;
  const rows = await queryRows<{ key: string; size: number; ids: string[] | string; total: number }>(
    ctx.db,
    sql`
    with shared as (
      select ${column} as key from ${customerRef}
       where ${inScope(ctx)} and ${column} is not null and ${column} <> ''
       group by ${column} having count(*) > 1
    ), grouped as (
      select shared.key, count(*)::int as size, array_agg(${customerRef.id} order by ${customerRef.id}) as ids
        from shared join ${customerRef} on ${column} = shared.key and ${inScope(ctx)}
       group by shared.key
    ), visible_groups as (
      select grouped.* from grouped
       where not exists (select 1 from ${duplicateDismissals} d
                          where d.org_id = ${ctx.orgId} and d.kind = ${kind} and d.match_key = grouped.key
                            and grouped.ids <@ d.customer_ids)
    )
    select key, size, ids[1:${groupPreview}::int] as ids, (select count(*)::int from visible_groups) as total
      from visible_groups ${after === null ? sql`` : sql`where key > ${after}`}
     order by key
     limit ${page.limit + 1}`,
  );
  const hasMore = rows.length > page.limit;
  const shown = hasMore ? rows.slice(0, page.limit) : rows;
  const idsOf = (ids: string[] | string): string[] =>
    Array.isArray(ids)
      ? ids
      : ids
          .replace(/^\{|\}$/g, '')
          .split(',')
          .filter(Boolean);
  const memberIds = shown.flatMap((r) => idsOf(r.ids));
  const byId = await groupMembers(ctx, memberIds);
  const last = shown[shown.length - 1];
  return {
    groups: shown.map((r) => ({
      kind,
      key: r.key,
      size: Number(r.size),
      customers: idsOf(r.ids).flatMap((id) => byId.get(id) ?? []),
    })),
    total: Number(rows[0]?.total ?? 0),
    nextCursor: hasMore && last ? encodeCursor(null, last.key) : null,
  };
}

/** The customers among `ids` the caller may see here, by id, as a duplicate group lists them. */
export async function groupMembers(ctx: Ctx, ids: string[]): Promise<Map<string, DuplicateGroup['customers'][number]>> {
  const members = ids.length
    ? await ctx.db
        .select({
          id: customerRef.id,
          code: customerRef.code,
          name: customerRef.name,
          nameEn: customerRef.nameEn,
          ownerId: customerRef.ownerId,
          status: customerRef.status,
        })
        .from(customerRef)
        .where(and(inScope(ctx), sql`${customerRef.id} in ${ids}`))
    : [];
  return new Map(members.map((m) => [m.id, m]));
}

export async function findDuplicateGroups(
  ctx: Ctx,
  query: { kind: DuplicateKind; limit: number; cursor?: string },
): Promise<Page<DuplicateGroup>> {
  const page = await duplicateGroupPage(ctx, query.kind, query);
  return { items: page.groups, nextCursor: page.nextCursor };
}

/**
 * "Not duplicates": hides the group while its members stay the same. Whoever may merge these
 * customers may decide not to; every id must be a customer in that scope sharing the key.
 */
export async function dismissDuplicateGroup(ctx: Ctx, input: z.infer<typeof createDuplicateDismissalInputSchema>) {
  const ids = normalizeGroupIds(input.customerIds);
  return inTransaction(ctx, async (tx) => {
    const column = duplicateColumn[input.kind];
    const [found] = await tx.db
      .select({
        n: sql<number>`count(*)::int`,
        sharing: sql<number>`(count(*) filter (where ${column} = ${input.key}))::int`,
      })
      .from(customerRef)
      .where(and(customersInScope(tx, 'merge'), sql`${customerRef.id} in ${ids}`));
    if (Number(found?.n ?? 0) !== ids.length) throw AppError.notFound();
    if (Number(found?.sharing ?? 0) !== ids.length) {
      throw AppError.validation('customerIds', 'validation.invalid_value');
    }
    const [row] = await tx.db
      .insert(duplicateDismissals)
      .values({ orgId: tx.orgId, kind: input.kind, matchKey: input.key, customerIds: ids, dismissedBy: tx.userId })
      .returning();
    return toDuplicateDismissal(row as typeof duplicateDismissals.$inferSelect);
  });
}

export function toDuplicateDismissal(r: typeof duplicateDismissals.$inferSelect) {
  return {
    id: r.id,
    kind: r.kind as DuplicateKind,
    key: r.matchKey,
    customerIds: r.customerIds,
    dismissedBy: r.dismissedBy,
    createdAt: iso(r.createdAt) as string,
  };
}
