import {
  homeCardRowLimit,
  type ShipmentExceptionType,
  type ShipmentHomeCard,
  type ShipmentHomeRow,
  type ShipmentStatus,
  shipmentHomeCardEndpoints,
  shipmentHomeWindowDays,
  shipmentReference,
} from '@berth/domain';
import { and, asc, count, desc, eq, gte, isNull, lte, notInArray, type SQL, sql } from 'drizzle-orm';
import { type Ctx, nowSql, requireScope } from '../../platform/context';
import { defineHomeCard } from '../../platform/module';
import { customerRef } from '../customers';
import { shipmentsInScope } from './shipment-scope';
import { shipments } from './tables';

const flagged = sql`(${shipments.rolled} or ${shipments.customsHold} or ${shipments.damaged} or ${shipments.lost})`;
const arrivedStatuses: ShipmentStatus[] = ['arrived', 'discharged', 'customs_released', 'delivered'];

function toRow(row: { shipment: typeof shipments.$inferSelect; customerName: string | null }): ShipmentHomeRow {
  const s = row.shipment;
  const exceptions: ShipmentExceptionType[] = [];
  if (s.rolled) exceptions.push('rolled');
  if (s.customsHold) exceptions.push('customs_hold');
  if (s.damaged) exceptions.push('damaged');
  if (s.lost) exceptions.push('lost');
  return {
    id: s.id,
    reference: shipmentReference(s),
    customerId: s.customerId,
    customerName: row.customerName,
    pol: s.pol,
    pod: s.pod,
    mode: s.mode,
    status: s.status as ShipmentStatus,
    eta: s.eta ? s.eta.toISOString() : null,
    exceptions,
  };
}

/**
 * Shipments of the caller's customers (their shipments read scope, through the customer): those not delivered with
 * an exception that had news in the last shipmentHomeWindowDays, newest news first, and those not yet arrived with
 * an ETA in the next shipmentHomeWindowDays, soonest first. Counts in one statement, then the first rows of each.
 */
export async function shipmentHomeCard(ctx: Ctx): Promise<ShipmentHomeCard> {
  const scope = requireScope(ctx, 'shipments', 'read');
  const now = nowSql(ctx);
  const days = sql`${shipmentHomeWindowDays} * interval '24 hours'`;
  const exception = and(
    flagged,
    sql`${shipments.status} <> 'delivered'`,
    gte(sql`coalesce(${shipments.lastEventAt}, ${shipments.updatedAt})`, sql`${now} - ${days}`),
  ) as SQL;
  const arriving = and(
    notInArray(shipments.status, arrivedStatuses),
    isNull(shipments.ata),
    gte(shipments.eta, now),
    lte(shipments.eta, sql`${now} + ${days}`),
  ) as SQL;
  const inScope = shipmentsInScope(ctx, 'read');
  const [counts] = await ctx.db
    .select({
      exceptions: sql<number>`(${count()} filter (where ${exception}))::int`,
      arriving: sql<number>`(${count()} filter (where ${arriving}))::int`,
    })
    .from(shipments)
    .where(and(inScope, sql`(${exception} or ${arriving})`));
  const rows = (where: SQL, order: SQL[]) =>
    ctx.db
      .select({ shipment: shipments, customerName: customerRef.name })
      .from(shipments)
      .leftJoin(customerRef, and(eq(customerRef.orgId, shipments.orgId), eq(customerRef.id, shipments.customerId)))
      .where(and(inScope, where))
      .orderBy(...order)
      .limit(homeCardRowLimit);
  const [exceptionRows, arrivingRows] = await Promise.all([
    rows(exception, [desc(sql`coalesce(${shipments.lastEventAt}, ${shipments.updatedAt})`), desc(shipments.id)]),
    rows(arriving, [asc(shipments.eta), asc(shipments.id)]),
  ]);
  return {
    scope,
    exceptions: { count: Number(counts?.exceptions ?? 0), items: exceptionRows.map(toRow) },
    arriving: { count: Number(counts?.arriving ?? 0), items: arrivingRows.map(toRow) },
  };
}

export const shipmentHomeCards = [
  defineHomeCard({
    endpoint: shipmentHomeCardEndpoints.shipments,
    access: { permission: ['shipments', 'read'] },
    load: shipmentHomeCard,
  }),
];
