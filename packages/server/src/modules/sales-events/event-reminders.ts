import type { Clock } from '@berth/domain';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/database';
import { inTransaction, systemCtx } from '../../platform/context';
import { emit } from '../../platform/events';

export const salesEventRemindersJob = 'sales.event-reminders';
/** How often the job looks for events to remind of; a reminder is at most this late. */
export const salesEventRemindersEveryMs = 15 * 60_000;

/**
 * Reminds the participants of events starting within `hoursBefore` (in-app and by email), once per
 * event: the event is marked reminded in the same statement that picks it, so two runs at once
 * (rows locked with SKIP LOCKED, the mark re-checked) and repeated runs send nothing twice. Moving
 * an event's start clears the mark, and the participants are reminded of the new time.
 * `clock` is the job run's.
 */
export async function runSalesEventReminders(
  db: Db,
  hoursBefore: number,
  clock: Clock,
): Promise<{ events: number; notified: number }> {
  const at = clock.now().toISOString();
  const window = sql`starts_at > ${at}::timestamptz and starts_at <= ${at}::timestamptz + ${hoursBefore} * interval '1 hour'`;
  const orgs = await queryRows<{ org_id: string }>(
    db,
    sql`select distinct org_id from sales_events where reminded_at is null and ${window}`,
  );
  let events = 0;
  let notified = 0;
  for (const { org_id } of orgs) {
    await inTransaction(systemCtx(db, org_id, { clock }), async (tx) => {
      const rows = await queryRows<{ id: string; name: string; starts_at: Date | string; place: string | null }>(
        tx.db,
        sql`with due as (
              select id from sales_events
               where org_id = ${org_id} and reminded_at is null and ${window}
               for update skip locked)
            update sales_events e set reminded_at = ${at}::timestamptz
              from due
             where e.org_id = ${org_id} and e.id = due.id and e.reminded_at is null
            returning e.id, e.name, e.starts_at, e.place`,
      );
      if (rows.length === 0) return;
      const participants = await queryRows<{ event_id: string; user_id: string }>(
        tx.db,
        sql`select event_id, user_id from sales_event_participants
             where org_id = ${org_id} and event_id in (${sql.join(
               rows.map((r) => sql`${r.id}::uuid`),
               sql`, `,
             )})`,
      );
      const starting = rows.map((r) => ({
        eventId: r.id,
        name: r.name,
        startsAt: new Date(r.starts_at).toISOString(),
        place: r.place,
        participantIds: participants.filter((p) => p.event_id === r.id).map((p) => p.user_id),
      }));
      await emit(tx, 'sales_event.starting_soon', { events: starting });
      events += rows.length;
      notified += participants.length;
    });
  }
  return { events, notified };
}
