import { createCustomerInputSchema, type PartyRole } from '@berth/domain';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { arrayParam, queryRows } from '../../db/database';
import { AppError } from '../../platform/app-error';
import { type Ctx, inRetriedTransaction, inTransaction, requireScope } from '../../platform/context';
import { iso } from '../../platform/versioned-write';
import { createCustomer } from '../customers';
import { customersOfShipments, refreshCustomerRollups } from './customer-rollups';
import { unmatchedParties } from './tables';
import { refreshTracking } from './tracking';

export interface UnmatchedParty {
  id: string;
  name: string;
  creditCode: string | null;
  customerCode: string | null;
  roles: PartyRole[];
  status: 'open' | 'linked' | 'ignored';
  customerId: string | null;
  /** How many shipments name it. */
  shipments: number;
  createdAt: string;
}

function toUnmatchedParty(party: typeof unmatchedParties.$inferSelect, shipments: number): UnmatchedParty {
  return {
    id: party.id,
    name: party.name,
    creditCode: party.creditCode,
    customerCode: party.customerCode,
    roles: party.roles as PartyRole[],
    status: party.status as UnmatchedParty['status'],
    customerId: party.customerId,
    shipments,
    createdAt: iso(party.createdAt) as string,
  };
}

/** The review queue: parties named on shipments that match no customer, newest first (keyset by id). */
export async function findUnmatchedParties(
  ctx: Ctx,
  query: { status?: 'open' | 'linked' | 'ignored'; limit: number; cursor?: string },
): Promise<{ items: UnmatchedParty[]; nextCursor: string | null }> {
  requireScope(ctx, 'shipments', 'read');
  if (requireScope(ctx, 'shipments', 'update') !== 'org') throw AppError.forbidden();
  const rows = await ctx.db
    .select({
      party: unmatchedParties,
      shipments: sql<number>`(select count(*)::int from shipment_parties p
        where p.org_id = ${unmatchedParties.orgId} and p.unmatched_party_id = ${unmatchedParties.id})`,
    })
    .from(unmatchedParties)
    .where(
      and(
        eq(unmatchedParties.orgId, ctx.orgId),
        eq(unmatchedParties.status, query.status ?? 'open'),
        query.cursor ? lt(unmatchedParties.id, query.cursor) : undefined,
      ),
    )
    .orderBy(desc(unmatchedParties.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit).map(({ party, shipments }) => toUnmatchedParty(party, shipments));
  return { items, nextCursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
}

async function openParty(ctx: Ctx, id: string) {
  if (requireScope(ctx, 'shipments', 'update') !== 'org') throw AppError.forbidden();
  const [party] = await ctx.db
    .select()
    .from(unmatchedParties)
    .where(and(eq(unmatchedParties.orgId, ctx.orgId), eq(unmatchedParties.id, id)))
    .for('update');
  if (!party) throw AppError.notFound();
  if (party.status === 'linked') throw AppError.conflict('shipment.party_already_resolved');
  return party;
}

/**
 * Links a queued party to a customer: every shipment that named it names the customer now (and belongs to it
 * where the party decides the shipment's customer), and later feeds naming it match the customer directly.
 */
export async function linkUnmatchedParty(ctx: Ctx, id: string, customerId: string): Promise<UnmatchedParty> {
  return inRetriedTransaction(ctx, async (tx) => {
    await openParty(tx, id);
    const [customer] = await queryRows<{ id: string }>(
      tx.db,
      sql`select coalesce(merged_into_id, id)::text as id from customers where org_id = ${tx.orgId} and id = ${customerId}`,
    );
    if (!customer) throw AppError.validation('customerId', 'shipment.customer_unknown');
    await tx.db
      .update(unmatchedParties)
      .set({
        status: 'linked',
        customerId: customer.id,
        resolvedBy: tx.userId,
        resolvedAt: sql`now()`,
        version: sql`${unmatchedParties.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(unmatchedParties.orgId, tx.orgId), eq(unmatchedParties.id, id)));
    const touched = await queryRows<{ shipment_id: string }>(
      tx.db,
      sql`update shipment_parties set customer_id = ${customer.id}
           where org_id = ${tx.orgId} and unmatched_party_id = ${id}
          returning shipment_id::text`,
    );
    const ids = touched.map((row) => row.shipment_id);
    if (ids.length > 0) {
      const customersBefore = await customersOfShipments(tx, ids);
      // The shipment's customer: booking customer, else shipper, else consignee — as in party-matching.ts.
      await tx.db.execute(sql`update shipments s set customer_id = p.customer_id, version = s.version + 1, updated_at = now()
          from (select distinct on (shipment_id) shipment_id, customer_id from shipment_parties
                 where org_id = ${tx.orgId} and shipment_id = any(${arrayParam(ids)}::uuid[])
                   and customer_id is not null and role in ('booking_customer', 'shipper', 'consignee')
                 order by shipment_id, array_position(array['booking_customer', 'shipper', 'consignee'], role)) p
         where s.org_id = ${tx.orgId} and s.id = p.shipment_id and s.customer_id is distinct from p.customer_id`);
      await refreshTracking(tx, ids);
      await refreshCustomerRollups(tx, [...customersBefore, ...(await customersOfShipments(tx, ids))]);
    }
    return (await findParty(tx, id)) as UnmatchedParty;
  });
}

/** Creates a customer from the party as written (its name, credit code, the roles it was named in), then links it. */
export async function createCustomerFromParty(ctx: Ctx, id: string): Promise<UnmatchedParty> {
  return inRetriedTransaction(ctx, async (tx) => {
    const party = await openParty(tx, id);
    const roles = (party.roles as string[]).filter((role) =>
      ['shipper', 'consignee', 'overseas_agent', 'carrier'].includes(role),
    );
    const input = createCustomerInputSchema.parse({
      name: party.name,
      creditCode: party.creditCode ?? undefined,
      roles: roles.length > 0 ? roles : undefined,
      status: 'active',
    });
    const customer = await createCustomer(tx, input);
    return linkUnmatchedParty(tx, id, customer.id);
  });
}

export async function ignoreUnmatchedParty(ctx: Ctx, id: string): Promise<UnmatchedParty> {
  return inTransaction(ctx, async (tx) => {
    await openParty(tx, id);
    await tx.db
      .update(unmatchedParties)
      .set({
        status: 'ignored',
        resolvedBy: tx.userId,
        resolvedAt: sql`now()`,
        version: sql`${unmatchedParties.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(unmatchedParties.orgId, tx.orgId), eq(unmatchedParties.id, id)));
    return (await findParty(tx, id)) as UnmatchedParty;
  });
}

async function findParty(ctx: Ctx, id: string): Promise<UnmatchedParty | undefined> {
  const [party] = await ctx.db
    .select()
    .from(unmatchedParties)
    .where(and(eq(unmatchedParties.orgId, ctx.orgId), eq(unmatchedParties.id, id)));
  if (!party) return undefined;
  const [count] = await queryRows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from shipment_parties where org_id = ${ctx.orgId} and unmatched_party_id = ${id}`,
  );
  return toUnmatchedParty(party, count?.n ?? 0);
}
