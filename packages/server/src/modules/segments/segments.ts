import {
  type CreateSegmentInput,
  type Customer,
  type CustomerFilters,
  customerFiltersSchema,
  type customerListQuerySchema,
  type Page,
  type Segment,
  type segmentListQuerySchema,
  type UpdateSegmentInput,
} from '@berth/domain';
import { and, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../platform/app-error';
import { type Ctx, can, inTransaction, requireScope } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { afterCursor, orderByKeyset, toPage } from '../../platform/http/keyset';
import { deleteVersioned, iso, updateVersioned } from '../../platform/versioned-write';
import { countCustomers, customerFilterWhere, customerRef, findCustomers } from '../customers';
import { segments } from './tables';

type SegmentRow = typeof segments.$inferSelect;

/**
 * Segments the caller may act on: the role's data scope over the segment's owner ("team": owned
 * by a member of the caller's teams), and a private segment only for its owner, whatever the scope.
 */
function segmentsInScope(ctx: Ctx, action: string): SQL {
  const visible = ctx.userId
    ? or(eq(segments.shared, true), eq(segments.ownerId, ctx.userId))
    : eq(segments.shared, true);
  const scope = scopeWhere(ctx, 'segments', action, {
    orgId: segments.orgId,
    owner: segments.ownerId,
    ownerTeam: true,
  });
  return and(scope, visible) as SQL;
}

const segmentById = (ctx: Ctx, action: string, id: string) =>
  and(segmentsInScope(ctx, action), eq(segments.id, id)) as SQL;

/** Stored filters, read back through the list schema so a later schema change cannot widen a segment. */
function filtersOf(row: SegmentRow): CustomerFilters {
  const parsed = customerFiltersSchema.safeParse(row.filters ?? {});
  return parsed.success ? parsed.data : {};
}

/** Drops empty values so two equal filters are stored the same way. */
function compactFilters(filters: CustomerFilters): CustomerFilters {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  ) as CustomerFilters;
}

function toSegment(row: SegmentRow, memberCount?: number | null): Segment {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    filters: filtersOf(row),
    shared: row.shared,
    ownerId: row.ownerId,
    ...(memberCount === undefined ? {} : { memberCount }),
    createdAt: iso(row.createdAt) as string,
    updatedAt: iso(row.updatedAt) as string,
    version: row.version,
  };
}

/** The list does not count members: counting every segment over a large customer base is for the detail. */
export async function findSegments(ctx: Ctx, query: z.infer<typeof segmentListQuerySchema>): Promise<Page<Segment>> {
  const keyset = { sort: segments.id, id: segments.id, direction: 'desc' as const, cursor: query.cursor };
  const needle = query.q?.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await ctx.db
    .select()
    .from(segments)
    .where(
      and(
        segmentsInScope(ctx, 'read'),
        afterCursor(keyset),
        needle ? ilike(segments.name, `%${needle}%`) : undefined,
        query.mine ? (ctx.userId ? eq(segments.ownerId, ctx.userId) : sql`false`) : undefined,
      ),
    )
    .orderBy(...orderByKeyset(keyset))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (r) => [r.id, r.id],
    (r) => toSegment(r),
  );
}

async function loadSegment(ctx: Ctx, id: string): Promise<SegmentRow> {
  const [row] = await ctx.db
    .select()
    .from(segments)
    .where(segmentById(ctx, 'read', id));
  if (!row) throw AppError.notFound();
  return row;
}

/** A segment with its live member count: the customers matching it that this caller may see. */
export async function getSegment(ctx: Ctx, id: string): Promise<Segment> {
  const row = await loadSegment(ctx, id);
  const memberCount = can(ctx, 'customers', 'read') ? (await countCustomers(ctx, filtersOf(row))).count : null;
  return toSegment(row, memberCount);
}

export async function createSegment(ctx: Ctx, input: CreateSegmentInput): Promise<Segment> {
  requireScope(ctx, 'segments', 'create');
  if (!ctx.userId) throw AppError.forbidden();
  const ownerId = ctx.userId;
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(segments)
      .values({
        orgId: tx.orgId,
        name: input.name,
        description: input.description ?? null,
        filters: compactFilters(input.filters),
        shared: input.shared,
        ownerId,
      })
      .returning();
    return toSegment(row as SegmentRow);
  });
}

export async function updateSegment(
  ctx: Ctx,
  id: string,
  expected: number | undefined,
  input: UpdateSegmentInput,
): Promise<Segment> {
  return inTransaction(ctx, async (tx) => {
    const patch = input.filters === undefined ? input : { ...input, filters: compactFilters(input.filters) };
    const row = await updateVersioned(tx, segments, segmentById(tx, 'update', id), expected, patch);
    return toSegment(row);
  });
}

export async function deleteSegment(ctx: Ctx, id: string, expected: number | undefined): Promise<void> {
  await inTransaction(ctx, (tx) => deleteVersioned(tx, segments, segmentById(tx, 'delete', id), expected));
}

/**
 * For other modules (campaigns target a segment): the WHERE clause over the `customers` table
 * selecting the segment's members that the caller may see. 404 when the segment is not visible.
 */
export async function segmentMemberWhere(ctx: Ctx, segmentId: string): Promise<SQL> {
  const row = await loadSegment(ctx, segmentId);
  return customerFilterWhere(ctx, filtersOf(row));
}

/**
 * The ids of a segment's members within the caller's scope, in batches (keyset by id), so a
 * campaign over a large segment never holds every id at once.
 */
export async function* segmentCustomerIds(ctx: Ctx, segmentId: string, batchSize = 1000): AsyncGenerator<string[]> {
  const where = await segmentMemberWhere(ctx, segmentId);
  let after: string | null = null;
  for (;;) {
    const rows: { id: string }[] = await ctx.db
      .select({ id: customerRef.id })
      .from(customerRef)
      .where(and(where, after ? sql`${customerRef.id} > ${after}` : undefined))
      .orderBy(customerRef.id)
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows.map((r) => r.id);
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]?.id ?? null;
  }
}

/**
 * A customer list query restricted to a visible segment's members (404 otherwise). The segment's
 * stored filters stay a condition of their own, which the query's filters only narrow further;
 * when the query searches nothing, the segment's search term becomes the list's, so it goes
 * through the list's search plan rather than being checked row by row.
 */
export async function withinSegment<Q extends CustomerFilters>(
  ctx: Ctx,
  segmentId: string,
  query: Q,
): Promise<{ query: Q; within: SQL }> {
  const filters = filtersOf(await loadSegment(ctx, segmentId));
  if (query.q || !filters.q) return { query, within: customerFilterWhere(ctx, filters) };
  return { query: { ...query, q: filters.q }, within: customerFilterWhere(ctx, { ...filters, q: undefined }) };
}

/** A page of a segment's members the caller may see, filtered, searched and sorted as the customer list. */
export async function findSegmentMembers(
  ctx: Ctx,
  segmentId: string,
  query: Omit<z.infer<typeof customerListQuerySchema>, 'segment'>,
): Promise<Page<Customer>> {
  const members = await withinSegment(ctx, segmentId, query);
  return findCustomers(ctx, members.query, undefined, members.within);
}
