import {
  type Page,
  parseLaneFilter,
  type Shipment,
  type ShipmentEvent,
  type ShipmentListQuery,
  startOfZonedDate,
} from '@berth/domain';
import { and, asc, eq, exists, gte, lt, or, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import type { Ctx } from '../../platform/context';
import { afterCursor, orderByKeyset, toPage } from '../../platform/http/keyset';
import { iso } from '../../platform/versioned-write';
import { customerById, customerRef as customers } from '../customers';
import { userTimeZone } from '../org-settings';
import { selectShipments, toShipments } from './shipment-dto';
import { shipmentById } from './shipment-scope';
import { shipmentContainers, shipmentEvents, shipments } from './tables';

function filterWhere(ctx: Ctx, query: Omit<ShipmentListQuery, 'limit' | 'cursor'>, timeZone: string): SQL | undefined {
  const lane = query.lane ? parseLaneFilter(query.lane) : null;
  const term = query.q?.toUpperCase().replace(/\s+/g, '');
  return and(
    query.customerId ? eq(shipments.customerId, query.customerId) : undefined,
    query.mode ? eq(shipments.mode, query.mode) : undefined,
    query.status ? eq(shipments.status, query.status) : undefined,
    lane ? eq(shipments.pol, lane.pol) : undefined,
    lane?.pod ? eq(shipments.pod, lane.pod) : undefined,
    // Days are the caller's calendar days, in their time zone (the organisation's unless they chose their own).
    query.etdFrom ? gte(shipments.etd, startOfZonedDate(timeZone, query.etdFrom)) : undefined,
    query.etdTo ? lt(shipments.etd, startOfZonedDate(timeZone, query.etdTo, 1)) : undefined,
    query.etaFrom ? gte(shipments.eta, startOfZonedDate(timeZone, query.etaFrom)) : undefined,
    query.etaTo ? lt(shipments.eta, startOfZonedDate(timeZone, query.etaTo, 1)) : undefined,
    query.exception
      ? sql`(${shipments.rolled} or ${shipments.customsHold} or ${shipments.damaged} or ${shipments.lost})`
      : undefined,
    term
      ? or(
          eq(shipments.bookingNumber, term),
          eq(shipments.masterBl, term),
          eq(shipments.houseBl, term),
          eq(shipments.externalId, query.q as string),
          exists(
            ctx.db
              .select({ one: sql`1` })
              .from(shipmentContainers)
              .where(
                and(
                  eq(shipmentContainers.orgId, shipments.orgId),
                  eq(shipmentContainers.shipmentId, shipments.id),
                  eq(shipmentContainers.number, term),
                ),
              ),
          ),
        )
      : undefined,
  );
}

/** The shipment list: newest first, within the caller's scope (through each shipment's customer). */
export async function findShipments(ctx: Ctx, query: ShipmentListQuery): Promise<Page<Shipment>> {
  const keyset = { sort: shipments.id, id: shipments.id, direction: 'desc' as const, cursor: query.cursor };
  const timeZone =
    query.etdFrom || query.etdTo || query.etaFrom || query.etaTo ? await userTimeZone(ctx, ctx.userId) : 'UTC';
  const rows = await selectShipments(ctx, and(filterWhere(ctx, query, timeZone), afterCursor(keyset)))
    .orderBy(...orderByKeyset(keyset))
    .limit(query.limit + 1);
  const page = toPage(
    rows,
    query.limit,
    (row) => [row.id, row.id],
    (row) => row,
  );
  return { items: await toShipments(ctx, page.items), nextCursor: page.nextCursor };
}

/** A customer's shipments: 404 when the customer is not one the caller may read, as for its other records. */
export async function findCustomerShipments(
  ctx: Ctx,
  customerId: string,
  query: Omit<ShipmentListQuery, 'customerId'>,
): Promise<Page<Shipment>> {
  const [customer] = await ctx.db
    .select({ id: customers.id })
    .from(customers)
    .where(customerById(ctx, 'read', customerId));
  if (!customer) throw AppError.notFound();
  return findShipments(ctx, { ...query, customerId });
}

export async function getShipment(ctx: Ctx, id: string): Promise<Shipment> {
  const [row] = await selectShipments(ctx, eq(shipments.id, id));
  if (!row) throw AppError.notFound();
  return (await toShipments(ctx, [row]))[0] as Shipment;
}

/** A shipment's tracking events in the order they happened (the order they are applied in). */
export async function shipmentEventList(ctx: Ctx, id: string): Promise<{ items: ShipmentEvent[] }> {
  const [visible] = await ctx.db
    .select({ id: shipments.id })
    .from(shipments)
    .where(shipmentById(ctx, 'read', id));
  if (!visible) throw AppError.notFound();
  const rows = await ctx.db
    .select()
    .from(shipmentEvents)
    .where(and(eq(shipmentEvents.orgId, ctx.orgId), eq(shipmentEvents.shipmentId, id)))
    .orderBy(asc(shipmentEvents.occurredAt), asc(shipmentEvents.source), asc(shipmentEvents.eventId))
    .limit(5000);
  return {
    items: rows.map((row) => ({
      eventId: row.eventId,
      source: row.source,
      type: row.type as ShipmentEvent['type'],
      occurredAt: iso(row.occurredAt) as string,
      location: row.location,
      data: row.data ?? null,
      receivedAt: iso(row.receivedAt) as string,
    })),
  };
}
