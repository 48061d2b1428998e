import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import { type Ctx, can } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { salesEventParticipants, salesEvents } from './tables';

export type SalesEventRow = typeof salesEvents.$inferSelect;

const takesPart = (ctx: Ctx) =>
  ctx.userId
    ? sql`exists (select 1 from ${salesEventParticipants} p
                   where p.org_id = ${salesEvents.orgId} and p.event_id = ${salesEvents.id} and p.user_id = ${ctx.userId})`
    : sql`false`;

/** Events the actor may `action` by the salesEvents permission: tenant, then own / team / organisation. */
export function salesEventsInScope(ctx: Ctx, action: string): SQL {
  return scopeWhere(ctx, 'salesEvents', action, {
    orgId: salesEvents.orgId,
    owner: salesEvents.ownerId,
    team: salesEvents.teamId,
  });
}

/** Events the actor sees: those in read scope, and those they take part in. */
export function visibleSalesEvents(ctx: Ctx): SQL {
  return or(salesEventsInScope(ctx, 'read'), and(eq(salesEvents.orgId, ctx.orgId), takesPart(ctx))) as SQL;
}

/** The event if the actor sees it, else 404. */
export async function getVisibleEventRow(ctx: Ctx, id: string): Promise<SalesEventRow> {
  const [row] = await ctx.db
    .select()
    .from(salesEvents)
    .where(and(visibleSalesEvents(ctx), eq(salesEvents.id, id)));
  if (!row) throw AppError.notFound();
  return row;
}

/**
 * The event locked for a change the actor may make by salesEvents.update (or .delete) in scope:
 * 404 when they cannot see it, 403 when they see it but may not change it.
 */
export async function lockEventForUpdate(
  ctx: Ctx,
  id: string,
  action: 'update' | 'delete' = 'update',
): Promise<SalesEventRow> {
  const may = can(ctx, 'salesEvents', action);
  const [row] = await ctx.db
    .select({ event: salesEvents, editable: may ? salesEventsInScope(ctx, action) : sql<boolean>`false` })
    .from(salesEvents)
    .where(and(visibleSalesEvents(ctx), eq(salesEvents.id, id)))
    .for('update');
  if (!row) throw AppError.notFound();
  if (!row.editable) throw AppError.forbidden();
  return row.event;
}

/**
 * The event for work its participants share with its editors (ticking the checklist, capturing
 * leads): 404 when the actor cannot see it, 403 when they neither may change it nor take part.
 */
export async function eventForParticipantWork(ctx: Ctx, id: string, lock: boolean): Promise<SalesEventRow> {
  const may = can(ctx, 'salesEvents', 'update');
  const query = ctx.db
    .select({
      event: salesEvents,
      editable: may ? salesEventsInScope(ctx, 'update') : sql<boolean>`false`,
      participant: takesPart(ctx),
    })
    .from(salesEvents)
    .where(and(visibleSalesEvents(ctx), eq(salesEvents.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw AppError.notFound();
  if (!row.editable && !row.participant) throw AppError.forbidden();
  return row.event;
}

/** Whether the actor takes part in the event. */
export async function isParticipant(ctx: Ctx, eventId: string): Promise<boolean> {
  if (!ctx.userId) return false;
  const rows = await ctx.db
    .select({ one: sql`1` })
    .from(salesEventParticipants)
    .where(
      and(
        eq(salesEventParticipants.orgId, ctx.orgId),
        eq(salesEventParticipants.eventId, eventId),
        eq(salesEventParticipants.userId, ctx.userId),
      ),
    );
  return rows.length > 0;
}

/** A stale If-Match is a 412 whatever else is wrong with the request. */
export function assertVersion(row: { version: number }, expected: number | undefined): void {
  if (expected !== undefined && expected !== row.version) throw AppError.versionConflict();
}
