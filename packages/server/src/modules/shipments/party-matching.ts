import { normalizeCompanyName, normalizeCreditCode, type PartyInput, type PartyRole } from '@berth/domain';
import { sql } from 'drizzle-orm';
import { arrayParam, queryRows } from '../../db/database';
import type { Ctx } from '../../platform/context';
import { byNameKeys } from '../customers';

/**
 * Matching the parties a feed names to customer records, for a whole batch at once: by customer id (a merged-away
 * record leads to its survivor), customer code, credit code, and then the duplicate rules' exact name match (the
 * Chinese name key, else the English one; a name shared by several customers matches none). What matches nothing
 * is kept as written and queued for review as an unmatched party (one per name, so linking it once links every
 * shipment that named it); a queued party that was already linked to a customer matches that customer.
 */
export interface PartyMatch {
  role: PartyRole;
  customerId: string | null;
  unmatchedPartyId: string | null;
  name: string | null;
  customerCode: string | null;
  creditCode: string | null;
}

interface Lookup {
  byId: Map<string, string>;
  byCode: Map<string, string>;
  byCredit: Map<string, string>;
  byName: Map<string, string>;
}

const unique = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))];

async function lookUpCustomers(ctx: Ctx, parties: PartyInput[]): Promise<Lookup> {
  const ids = unique(parties.map((p) => p.customerId));
  const codes = unique(parties.map((p) => p.customerCode?.toUpperCase()));
  const credits = unique(parties.map((p) => (p.creditCode ? normalizeCreditCode(p.creditCode) : null)));
  const names = unique(parties.map((p) => (p.name ? normalizeCompanyName(p.name) : null)));
  const lookup: Lookup = { byId: new Map(), byCode: new Map(), byCredit: new Map(), byName: new Map() };
  if (ids.length > 0) {
    const rows = await queryRows<{ id: string; live_id: string }>(
      ctx.db,
      sql`select id::text, coalesce(merged_into_id, id)::text as live_id from customers
           where org_id = ${ctx.orgId} and id = any(${arrayParam(ids)}::uuid[])`,
    );
    for (const row of rows) lookup.byId.set(row.id, row.live_id);
  }
  if (codes.length > 0) {
    const rows = await queryRows<{ code: string; live_id: string }>(
      ctx.db,
      sql`select code, coalesce(merged_into_id, id)::text as live_id from customers
           where org_id = ${ctx.orgId} and code = any(${arrayParam(codes)}::text[])`,
    );
    for (const row of rows) lookup.byCode.set(row.code, row.live_id);
  }
  if (credits.length > 0) {
    const rows = await queryRows<{ credit_code: string; id: string }>(
      ctx.db,
      sql`select credit_code, id::text from customers
           where org_id = ${ctx.orgId} and merged_into_id is null and credit_code = any(${arrayParam(credits)}::text[])`,
    );
    for (const row of rows) lookup.byCredit.set(row.credit_code, row.id);
  }
  if (names.length > 0) {
    for (const column of ['name_key', 'name_en_key'] as const) {
      const rows = await queryRows<{ key: string; id: string; count: number }>(
        ctx.db,
        sql`select key, min(id::text) as id, count(*)::int as count
              from (${byNameKeys(column, ctx.orgId, names, sql`select id, ${sql.raw(column)} as key`)}) m
             group by key`,
      );
      for (const row of rows) if (row.count === 1 && !lookup.byName.has(row.key)) lookup.byName.set(row.key, row.id);
    }
  }
  return lookup;
}

/** The key an unmatched party is queued under: its normalised name, else its credit code, else its customer code. */
function matchKeyOf(party: PartyInput): string | null {
  if (party.name) {
    const key = normalizeCompanyName(party.name);
    if (key) return key;
  }
  if (party.creditCode) return `credit:${normalizeCreditCode(party.creditCode)}`;
  if (party.customerCode) return `code:${party.customerCode.toUpperCase()}`;
  return null;
}

/**
 * Matches every party of a batch. `customerId` given but unknown in the organisation is reported by the caller as
 * an item error (see `unknownCustomerIds`), never queued.
 */
export async function matchParties(
  ctx: Ctx,
  partiesPerItem: PartyInput[][],
): Promise<{ matches: PartyMatch[][]; unknownCustomerIds: Set<string> }> {
  const all = partiesPerItem.flat();
  const lookup = await lookUpCustomers(ctx, all);
  const unknownCustomerIds = new Set(
    all.map((p) => p.customerId).filter((id): id is string => !!id && !lookup.byId.has(id)),
  );

  const found = (party: PartyInput): string | null =>
    (party.customerId ? lookup.byId.get(party.customerId) : undefined) ??
    (party.customerCode ? lookup.byCode.get(party.customerCode.toUpperCase()) : undefined) ??
    (party.creditCode ? lookup.byCredit.get(normalizeCreditCode(party.creditCode)) : undefined) ??
    (party.name ? lookup.byName.get(normalizeCompanyName(party.name)) : undefined) ??
    null;

  // Queue what matched nothing, one row per key, remembering the roles it was named in.
  const queued = new Map<
    string,
    { name: string; creditCode: string | null; customerCode: string | null; roles: Set<string> }
  >();
  for (const party of all) {
    if (party.customerId || found(party)) continue;
    const key = matchKeyOf(party);
    if (!key) continue;
    const entry = queued.get(key) ?? {
      name: party.name ?? party.creditCode ?? party.customerCode ?? key,
      creditCode: party.creditCode ? normalizeCreditCode(party.creditCode) : null,
      customerCode: party.customerCode?.toUpperCase() ?? null,
      roles: new Set<string>(),
    };
    entry.roles.add(party.role);
    queued.set(key, entry);
  }
  const queue = new Map<string, { id: string; customerId: string | null }>();
  if (queued.size > 0) {
    const keys = [...queued.keys()];
    const roles = keys.map((k) => [...(queued.get(k)?.roles ?? [])].sort().join(','));
    const input = sql`unnest(${arrayParam(keys)}::text[], ${arrayParam(keys.map((k) => queued.get(k)?.name ?? k))}::text[],
        ${arrayParam(keys.map((k) => queued.get(k)?.creditCode ?? ''))}::text[],
        ${arrayParam(keys.map((k) => queued.get(k)?.customerCode ?? ''))}::text[], ${arrayParam(roles)}::text[])
      as k(key, name, credit, code, roles)`;
    await ctx.db.execute(sql`insert into unmatched_parties (org_id, match_key, name, credit_code, customer_code, roles)
        select ${ctx.orgId}, k.key, k.name, nullif(k.credit, ''), nullif(k.code, ''), string_to_array(k.roles, ',')
          from ${input}
        on conflict (org_id, match_key) do nothing`);
    // A party seen before in another role learns the new role; one seen in the same roles is not written again.
    await ctx.db.execute(sql`update unmatched_parties u
        set roles = (select array_agg(distinct r order by r) from unnest(u.roles || string_to_array(k.roles, ',')) r)
        from ${input}
        where u.org_id = ${ctx.orgId} and u.match_key = k.key and not u.roles @> string_to_array(k.roles, ',')`);
    const rows = await queryRows<{ match_key: string; id: string; customer_id: string | null }>(
      ctx.db,
      sql`select match_key, id::text, customer_id::text from unmatched_parties
           where org_id = ${ctx.orgId} and match_key = any(${arrayParam(keys)}::text[])`,
    );
    for (const row of rows) queue.set(row.match_key, { id: row.id, customerId: row.customer_id });
  }

  const matches = partiesPerItem.map((parties) =>
    parties.map((party): PartyMatch => {
      const customerId = found(party);
      const key = customerId ? null : matchKeyOf(party);
      const queuedParty = key ? queue.get(key) : undefined;
      return {
        role: party.role,
        customerId: customerId ?? queuedParty?.customerId ?? null,
        unmatchedPartyId: queuedParty?.id ?? null,
        name: party.name ?? null,
        customerCode: party.customerCode?.toUpperCase() ?? null,
        creditCode: party.creditCode ? normalizeCreditCode(party.creditCode) : null,
      };
    }),
  );
  return { matches, unknownCustomerIds };
}

/** The customer a shipment belongs to: the booking customer, else the shipper, else the consignee. */
export function owningCustomer(parties: PartyMatch[]): string | null {
  for (const role of ['booking_customer', 'shipper', 'consignee'] as const) {
    const party = parties.find((p) => p.role === role);
    if (party?.customerId) return party.customerId;
  }
  return null;
}
