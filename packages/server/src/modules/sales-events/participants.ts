import type { SalesEvent, SalesEventParticipantsInput } from '@berth/domain';
import { and, eq, inArray, notInArray, type SQL } from 'drizzle-orm';
import { users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { recordChange } from '../../platform/audit';
import { type Ctx, inTransaction } from '../../platform/context';
import { updateVersioned } from '../../platform/versioned-write';
import { toSalesEvent } from './sales-event-dto';
import { assertVersion, lockEventForUpdate } from './sales-event-scope';
import { salesEventParticipants, salesEventShifts, salesEvents } from './tables';

/**
 * Makes `userIds` the event's participants: each must be a user of the organisation, and a newly
 * added one active. Removed participants leave the duty roster too. Returns the ids before and after.
 */
export async function writeParticipants(
  ctx: Ctx,
  eventId: string,
  userIds: string[],
  field: string,
): Promise<{ before: string[]; after: string[] }> {
  const wanted = [...new Set(userIds)];
  const current = await ctx.db
    .select({ userId: salesEventParticipants.userId })
    .from(salesEventParticipants)
    .where(and(eq(salesEventParticipants.orgId, ctx.orgId), eq(salesEventParticipants.eventId, eventId)));
  const before = current.map((p) => p.userId).sort();
  const found =
    wanted.length === 0
      ? []
      : await ctx.db
          .select({ id: users.id, status: users.status })
          .from(users)
          .where(and(eq(users.orgId, ctx.orgId), inArray(users.id, wanted)));
  const statusOf = new Map(found.map((u) => [u.id, u.status]));
  userIds.forEach((id, index) => {
    const status = statusOf.get(id);
    if (!status) throw AppError.validation(`${field}.${index}`, 'reference.invalid');
    if (status !== 'active' && !before.includes(id)) {
      throw AppError.validation(`${field}.${index}`, 'sales_event.user_inactive');
    }
  });
  const ofEvent = (table: typeof salesEventParticipants | typeof salesEventShifts) =>
    and(eq(table.orgId, ctx.orgId), eq(table.eventId, eventId)) as SQL;
  const leaving = wanted.length === 0 ? undefined : notInArray(salesEventShifts.userId, wanted);
  await ctx.db.delete(salesEventShifts).where(and(ofEvent(salesEventShifts), leaving));
  await ctx.db
    .delete(salesEventParticipants)
    .where(
      and(
        ofEvent(salesEventParticipants),
        wanted.length === 0 ? undefined : notInArray(salesEventParticipants.userId, wanted),
      ),
    );
  const joining = wanted.filter((id) => !before.includes(id));
  if (joining.length > 0) {
    await ctx.db
      .insert(salesEventParticipants)
      .values(joining.map((userId) => ({ orgId: ctx.orgId, eventId, userId })))
      .onConflictDoNothing();
  }
  return { before, after: [...wanted].sort() };
}

/** Replaces the participants of an event (If-Match: the event's version). */
export async function setParticipants(
  ctx: Ctx,
  id: string,
  expected: number | undefined,
  input: SalesEventParticipantsInput,
): Promise<SalesEvent> {
  return inTransaction(ctx, async (tx) => {
    const event = await lockEventForUpdate(tx, id);
    assertVersion(event, expected);
    const { before, after } = await writeParticipants(tx, id, input.userIds, 'userIds');
    const row = await updateVersioned(
      tx,
      salesEvents,
      and(eq(salesEvents.orgId, tx.orgId), eq(salesEvents.id, id)) as SQL,
      undefined,
      {},
    );
    if (before.join() !== after.join()) {
      await recordChange(tx, { entity: 'sales_events', entityId: id, changes: { participants: [before, after] } });
    }
    return toSalesEvent(tx, row);
  });
}
