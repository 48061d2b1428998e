import { shipmentMilestones } from '@berth/domain';
import { type SQL, sql } from 'drizzle-orm';
import { arrayParam, queryRows } from '../../db/database';
import type { Ctx } from '../../platform/context';
import { type DomainEvents, emit, emitAll } from '../../platform/events';
import { orgSettings } from '../org-settings/public';

interface Changed {
  id: string;
  customer_id: string | null;
  owner_id: string | null;
  customer_name: string | null;
  reference: string;
  old_status: string;
  status: string;
  atd_moved: boolean;
  delayed: boolean;
  eta: string | Date | null;
  promised_eta: string | Date | null;
  slip: number | null;
}

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

/** The milestones in their order, as a SQL array literal (`array_position` gives a status its rank). */
const milestoneArray = sql.raw(`array[${shipmentMilestones.map((m) => `'${m}'`).join(',')}]::text[]`);

/** The order "last" means for an ETA change: time, then source and event id in byte order. */
const etaOrder = sql.raw(`occurred_at desc, source collate "C" desc, event_id collate "C" desc`);
/** The order "last" means for hold and release: time, a hold after a release at equal times, source, event id. */
const holdOrder = sql.raw(
  `occurred_at desc, type = 'customs_hold' desc, source collate "C" desc, event_id collate "C" desc`,
);

/**
 * What a set of events adds up to per shipment, as rows of `shipment_tracking` (without org_id): `events` is a
 * relation with shipment_id, source, event_id, type, occurred_at and data. The domain's `applyEvents` rule
 * (shipment-events.ts) as an aggregate; `foldTrackingSql` merges it into what was folded before.
 */
export function trackingAggregateSql(events: SQL): SQL {
  const etaGiven = sql.raw(`type = 'eta_changed' and jsonb_typeof(data -> 'eta') = 'string'`);
  const holdGiven = sql.raw(`type in ('customs_hold', 'customs_released')`);
  return sql`select shipment_id, milestone_rank, first_departed_at, last_arrived_at,
                    (eta ->> 0)::timestamptz as eta, (eta ->> 1)::timestamptz as eta_event_at,
                    eta ->> 2 as eta_event_source, eta ->> 3 as eta_event_id,
                    (hold ->> 0)::boolean as customs_hold, (hold ->> 1)::timestamptz as hold_event_at,
                    hold ->> 2 as hold_event_source, hold ->> 3 as hold_event_id,
                    rolled, damaged, lost, last_event_at
               from (
                 select shipment_id,
                        max(array_position(${milestoneArray}, type)) as milestone_rank,
                        min(occurred_at) filter (where type = 'departed') as first_departed_at,
                        max(occurred_at) filter (where type = 'arrived') as last_arrived_at,
                        (array_agg(jsonb_build_array(data ->> 'eta', occurred_at, source, event_id)
                                   order by ${etaOrder}) filter (where ${etaGiven}))[1] as eta,
                        (array_agg(jsonb_build_array(type = 'customs_hold', occurred_at, source, event_id)
                                   order by ${holdOrder}) filter (where ${holdGiven}))[1] as hold,
                        bool_or(type = 'rolled') as rolled, bool_or(type = 'damaged') as damaged,
                        bool_or(type = 'lost') as lost, max(occurred_at) as last_event_at
                   from ${events} ev
                  where shipment_id is not null
                  group by shipment_id
               ) folded`;
}

/** `excluded` (the newly folded events) is later than `t` (what was folded before) in the given key. */
const later = (at: string, columns: string[]) =>
  sql.raw(
    `excluded.${at} is not null and (t.${at} is null or (excluded.${at}, ${columns
      .map((c) => `excluded.${c}`)
      .join(', ')}) > (t.${at}, ${columns.map((c) => `t.${c}`).join(', ')}))`,
  );

/**
 * Merges the aggregate of some events (`trackingAggregateSql`) into `shipment_tracking`: an insert for a shipment
 * folded for the first time, else each part merged by its own rule (furthest, first, last, any, latest). The merge
 * is associative and idempotent, so folding a batch's new events gives what folding all the shipment's events
 * would, in any order of batches; concurrent batches on one shipment wait for each other on its row.
 */
export function foldTrackingSql(orgId: string, aggregate: SQL): SQL {
  const etaLater = later('eta_event_at', ['eta_event_source collate "C"', 'eta_event_id collate "C"']);
  const holdLater = later('hold_event_at', [
    'customs_hold',
    'hold_event_source collate "C"',
    'hold_event_id collate "C"',
  ]);
  const pick = (condition: SQL, column: string) =>
    sql`${sql.raw(column)} = case when ${condition} then excluded.${sql.raw(column)} else t.${sql.raw(column)} end`;
  return sql`insert into shipment_tracking as t
               (org_id, shipment_id, milestone_rank, first_departed_at, last_arrived_at, eta, eta_event_at,
                eta_event_source, eta_event_id, customs_hold, hold_event_at, hold_event_source, hold_event_id,
                rolled, damaged, lost, last_event_at)
             select ${orgId}, shipment_id, milestone_rank, first_departed_at, last_arrived_at, eta, eta_event_at,
                    eta_event_source, eta_event_id, customs_hold, hold_event_at, hold_event_source, hold_event_id,
                    rolled, damaged, lost, last_event_at
               from (${aggregate}) a
             on conflict (org_id, shipment_id) do update set
               milestone_rank = greatest(t.milestone_rank, excluded.milestone_rank),
               first_departed_at = least(t.first_departed_at, excluded.first_departed_at),
               last_arrived_at = greatest(t.last_arrived_at, excluded.last_arrived_at),
               ${pick(etaLater, 'eta')}, ${pick(etaLater, 'eta_event_source')}, ${pick(etaLater, 'eta_event_id')},
               ${pick(holdLater, 'customs_hold')}, ${pick(holdLater, 'hold_event_source')},
               ${pick(holdLater, 'hold_event_id')},
               eta_event_at = greatest(t.eta_event_at, excluded.eta_event_at),
               hold_event_at = greatest(t.hold_event_at, excluded.hold_event_at),
               rolled = t.rolled or excluded.rolled, damaged = t.damaged or excluded.damaged,
               lost = t.lost or excluded.lost,
               last_event_at = greatest(t.last_event_at, excluded.last_event_at)`;
}

/**
 * Folds the stored events of these shipments (all of them) into their tracking rows. For events that waited for
 * their shipment and were just linked to it: a shipment has no folded state before it exists.
 */
export async function foldStoredEvents(ctx: Ctx, shipmentIds: readonly string[]): Promise<void> {
  if (shipmentIds.length === 0) return;
  const events = sql`(select shipment_id, source, event_id, type, occurred_at, data from shipment_events
                       where org_id = ${ctx.orgId} and shipment_id = any(${arrayParam([...new Set(shipmentIds)])}::uuid[]))`;
  await ctx.db.execute(foldTrackingSql(ctx.orgId, trackingAggregateSql(events)));
}

/**
 * Brings the shipments' tracking columns up to what their folded events (`shipment_tracking`) and their own record
 * give, and writes only the shipments where that changed — one statement for the whole set, whatever its size:
 * - status: the furthest milestone of the record and of any event (milestones never move back);
 * - ATD: the first `departed` (else the record's), ATA: the last `arrived` (else the record's);
 * - ETA: that of the last `eta_changed` in the events' order (time, then source and event id), else the record's;
 * - customs hold: the last of `customs_hold` / `customs_released` is a hold (at equal times the hold comes after
 *   the release, as in the domain's type order);
 * - rolled, damaged, lost: any such event, or the record's own flag. The latest event time lives in the tracking
 *   row only (it moves with every event, and is no reason to rewrite the shipment).
 * The new values are computed from the row being updated, so a concurrent change of the record is not lost.
 * Emits `shipment.status_changed` for a status that moved, `shipment.delayed` the first time the ETA slips past the
 * organisation's threshold. Exceptions are announced by the caller for the events it newly stored. Answers the
 * shipments whose ATD moved (the one roll-up input events change).
 */
export async function refreshTracking(ctx: Ctx, shipmentIds: readonly string[]): Promise<{ atdMoved: string[] }> {
  if (shipmentIds.length === 0) return { atdMoved: [] };
  const ids = arrayParam([...new Set(shipmentIds)]);
  const { shipmentDelayHours } = await orgSettings(ctx);
  const now = ctx.clock.now().toISOString();
  const status = sql`(${milestoneArray})[greatest(array_position(${milestoneArray}, s.status), x.milestone_rank)]`;
  const eta = sql`coalesce(x.eta, s.eta)`;
  const atd = sql`coalesce(x.first_departed_at, s.atd)`;
  const ata = sql`coalesce(x.last_arrived_at, s.ata)`;
  const hold = sql`coalesce(x.customs_hold, false)`;
  const rolled = sql`(coalesce(x.rolled, false) or s.rolled)`;
  const damaged = sql`(coalesce(x.damaged, false) or s.damaged)`;
  const lost = sql`(coalesce(x.lost, false) or s.lost)`;
  const promised = sql`coalesce(s.promised_eta, ${eta})`;
  // Whole hours, halves up (as the domain's etaSlipHours).
  const slip = (next: SQL, base: SQL) => sql`floor(extract(epoch from ${next} - ${base}) / 3600 + 0.5)::int`;
  const delayed = sql`(${slip(eta, promised)} >= ${shipmentDelayHours}::int and s.delay_notified_at is null)`;
  const changed = await queryRows<Changed>(
    ctx.db,
    // Driven by the ids, a primary-key probe each into shipments and shipment_tracking: a batch touches a few
    // thousand of an organisation's millions, and a join the planner is free to choose hashed both whole tables.
    sql`with x as (
          select s.id, s.status as old_status, s.atd as old_atd, s.delay_notified_at as old_notified,
                 t.milestone_rank, t.eta, t.first_departed_at, t.last_arrived_at, t.customs_hold, t.rolled,
                 t.damaged, t.lost
            from unnest(${ids}::uuid[]) as k(id)
            cross join lateral (
              select s.id, s.status, s.atd, s.delay_notified_at from shipments s
               where s.org_id = ${ctx.orgId} and s.id = k.id
            ) s
            left join lateral (
              select t.* from shipment_tracking t where t.org_id = ${ctx.orgId} and t.shipment_id = k.id
            ) t on true
        ), upd as (
          -- Tracking state is not the record's content: the version (and so the ETag) stays, as a concurrent edit of
          -- the record's fields must not get a 412 because a carrier event arrived meanwhile.
          update shipments s set
                 status = ${status}, eta = ${eta}, atd = ${atd}, ata = ${ata}, promised_eta = ${promised},
                 customs_hold = ${hold}, rolled = ${rolled}, damaged = ${damaged}, lost = ${lost},
                 delay_notified_at = case when ${delayed} then ${now}::timestamptz else s.delay_notified_at end
            from x
           where s.org_id = ${ctx.orgId} and s.id = x.id
             and (${delayed}
               or (${status}, ${eta}, ${atd}, ${ata}, ${promised}, ${hold}, ${rolled}, ${damaged}, ${lost})
                  is distinct from
                  (s.status, s.eta, s.atd, s.ata, s.promised_eta, s.customs_hold, s.rolled, s.damaged, s.lost))
          returning s.id, s.customer_id, coalesce(s.master_bl, s.house_bl, s.booking_number, s.external_id) as reference,
                    x.old_status, s.status, s.atd is distinct from x.old_atd as atd_moved,
                    (x.old_notified is null and s.delay_notified_at is not null) as delayed,
                    s.eta, s.promised_eta, ${slip(sql`s.eta`, sql`s.promised_eta`)} as slip
        )
        select upd.id::text, upd.customer_id::text, c.owner_id::text, c.name as customer_name, upd.reference,
               upd.old_status, upd.status, upd.atd_moved, upd.delayed, upd.eta, upd.promised_eta, upd.slip
          from upd left join customers c on c.org_id = ${ctx.orgId} and c.id = upd.customer_id`,
  );

  const statusChanges: DomainEvents['shipment.status_changed'][] = [];
  for (const row of changed) {
    if (row.status !== row.old_status) {
      statusChanges.push({ shipmentId: row.id, customerId: row.customer_id, from: row.old_status, to: row.status });
    }
    if (row.delayed && row.eta !== null && row.promised_eta !== null && row.slip !== null) {
      await emit(ctx, 'shipment.delayed', {
        shipmentId: row.id,
        customerId: row.customer_id,
        ownerId: row.owner_id,
        customerName: row.customer_name,
        reference: row.reference,
        promisedEta: iso(row.promised_eta) as string,
        eta: iso(row.eta) as string,
        slipHours: row.slip,
      });
    }
  }
  // A feed batch moves thousands of shipments: their status changes are announced together (one statement per
  // asynchronous subscriber, not one per shipment).
  await emitAll(ctx, 'shipment.status_changed', statusChanges as DomainEvents['shipment.status_changed'][]);
  return { atdMoved: changed.filter((row) => row.atd_moved).map((row) => row.id) };
}
