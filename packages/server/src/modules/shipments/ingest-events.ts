import { type FieldError, isShipmentException, type ShipmentEventInput } from '@berth/domain';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryRows } from '../../db/database';
import { type Ctx, inRetriedTransaction } from '../../platform/context';
import { type DomainEvents, emitAll } from '../../platform/events';
import { queueCustomerRollups } from './customer-rollups';
import { parseEvent } from './event-input';
import { issuesToFieldErrors } from './item-errors';
import { refreshTracking } from './tracking';
import { assertFeedAccess } from './upsert-shipments';

type EventResult = {
  eventId: string | null;
  status: 'applied' | 'duplicate' | 'pending' | 'error';
  errors?: FieldError[];
};

/**
 * Stores up to 5,000 tracking events, once each by (source, eventId), and brings their shipments up to date.
 * Answers per event: applied (new, its shipment known), pending (new, its shipment not yet fed: applied when it
 * arrives), duplicate (sent before: nothing changes) or error. The order they arrive in does not matter
 * (domain `applyEvents`). Exceptions that are new are announced as `shipment.exception`. Two feeds writing the same
 * shipments at once can deadlock on their rows: the loser's batch runs again from the start, its answers with it
 * (an event another feed stored meanwhile is then a duplicate).
 */
export async function ingestShipmentEvents(ctx: Ctx, items: readonly unknown[]): Promise<{ items: EventResult[] }> {
  assertFeedAccess(ctx);
  const results: EventResult[] = [];
  const valid: { index: number; event: ShipmentEventInput }[] = [];
  items.forEach((item, index) => {
    const parsed = parseEvent.safeParse(item);
    const eventId =
      item && typeof item === 'object' && typeof (item as { eventId?: unknown }).eventId === 'string'
        ? (item as { eventId: string }).eventId
        : null;
    if (parsed.success) {
      results.push({ eventId, status: 'duplicate' });
      valid.push({ index, event: parsed.data });
    } else {
      results.push({
        eventId,
        status: 'error',
        errors: issuesToFieldErrors(ctx, parsed.error.issues as z.core.$ZodIssue[]),
      });
    }
  });
  if (valid.length === 0) return { items: results };

  return inRetriedTransaction(ctx, async (tx) => {
    const answers = results.map((result) => ({ ...result }));
    const rows = valid.map(({ index, event }) => ({
      ord: index,
      source: event.source,
      event_id: event.eventId,
      external_id: event.externalId,
      type: event.type,
      occurred_at: event.occurredAt,
      location: event.location ?? null,
      // The ETA as one ISO instant, so that the database reads it as the domain does (any form Date.parse takes).
      data:
        event.type === 'eta_changed' && typeof event.data?.eta === 'string'
          ? { ...event.data, eta: new Date(event.data.eta).toISOString() }
          : (event.data ?? null),
    }));
    // One statement: store what is new (the first copy of a repeated event wins), find each new event's shipment.
    const stored = await queryRows<{ ord: number; shipment_id: string | null; customer_id: string | null }>(
      tx.db,
      sql`with input as (
            select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
              as x(ord int, source text, event_id text, external_id text, type text, occurred_at timestamptz,
                   location text, data jsonb)
          ), ins as (
            insert into shipment_events
                  (org_id, source, event_id, shipment_external_id, shipment_id, type, occurred_at, location, data)
            select distinct on (i.source, i.event_id)
                   ${tx.orgId}, i.source, i.event_id, i.external_id, s.id, i.type, i.occurred_at, i.location, i.data
              from input i
              left join shipments s on s.org_id = ${tx.orgId} and s.source = i.source and s.external_id = i.external_id
             order by i.source, i.event_id, i.ord
            on conflict (org_id, source, event_id) do nothing
            returning source, event_id, shipment_id
          )
          select min(i.ord) as ord, ins.shipment_id::text, s.customer_id::text
            from ins join input i on i.source = ins.source and i.event_id = ins.event_id
            left join shipments s on s.org_id = ${tx.orgId} and s.id = ins.shipment_id
           group by ins.source, ins.event_id, ins.shipment_id, s.customer_id`,
    );
    const shipmentIds = new Set<string>();
    const storedByOrd = new Map(stored.map((row) => [row.ord, row]));
    for (const { index } of valid) {
      const row = storedByOrd.get(index);
      if (!row) continue;
      (answers[index] as EventResult).status = row.shipment_id ? 'applied' : 'pending';
      if (!row.shipment_id) continue;
      shipmentIds.add(row.shipment_id);
    }
    const { atdMoved } = await refreshTracking(tx, [...shipmentIds]);
    // A departure moves a shipment's date (ATD) for the roll-ups: its customer's are queued for the coalesced job,
    // not computed per batch (a feed's batches touch the same customers again and again).
    await queueCustomerRollups(tx, atdMoved);
    const exceptions: DomainEvents['shipment.exception'][] = [];
    for (const { index, event } of valid) {
      const row = storedByOrd.get(index);
      if (row?.shipment_id && isShipmentException(event.type)) {
        exceptions.push({
          shipmentId: row.shipment_id,
          customerId: row.customer_id,
          type: event.type,
          occurredAt: new Date(event.occurredAt).toISOString(),
          eventId: event.eventId,
        });
      }
    }
    await emitAll(tx, 'shipment.exception', exceptions);
    return { items: answers };
  });
}
