import type { ErrorCode, Roster, RosterInput } from '@berth/domain';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { recordChange } from '../../platform/audit';
import { type Ctx, inTransaction } from '../../platform/context';
import { updateVersioned } from '../../platform/versioned-write';
import { assertVersion, getVisibleEventRow, lockEventForUpdate } from './sales-event-scope';
import { salesEventParticipants, salesEventShifts, salesEvents } from './tables';

async function readRoster(ctx: Ctx, eventId: string, version: number): Promise<Roster> {
  const rows = await ctx.db
    .select({ shift: salesEventShifts, userName: users.name })
    .from(salesEventShifts)
    .innerJoin(users, and(eq(users.orgId, salesEventShifts.orgId), eq(users.id, salesEventShifts.userId)))
    .where(and(eq(salesEventShifts.orgId, ctx.orgId), eq(salesEventShifts.eventId, eventId)))
    .orderBy(asc(salesEventShifts.startsAt), asc(users.name), asc(salesEventShifts.id));
  return {
    version,
    items: rows.map(({ shift, userName }) => ({
      id: shift.id,
      userId: shift.userId,
      userName,
      startsAt: shift.startsAt.toISOString(),
      endsAt: shift.endsAt.toISOString(),
      note: shift.note,
    })),
  };
}

/** Who staffs the event when, with the event's version to send when changing it. */
export async function getRoster(ctx: Ctx, eventId: string): Promise<Roster> {
  const event = await getVisibleEventRow(ctx, eventId);
  return readRoster(ctx, eventId, event.version);
}

interface Slot {
  userId: string;
  startsAt: number;
  endsAt: number;
}

/**
 * The first problem of a roster, as a field error on the shift: a shift outside the event's time,
 * someone who is not a participant, or a shift overlapping another of the same person (shifts that
 * only touch, one ending when the next starts, do not overlap).
 */
export function rosterProblem(
  shifts: Slot[],
  event: { startsAt: Date; endsAt: Date },
  participants: Set<string>,
): { field: string; code: ErrorCode } | null {
  for (const [i, s] of shifts.entries()) {
    if (s.endsAt <= s.startsAt) return { field: `shifts.${i}.endsAt`, code: 'sales_event.ends_before_start' };
    if (s.startsAt < event.startsAt.getTime() || s.endsAt > event.endsAt.getTime()) {
      return { field: `shifts.${i}.startsAt`, code: 'sales_event.shift_outside_event' };
    }
    if (!participants.has(s.userId)) return { field: `shifts.${i}.userId`, code: 'sales_event.shift_not_participant' };
    const clash = shifts.findIndex(
      (o, j) => j < i && o.userId === s.userId && o.startsAt < s.endsAt && s.startsAt < o.endsAt,
    );
    if (clash >= 0) return { field: `shifts.${i}.startsAt`, code: 'sales_event.shift_overlap' };
  }
  return null;
}

/** Replaces the duty roster (If-Match: the event's version). */
export async function saveRoster(
  ctx: Ctx,
  eventId: string,
  expected: number | undefined,
  input: RosterInput,
): Promise<Roster> {
  return inTransaction(ctx, async (tx) => {
    const event = await lockEventForUpdate(tx, eventId);
    assertVersion(event, expected);
    const participants = await tx.db
      .select({ userId: salesEventParticipants.userId })
      .from(salesEventParticipants)
      .where(and(eq(salesEventParticipants.orgId, tx.orgId), eq(salesEventParticipants.eventId, eventId)));
    const slots = input.shifts.map((s) => ({
      userId: s.userId,
      startsAt: Date.parse(s.startsAt),
      endsAt: Date.parse(s.endsAt),
    }));
    const problem = rosterProblem(slots, event, new Set(participants.map((p) => p.userId)));
    if (problem) throw AppError.validation(problem.field, problem.code);

    const before = await readRoster(tx, eventId, event.version);
    await tx.db
      .delete(salesEventShifts)
      .where(and(eq(salesEventShifts.orgId, tx.orgId), eq(salesEventShifts.eventId, eventId)));
    if (input.shifts.length > 0) {
      await tx.db.insert(salesEventShifts).values(
        input.shifts.map((s) => ({
          orgId: tx.orgId,
          eventId,
          userId: s.userId,
          startsAt: new Date(s.startsAt),
          endsAt: new Date(s.endsAt),
          note: s.note ?? null,
        })),
      );
    }
    const row = await updateVersioned(
      tx,
      salesEvents,
      and(eq(salesEvents.orgId, tx.orgId), eq(salesEvents.id, eventId)) as SQL,
      undefined,
      {},
    );
    const after = await readRoster(tx, eventId, row.version);
    const compact = (r: Roster) => r.items.map((s) => [s.userId, s.startsAt, s.endsAt]);
    if (JSON.stringify(compact(before)) !== JSON.stringify(compact(after))) {
      await recordChange(tx, {
        entity: 'sales_events',
        entityId: eventId,
        changes: { roster: [compact(before), compact(after)] },
      });
    }
    return after;
  });
}
