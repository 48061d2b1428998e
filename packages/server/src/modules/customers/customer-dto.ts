import { type Customer, MoneyDecimal, storedMoneyJson } from '@berth/domain';
import { and, asc, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/database';
import type { Ctx } from '../../platform/context';
import { maySee } from '../../platform/field-access';
import { customerListExtras } from './customer-list-extras';
import { billingOf } from './customer-row';
import {
  customerLanes,
  customerShipmentRollups,
  type customers,
  customers as customersTable,
  customerTags,
} from './tables';

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

/** Turns rows into API records, loading lanes and tags for the whole page in two queries. */
export async function toCustomers(ctx: Ctx, db: Executor, rows: CustomerRow[]): Promise<Customer[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [lanes, tagRows, rollups, extras] = await Promise.all([
    db
      .select()
      .from(customerLanes)
      .where(and(eq(customerLanes.orgId, ctx.orgId), inArray(customerLanes.customerId, ids)))
      .orderBy(asc(customerLanes.position)),
    db
      .select({ customerId: customerTags.customerId, tagId: customerTags.tagId })
      .from(customerTags)
      .where(and(eq(customerTags.orgId, ctx.orgId), inArray(customerTags.customerId, ids))),
    db
      .select()
      .from(customerShipmentRollups)
      .where(and(eq(customerShipmentRollups.orgId, ctx.orgId), inArray(customerShipmentRollups.customerId, ids))),
    customerListExtras(ctx, db, ids),
  ]);
  const rollupOf = new Map(rollups.map((r) => [r.customerId, r]));
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    creditCode: row.creditCode,
    address: row.address,
    country: row.country,
    website: row.website,
    phone: row.phone,
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
      lanes: lanes
        .filter((l) => l.customerId === row.id)
        .map((l) => ({ pol: l.pol, pod: l.pod, mode: l.mode, volume: l.volume, volumeUnit: l.volumeUnit })),
    },
    billing: maySee(ctx, 'billingCredit', row) ? billingOf(row) : null,
    tagIds: tagRows.filter((t) => t.customerId === row.id).map((t) => t.tagId),
    shipmentRollup: shipmentRollupDto(ctx, row, rollupOf.get(row.id)),
    lastFollowUpAt: row.lastFollowUpAt?.toISOString() ?? null,
    nextFollowUpAt: extras.nextFollowUpAt.get(row.id) ?? null,
    openPipeline: extras.openPipeline ? (extras.openPipeline.get(row.id) ?? []) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  }));
}

function shipmentRollupDto(
  ctx: Ctx,
  row: CustomerRow,
  rollup: typeof customerShipmentRollups.$inferSelect | undefined,
): Customer['shipmentRollup'] {
  if (!rollup) return null;
  return {
    firstShipmentAt: rollup.firstShipmentAt?.toISOString() ?? null,
    lastShipmentAt: rollup.lastShipmentAt?.toISOString() ?? null,
    shipments12m: rollup.shipments12m,
    teu12m: new MoneyDecimal(rollup.teu12m).toString(),
    revenue12m: maySee(ctx, 'revenue', row)
      ? { amount: new MoneyDecimal(rollup.revenue12mAmount).toFixed(2), currency: rollup.revenue12mCurrency }
      : null,
    revenueComplete: rollup.revenueComplete,
    computedAt: rollup.computedAt.toISOString(),
  };
}

export async function toCustomer(ctx: Ctx, db: Executor, row: CustomerRow): Promise<Customer> {
  return (await toCustomers(ctx, db, [row]))[0] as Customer;
}
