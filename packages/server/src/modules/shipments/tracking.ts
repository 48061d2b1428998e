import { applyEvents, etaSlipHours, type ShipmentStatus, type TrackingEvent } from '@berth/domain';
import { sql } from 'drizzle-orm';
import { arrayParam, queryRows } from '../../db/database';
import type { Ctx } from '../../platform/context';
import { type DomainEvents, emit, emitAll } from '../../platform/events';
import { orgSettings } from '../org-settings/public';

interface Row {
  id: string;
  customer_id: string | null;
  owner_id: string | null;
  customer_name: string | null;
  reference: string;
  status: ShipmentStatus;
  eta: string | null;
  atd: string | null;
  ata: string | null;
  promised_eta: string | null;
  customs_hold: boolean;
  rolled: boolean;
  damaged: boolean;
  lost: boolean;
  last_event_at: string | null;
  delay_notified_at: string | null;
}

interface EventRow {
  shipment_id: string;
  source: string;
  event_id: string;
  type: TrackingEvent['type'];
  occurred_at: string;
  location: string | null;
  data: TrackingEvent['data'];
}

const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());

/**
 * Recomputes what the events of these shipments add up to (domain `applyEvents`, whatever order they came in) and
 * writes the shipments whose state changed in one statement. Emits `shipment.status_changed` for a status that moved,
 * `shipment.delayed` the first time the ETA slips past the threshold. Exceptions are announced by the caller for
 * the events it newly stored (this function does not know which events are new).
 */
export async function refreshTracking(ctx: Ctx, shipmentIds: readonly string[]): Promise<void> {
  if (shipmentIds.length === 0) return;
  const ids = arrayParam([...new Set(shipmentIds)]);
  const [rows, events] = await Promise.all([
    queryRows<Row>(
      ctx.db,
      sql`select s.id::text, s.customer_id::text, c.owner_id::text, c.name as customer_name,
                 coalesce(s.master_bl, s.house_bl, s.booking_number, s.external_id) as reference,
                 s.status, s.eta, s.atd, s.ata, s.promised_eta, s.customs_hold, s.rolled, s.damaged, s.lost,
                 s.last_event_at, s.delay_notified_at
            from shipments s left join customers c on c.org_id = s.org_id and c.id = s.customer_id
           where s.org_id = ${ctx.orgId} and s.id = any(${ids}::uuid[])
             for update of s`,
    ),
    queryRows<EventRow>(
      ctx.db,
      sql`select shipment_id::text, source, event_id, type, occurred_at, location, data
            from shipment_events where org_id = ${ctx.orgId} and shipment_id = any(${ids}::uuid[])`,
    ),
  ]);
  const byShipment = new Map<string, TrackingEvent[]>();
  for (const event of events) {
    const list = byShipment.get(event.shipment_id) ?? [];
    list.push({
      source: event.source,
      eventId: event.event_id,
      type: event.type,
      occurredAt: iso(event.occurred_at) as string,
      location: event.location,
      data: event.data,
    });
    byShipment.set(event.shipment_id, list);
  }

  // An ETA later than the promised one by the organisation's threshold tells the owner (once per shipment).
  const delayThresholdHours = rows.length > 0 ? (await orgSettings(ctx)).shipmentDelayHours : 0;
  const changed: Record<string, unknown>[] = [];
  const statusChanges: DomainEvents['shipment.status_changed'][] = [];
  for (const row of rows) {
    const eventsOfShipment = byShipment.get(row.id) ?? [];
    const state = applyEvents(
      { status: row.status, eta: iso(row.eta), atd: iso(row.atd), ata: iso(row.ata) },
      eventsOfShipment,
    );
    const eta = state.eta ? new Date(state.eta).toISOString() : null;
    // The record's own flags stay set when a feed set them without an event (damage reported on the file).
    const next = {
      id: row.id,
      status: state.status,
      eta,
      atd: state.atd ? new Date(state.atd).toISOString() : null,
      ata: state.ata ? new Date(state.ata).toISOString() : null,
      promised_eta: iso(row.promised_eta) ?? eta,
      customs_hold: state.customsHold,
      rolled: state.rolled || row.rolled,
      damaged: state.damaged || row.damaged,
      lost: state.lost || row.lost,
      last_event_at: state.lastEventAt ? new Date(state.lastEventAt).toISOString() : iso(row.last_event_at),
      delay_notified_at: iso(row.delay_notified_at),
    };
    const slip = etaSlipHours(next.promised_eta, next.eta);
    const delayed = slip !== null && slip >= delayThresholdHours && row.delay_notified_at === null;
    if (delayed) next.delay_notified_at = ctx.clock.now().toISOString();
    const same =
      next.status === row.status &&
      next.eta === iso(row.eta) &&
      next.atd === iso(row.atd) &&
      next.ata === iso(row.ata) &&
      next.promised_eta === iso(row.promised_eta) &&
      next.customs_hold === row.customs_hold &&
      next.rolled === row.rolled &&
      next.damaged === row.damaged &&
      next.lost === row.lost &&
      next.last_event_at === iso(row.last_event_at) &&
      !delayed;
    if (same) continue;
    changed.push(next);
    if (next.status !== row.status) {
      statusChanges.push({ shipmentId: row.id, customerId: row.customer_id, from: row.status, to: next.status });
    }
    if (delayed && next.promised_eta && next.eta && slip !== null) {
      await emit(ctx, 'shipment.delayed', {
        shipmentId: row.id,
        customerId: row.customer_id,
        ownerId: row.owner_id,
        customerName: row.customer_name,
        reference: row.reference,
        promisedEta: next.promised_eta,
        eta: next.eta,
        slipHours: slip,
      });
    }
  }
  // A feed batch moves thousands of shipments: their status changes are announced together (one statement per
  // asynchronous subscriber, not one per shipment).
  await emitAll(ctx, 'shipment.status_changed', statusChanges);
  if (changed.length === 0) return;
  // Tracking state is not the record's content: the version (and so the ETag) stays, as a concurrent edit of the
  // record's fields must not get a 412 because a carrier event arrived meanwhile.
  await ctx.db.execute(sql`update shipments s set
      status = x.status, eta = x.eta, atd = x.atd, ata = x.ata, promised_eta = x.promised_eta,
      customs_hold = x.customs_hold, rolled = x.rolled, damaged = x.damaged, lost = x.lost,
      last_event_at = x.last_event_at, delay_notified_at = x.delay_notified_at
    from jsonb_to_recordset(${JSON.stringify(changed)}::jsonb) as x(
      id uuid, status text, eta timestamptz, atd timestamptz, ata timestamptz, promised_eta timestamptz,
      customs_hold boolean, rolled boolean, damaged boolean, lost boolean, last_event_at timestamptz,
      delay_notified_at timestamptz)
    where s.org_id = ${ctx.orgId} and s.id = x.id`);
}
