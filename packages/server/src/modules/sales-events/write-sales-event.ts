import type { CreateSalesEventInput, SalesEvent, UpdateSalesEventInput } from '@berth/domain';
import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import { type Ctx, inTransaction, requireScope } from '../../platform/context';
import { updateVersioned } from '../../platform/versioned-write';
import { eventOwner } from './event-owner';
import { writeParticipants } from './participants';
import { toSalesEvent } from './sales-event-dto';
import { assertVersion, lockEventForUpdate } from './sales-event-scope';
import { salesEventLeads, salesEventShifts, salesEvents } from './tables';

export async function createSalesEvent(ctx: Ctx, input: CreateSalesEventInput): Promise<SalesEvent> {
  requireScope(ctx, 'salesEvents', 'create');
  return inTransaction(ctx, async (tx) => {
    const owner = await eventOwner(tx, 'create', input.ownerId === undefined ? tx.userId : input.ownerId);
    const [row] = await tx.db
      .insert(salesEvents)
      .values({
        orgId: tx.orgId,
        kind: input.kind,
        name: input.name,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        place: input.place ?? null,
        description: input.description ?? null,
        cost: input.cost?.amount ?? null,
        costCurrency: input.cost?.currency ?? null,
        ...owner,
      })
      .returning();
    const created = row as typeof salesEvents.$inferSelect;
    await writeParticipants(tx, created.id, input.participantIds, 'participantIds');
    return toSalesEvent(tx, created);
  });
}

/**
 * Changes an event (If-Match: its version). A new time must still hold every shift of the roster;
 * a new start means the participants are reminded again for it.
 */
export async function updateSalesEvent(
  ctx: Ctx,
  id: string,
  expected: number | undefined,
  input: UpdateSalesEventInput,
): Promise<SalesEvent> {
  return inTransaction(ctx, async (tx) => {
    const current = await lockEventForUpdate(tx, id);
    assertVersion(current, expected);
    const startsAt = input.startsAt ? new Date(input.startsAt) : current.startsAt;
    const endsAt = input.endsAt ? new Date(input.endsAt) : current.endsAt;
    if (endsAt <= startsAt) throw AppError.validation('endsAt', 'sales_event.ends_before_start');
    const patch: Record<string, unknown> = {};
    for (const key of ['kind', 'name', 'place', 'description'] as const) {
      if (input[key] !== undefined) patch[key] = input[key];
    }
    if (input.startsAt) patch.startsAt = startsAt;
    if (input.endsAt) patch.endsAt = endsAt;
    if (input.cost !== undefined) {
      patch.cost = input.cost?.amount ?? null;
      patch.costCurrency = input.cost?.currency ?? null;
    }
    if (input.ownerId !== undefined && input.ownerId !== current.ownerId) {
      Object.assign(patch, await eventOwner(tx, 'update', input.ownerId));
    }
    if (startsAt.getTime() !== current.startsAt.getTime()) patch.remindedAt = null;
    if (input.startsAt || input.endsAt) {
      const outside = await tx.db
        .select({ id: salesEventShifts.id })
        .from(salesEventShifts)
        .where(
          and(
            eq(salesEventShifts.orgId, tx.orgId),
            eq(salesEventShifts.eventId, id),
            or(sql`${salesEventShifts.startsAt} < ${startsAt}`, sql`${salesEventShifts.endsAt} > ${endsAt}`),
          ),
        )
        .limit(1);
      if (outside.length > 0) {
        throw AppError.validation(input.startsAt ? 'startsAt' : 'endsAt', 'sales_event.shifts_outside_event');
      }
    }
    const row = await updateVersioned(
      tx,
      salesEvents,
      and(eq(salesEvents.orgId, tx.orgId), eq(salesEvents.id, id)) as SQL,
      undefined,
      patch,
    );
    return toSalesEvent(tx, row);
  });
}

/** Deletes an event with its participants, roster and checklist; one with leads is kept for their attribution. */
export async function deleteSalesEvent(ctx: Ctx, id: string, expected: number | undefined): Promise<void> {
  requireScope(ctx, 'salesEvents', 'delete');
  await inTransaction(ctx, async (tx) => {
    const current = await lockEventForUpdate(tx, id, 'delete');
    assertVersion(current, expected);
    const leads = await tx.db
      .select({ id: salesEventLeads.id })
      .from(salesEventLeads)
      .where(and(eq(salesEventLeads.orgId, tx.orgId), eq(salesEventLeads.eventId, id)))
      .limit(1);
    if (leads.length > 0) throw AppError.conflict('sales_event.has_leads');
    await tx.db.delete(salesEvents).where(and(eq(salesEvents.orgId, tx.orgId), eq(salesEvents.id, id)));
  });
}
