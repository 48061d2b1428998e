import { type Shipment, storedMoneyJson } from '@berth/domain';
import { and, asc, eq, getTableColumns, inArray, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { maySee } from '../../platform/field-access';
import { iso } from '../../platform/versioned-write';
import { customerRef as customers } from '../customers';
import { shipmentsInScope } from './shipment-scope';
import { shipmentContainers, shipmentParties, shipments, unmatchedParties } from './tables';

type ShipmentRow = typeof shipments.$inferSelect & {
  customerName: string | null;
  ownerId: string | null;
  teamId: string | null;
};

/** Shipments the caller may read, with their customer's name, owner and team (for the money rights). */
export function selectShipments(ctx: Ctx, where: SQL | undefined) {
  return ctx.db
    .select({
      ...getTableColumns(shipments),
      customerName: customers.name,
      ownerId: customers.ownerId,
      teamId: customers.teamId,
    })
    .from(shipments)
    .leftJoin(customers, and(eq(customers.orgId, shipments.orgId), eq(customers.id, shipments.customerId)))
    .where(and(shipmentsInScope(ctx, 'read'), where));
}

const num = (value: string | null): number | null => (value === null ? null : Number(value));
const money = (amount: string | null, currency: string | null, visible: boolean) =>
  visible ? storedMoneyJson(amount, currency) : null;

/** Turns rows into API records, loading the containers and parties of the whole page in two queries. */
export async function toShipments(ctx: Ctx, rows: ShipmentRow[]): Promise<Shipment[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [containers, parties] = await Promise.all([
    ctx.db
      .select()
      .from(shipmentContainers)
      .where(and(eq(shipmentContainers.orgId, ctx.orgId), inArray(shipmentContainers.shipmentId, ids)))
      .orderBy(asc(shipmentContainers.position)),
    ctx.db
      .select({
        shipmentId: shipmentParties.shipmentId,
        role: shipmentParties.role,
        customerId: shipmentParties.customerId,
        name: shipmentParties.name,
        customerCode: customers.code,
        customerName: customers.name,
        unmatchedStatus: unmatchedParties.status,
      })
      .from(shipmentParties)
      .leftJoin(
        customers,
        and(eq(customers.orgId, shipmentParties.orgId), eq(customers.id, shipmentParties.customerId)),
      )
      .leftJoin(
        unmatchedParties,
        and(
          eq(unmatchedParties.orgId, shipmentParties.orgId),
          eq(unmatchedParties.id, shipmentParties.unmatchedPartyId),
        ),
      )
      .where(and(eq(shipmentParties.orgId, ctx.orgId), inArray(shipmentParties.shipmentId, ids))),
  ]);
  return rows.map((row) => {
    const revenueVisible = maySee(ctx, 'revenue', row);
    const costVisible = maySee(ctx, 'costMargin', row);
    return {
      id: row.id,
      source: row.source,
      externalId: row.externalId,
      mode: row.mode,
      status: row.status as Shipment['status'],
      customerId: row.customerId,
      customerName: row.customerName,
      bookingNumber: row.bookingNumber,
      masterBl: row.masterBl,
      houseBl: row.houseBl,
      containers: containers
        .filter((container) => container.shipmentId === row.id)
        .map((container) => ({ number: container.number, type: container.type, seal: container.seal })),
      pol: row.pol,
      pod: row.pod,
      placeOfReceipt: row.placeOfReceipt,
      placeOfDelivery: row.placeOfDelivery,
      carrier: row.carrier,
      vessel: row.vessel,
      voyage: row.voyage,
      flightNumber: row.flightNumber,
      etd: iso(row.etd),
      eta: iso(row.eta),
      atd: iso(row.atd),
      ata: iso(row.ata),
      promisedEta: iso(row.promisedEta),
      packages: row.packages,
      grossWeightKg: num(row.grossWeightKg),
      volumeCbm: num(row.volumeCbm),
      chargeableWeightKg: num(row.chargeableWeightKg),
      teu: Number(row.teu),
      commodity: row.commodity,
      hsCode: row.hsCode,
      incoterm: row.incoterm,
      revenue: money(row.revenueAmount, row.revenueCurrency, revenueVisible),
      cost: money(row.costAmount, row.costCurrency, costVisible),
      onTime: row.onTime,
      damaged: row.damaged,
      lost: row.lost,
      customsHold: row.customsHold,
      rolled: row.rolled,
      lastEventAt: iso(row.lastEventAt),
      parties: parties
        .filter((party) => party.shipmentId === row.id)
        .map((party) => ({
          role: party.role as Shipment['parties'][number]['role'],
          customerId: party.customerId,
          customerCode: party.customerCode,
          name: party.customerName ?? party.name,
          writtenName: party.name,
          match: party.customerId ? 'matched' : party.unmatchedStatus === 'ignored' ? 'ignored' : 'unmatched',
        })),
      version: row.version,
      createdAt: iso(row.createdAt) as string,
      updatedAt: iso(row.updatedAt) as string,
    };
  });
}
