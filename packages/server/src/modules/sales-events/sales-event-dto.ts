import { type SalesEvent, storedMoneyJson } from '@berth/domain';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Ctx } from '../../platform/context';
import { iso } from '../../platform/versioned-write';
import type { SalesEventRow } from './sales-event-scope';
import { salesEventLeads, salesEventParticipants } from './tables';

/** Events as the API answers them, with participants, names and lead counts read in three queries for any number of events. */
export async function toSalesEvents(ctx: Ctx, rows: SalesEventRow[]): Promise<SalesEvent[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const participants = await ctx.db
    .select({ eventId: salesEventParticipants.eventId, id: users.id, name: users.name })
    .from(salesEventParticipants)
    .innerJoin(users, and(eq(users.orgId, salesEventParticipants.orgId), eq(users.id, salesEventParticipants.userId)))
    .where(and(eq(salesEventParticipants.orgId, ctx.orgId), inArray(salesEventParticipants.eventId, ids)))
    .orderBy(asc(users.name), asc(users.id));
  const leadCounts = await ctx.db
    .select({ eventId: salesEventLeads.eventId, count: count() })
    .from(salesEventLeads)
    .where(and(eq(salesEventLeads.orgId, ctx.orgId), inArray(salesEventLeads.eventId, ids)))
    .groupBy(salesEventLeads.eventId);
  const named = new Set<string>();
  for (const r of rows) {
    if (r.ownerId) named.add(r.ownerId);
    for (const item of r.checklist) if (item.doneBy) named.add(item.doneBy);
  }
  const names =
    named.size === 0
      ? []
      : await ctx.db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(and(eq(users.orgId, ctx.orgId), inArray(users.id, [...named])));
  const nameOf = new Map(names.map((u) => [u.id, u.name]));
  const leadsOf = new Map(leadCounts.map((c) => [c.eventId, Number(c.count)]));

  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as SalesEvent['kind'],
    name: r.name,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    place: r.place,
    description: r.description,
    cost: storedMoneyJson(r.cost, r.costCurrency),
    ownerId: r.ownerId,
    ownerName: r.ownerId ? (nameOf.get(r.ownerId) ?? null) : null,
    teamId: r.teamId,
    participants: participants.filter((p) => p.eventId === r.id).map((p) => ({ id: p.id, name: p.name })),
    checklist: r.checklist.map((item) => ({
      id: item.id,
      text: item.text,
      done: item.done,
      doneBy: item.doneBy ?? null,
      doneByName: item.doneBy ? (nameOf.get(item.doneBy) ?? null) : null,
      doneAt: item.doneAt ?? null,
    })),
    leadCount: leadsOf.get(r.id) ?? 0,
    remindedAt: iso(r.remindedAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  }));
}

export async function toSalesEvent(ctx: Ctx, row: SalesEventRow): Promise<SalesEvent> {
  return (await toSalesEvents(ctx, [row]))[0] as SalesEvent;
}
