import { shipmentMilestones } from '@berth/domain';
import { sql } from 'drizzle-orm';
import { arrayParam, queryRows } from '../../db/database';
import type { Ctx } from '../../platform/context';
import { type DomainEvents, emit, emitAll } from '../../platform/events';
import { orgSettings } from '../org-settings';
import { shipmentReferenceSql } from './shipment-reference-sql';

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
export const milestoneArray = sql.raw(`array[${shipmentMilestones.map((m) => `'${m}'`).join(',')}]::text[]`);

/**
 * Recomputes what the events of these shipments add up to and writes the shipments whose state changed — one
 * statement for the whole set, whatever its size. It is the domain's `applyEvents` rule (shipment-events.ts) as an
 * aggregate over each shipment's stored events, the record as the base:
 * - status: the furthest milestone of the record and of any event (milestones never move back);
 * - ATD: the first `departed` (else the record's), ATA: the last `arrived` (else the record's);
 * - ETA: that of the last `eta_changed` in the events' order (time, then source and event id), else the record's;
 *   after a correction by hand (`eta_corrected_at`), the record's unless that event occurred after the correction;
 * - customs hold: the last of `customs_hold` / `customs_released` is a hold (at equal times the hold comes after
 *   the release, as in the domain's type order);
 * - rolled, damaged, lost: any such event, or the record's own flag; last event: the latest time.
 * Emits `shipment.status_changed` for a status that moved, `shipment.delayed` the first time the ETA slips past the
 * organisation's threshold. Exceptions are announced by the caller for the events it newly stored (this function
 * does not know which events are new). Answers the shipments whose ATD moved (the one roll-up input events change).
 */
export async function refreshTracking(ctx: Ctx, shipmentIds: readonly string[]): Promise<{ atdMoved: string[] }> {
  if (shipmentIds.length === 0) return { atdMoved: [] };
  const ids = arrayParam([...new Set(shipmentIds)]);
  const { shipmentDelayHours } = await orgSettings(ctx);
  const now = ctx.clock.now().toISOString();
  const changed = await queryRows<Changed>(
    ctx.db,
    sql`with cur as (
          select s.id, s.customer_id, c.owner_id, c.name as customer_name,
                 ${shipmentReferenceSql('s')} as reference,
                 s.status, s.eta, s.atd, s.ata, s.promised_eta, s.customs_hold, s.rolled, s.damaged, s.lost,
                 s.last_event_at, s.delay_notified_at, s.eta_corrected_at
            from shipments s left join customers c on c.org_id = s.org_id and c.id = s.customer_id
           where s.org_id = ${ctx.orgId} and s.id = any(${ids}::uuid[])
             for update of s
        ), agg as (
          select e.shipment_id,
                 max(array_position(${milestoneArray}, e.type)) as rank,
                 min(e.occurred_at) filter (where e.type = 'departed') as first_departed,
                 max(e.occurred_at) filter (where e.type = 'arrived') as last_arrived,
                 (array_agg(e.data ->> 'eta' order by e.occurred_at desc, e.source collate "C" desc,
                                                      e.event_id collate "C" desc)
                    filter (where e.type = 'eta_changed' and jsonb_typeof(e.data -> 'eta') = 'string'))[1] as eta,
                 max(e.occurred_at) filter (where e.type = 'eta_changed' and jsonb_typeof(e.data -> 'eta') = 'string')
                   as eta_at,
                 (array_agg(e.type = 'customs_hold' order by e.occurred_at desc, e.type = 'customs_hold' desc,
                                                             e.source collate "C" desc, e.event_id collate "C" desc)
                    filter (where e.type in ('customs_hold', 'customs_released')))[1] as customs_hold,
                 bool_or(e.type = 'rolled') as rolled, bool_or(e.type = 'damaged') as damaged,
                 bool_or(e.type = 'lost') as lost, max(e.occurred_at) as last_event_at
            from shipment_events e
           where e.org_id = ${ctx.orgId} and e.shipment_id = any(${ids}::uuid[])
           group by e.shipment_id
        ), computed as (
          select cur.*,
                 (${milestoneArray})[greatest(array_position(${milestoneArray}, cur.status), a.rank)] as next_status,
                 case when a.eta_at > cur.eta_corrected_at or cur.eta_corrected_at is null
                      then coalesce(a.eta::timestamptz, cur.eta) else cur.eta end as next_eta,
                 coalesce(a.first_departed, cur.atd) as next_atd,
                 coalesce(a.last_arrived, cur.ata) as next_ata,
                 coalesce(a.customs_hold, false) as next_customs_hold,
                 coalesce(a.rolled, false) or cur.rolled as next_rolled,
                 coalesce(a.damaged, false) or cur.damaged as next_damaged,
                 coalesce(a.lost, false) or cur.lost as next_lost,
                 coalesce(a.last_event_at, cur.last_event_at) as next_last_event_at
            from cur left join agg a on a.shipment_id = cur.id
        ), slipped as (
          select computed.*, coalesce(promised_eta, next_eta) as next_promised_eta,
                 -- Whole hours, halves up (as the domain's etaSlipHours).
                 floor(extract(epoch from next_eta - coalesce(promised_eta, next_eta)) / 3600 + 0.5)::int as slip
            from computed
        ), next as (
          select slipped.*,
                 (slip is not null and slip >= ${shipmentDelayHours}::int and delay_notified_at is null) as delayed
            from slipped
        ), upd as (
          -- Tracking state is not the record's content: the version (and so the ETag) stays, as a concurrent edit of
          -- the record's fields must not get a 412 because a carrier event arrived meanwhile.
          update shipments s set
                 status = x.next_status, eta = x.next_eta, atd = x.next_atd, ata = x.next_ata,
                 promised_eta = x.next_promised_eta, customs_hold = x.next_customs_hold, rolled = x.next_rolled,
                 damaged = x.next_damaged, lost = x.next_lost, last_event_at = x.next_last_event_at,
                 delay_notified_at = case when x.delayed then ${now}::timestamptz else x.delay_notified_at end
            from next x
           where s.org_id = ${ctx.orgId} and s.id = x.id
             and (x.delayed
               or (x.next_status, x.next_eta, x.next_atd, x.next_ata, x.next_promised_eta, x.next_customs_hold,
                   x.next_rolled, x.next_damaged, x.next_lost, x.next_last_event_at)
                  is distinct from
                  (x.status, x.eta, x.atd, x.ata, x.promised_eta, x.customs_hold, x.rolled, x.damaged, x.lost,
                   x.last_event_at))
          returning s.id::text, s.customer_id::text, x.owner_id::text, x.customer_name, x.reference,
                    x.status as old_status, s.status, x.next_atd is distinct from x.atd as atd_moved, x.delayed,
                    s.eta, s.promised_eta, x.slip
        )
        select * from upd`,
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
