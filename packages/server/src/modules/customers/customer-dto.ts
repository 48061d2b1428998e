import {
  type Customer,
  MoneyDecimal,
  type SpecialCargo,
  storedMoneyJson,
  storedPhone,
  type VolumePeriod,
} from '@berth/domain';
import { getTableColumns } from 'drizzle-orm';
import type { Executor } from '../../db/database';
import type { Ctx } from '../../platform/context';
import { maySee } from '../../platform/field-access';
import { customersBeside, isoInstant, type RollupJson } from './customer-list-extras';
import { billingOf } from './customer-row';
import { type customers, customers as customersTable } from './tables';

/** Derived search and duplicate keys: never part of an API record, so lists do not read them. */
const derivedColumns = [
  'searchText',
  'searchGrams',
  'nameKey',
  'nameEnKey',
  'namePinyin',
  'contactSearchText',
  'contactSearchGrams',
  'contactPersonalText',
  'contactPersonalGrams',
] as const;
type CustomerRow = Omit<typeof customers.$inferSelect, (typeof derivedColumns)[number]>;

/** The columns a customer record is built from. */
export const customerRecordColumns = Object.fromEntries(
  Object.entries(getTableColumns(customersTable)).filter(
    ([key]) => !(derivedColumns as readonly string[]).includes(key),
  ),
) as Omit<ReturnType<typeof getTableColumns<typeof customersTable>>, (typeof derivedColumns)[number]>;

/** Turns rows into API records, reading lanes, tags, roll-ups and follow-ups for the whole page in one statement. */
export async function toCustomers(ctx: Ctx, db: Executor, rows: CustomerRow[]): Promise<Customer[]> {
  if (rows.length === 0) return [];
  const beside = await customersBeside(
    ctx,
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    creditCode: row.creditCode,
    address: row.address,
    country: row.country,
    website: row.website,
    phone: row.phone === null ? null : storedPhone(row.phone, row.phoneExtension),
    email: row.email,
    industry: row.industry,
    employees: row.employees,
    annualRevenue: storedMoneyJson(row.annualRevenue, row.revenueCurrency),
    roles: row.roles,
    relationshipType: row.relationshipType,
    status: row.status as Customer['status'],
    ownerId: row.ownerId,
    teamId: row.teamId,
    tradeProfile: {
      ...row.tradeProfile,
      lanes: (beside.lanes.get(row.id) ?? []).map((l) => ({
        pol: l.pol,
        pod: l.pod,
        mode: l.mode,
        volume: l.volume,
        volumeUnit: l.volumeUnit,
        volumePeriod: l.volumePeriod as VolumePeriod | null,
      })),
      hsChapters: row.tradeProfile.hsChapters ?? [],
      specialCargo: (row.tradeProfile.specialCargo ?? []) as SpecialCargo[],
    },
    billing: maySee(ctx, 'billingCredit', row) ? billingOf(row) : null,
    tagIds: beside.tagIds.get(row.id) ?? [],
    shipmentRollup: shipmentRollupDto(ctx, row, beside.rollups.get(row.id)),
    lastFollowUpAt: row.lastFollowUpAt?.toISOString() ?? null,
    nextFollowUpAt: beside.nextFollowUpAt.get(row.id) ?? null,
    openPipeline: beside.openPipeline ? (beside.openPipeline.get(row.id) ?? []) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  }));
}

function shipmentRollupDto(ctx: Ctx, row: CustomerRow, rollup: RollupJson | undefined): Customer['shipmentRollup'] {
  if (!rollup) return null;
  return {
    firstShipmentAt: rollup.firstShipmentAt ? isoInstant(rollup.firstShipmentAt) : null,
    lastShipmentAt: rollup.lastShipmentAt ? isoInstant(rollup.lastShipmentAt) : null,
    shipments12m: rollup.shipments12m,
    teu12m: new MoneyDecimal(rollup.teu12m).toString(),
    revenue12m: maySee(ctx, 'revenue', row)
      ? { amount: new MoneyDecimal(rollup.revenue12mAmount).toFixed(2), currency: rollup.revenue12mCurrency }
      : null,
    revenueComplete: rollup.revenueComplete,
    computedAt: isoInstant(rollup.computedAt),
  };
}

export async function toCustomer(ctx: Ctx, db: Executor, row: CustomerRow): Promise<Customer> {
  return (await toCustomers(ctx, db, [row]))[0] as Customer;
}
