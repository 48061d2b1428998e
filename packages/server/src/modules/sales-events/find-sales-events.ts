import type { Page, SalesEvent, SalesEventListQuery } from '@berth/domain';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Ctx, nowSql } from '../../platform/context';
import { afterCursor, orderByKeyset, toPage } from '../../platform/http/keyset';
import { toSalesEvent, toSalesEvents } from './sales-event-dto';
import { getVisibleEventRow, visibleSalesEvents } from './sales-event-scope';
import { salesEventParticipants, salesEvents } from './tables';

/**
 * The events the actor sees, by start time: upcoming ones (not over yet) soonest first, past ones
 * and the whole list latest first; filtered by kind, owner, participant and a start window.
 */
export async function findSalesEvents(ctx: Ctx, query: SalesEventListQuery): Promise<Page<SalesEvent>> {
  const keyset = {
    sort: salesEvents.startsAt,
    id: salesEvents.id,
    direction: query.when === 'upcoming' ? ('asc' as const) : ('desc' as const),
    cursor: query.cursor,
  };
  const conditions: (SQL | undefined)[] = [
    visibleSalesEvents(ctx),
    afterCursor(keyset),
    query.when === 'upcoming' ? sql`${salesEvents.endsAt} >= ${nowSql(ctx)}` : undefined,
    query.when === 'past' ? sql`${salesEvents.endsAt} < ${nowSql(ctx)}` : undefined,
    query.kind ? eq(salesEvents.kind, query.kind) : undefined,
    query.ownerId ? eq(salesEvents.ownerId, query.ownerId) : undefined,
    // As instants: an offset the client may write (up to ±23:59) can be beyond what the database reads.
    query.from ? sql`${salesEvents.startsAt} >= ${new Date(query.from).toISOString()}::timestamptz` : undefined,
    query.to ? sql`${salesEvents.startsAt} < ${new Date(query.to).toISOString()}::timestamptz` : undefined,
    query.participantId
      ? sql`exists (select 1 from ${salesEventParticipants} p where p.org_id = ${salesEvents.orgId}
                     and p.event_id = ${salesEvents.id} and p.user_id = ${query.participantId})`
      : undefined,
  ];
  const rows = await ctx.db
    .select()
    .from(salesEvents)
    .where(and(...conditions))
    .orderBy(...orderByKeyset(keyset))
    .limit(query.limit + 1);
  const page = toPage(
    rows,
    query.limit,
    (r) => [r.startsAt, r.id],
    (r) => r,
  );
  return { items: await toSalesEvents(ctx, page.items), nextCursor: page.nextCursor };
}

export async function getSalesEvent(ctx: Ctx, id: string): Promise<SalesEvent> {
  return toSalesEvent(ctx, await getVisibleEventRow(ctx, id));
}
