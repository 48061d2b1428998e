import { createHash } from 'node:crypto';
import {
  chargeableWeightKg,
  type FieldError,
  laneKey,
  type ShipmentBatchResult,
  type ShipmentInput,
  shipmentInputSchema,
  totalTeu,
} from '@berth/domain';
import { sql } from 'drizzle-orm';
import { arrayParam, queryRows } from '../../db/database';
import { AppError } from '../../platform/app-error';
import { type Ctx, inRetriedTransaction, requireScope } from '../../platform/context';
import type { RecordOwner } from '../../platform/data-scope';
import { emitAll } from '../../platform/events';
import { nobody, refusedFields } from '../../platform/field-access';
import { customersOfShipments, refreshCustomerRollups } from './customer-rollups';
import { fieldError, issuesToFieldErrors } from './item-errors';
import { matchParties, owningCustomer, type PartyMatch } from './party-matching';
import { feedColumns } from './shipment-columns';
import { refreshTracking } from './tracking';

type Column = keyof typeof feedColumns;

interface Prepared {
  index: number;
  input: ShipmentInput;
  /** Only the columns the item gave (absent fields keep their stored value on update). */
  values: Partial<Record<Column, unknown>>;
  parties: PartyMatch[] | undefined;
  hash: string;
}

/** Column values of an item: what it gave, plus what follows from it (TEU, chargeable weight, lane key). */
function columnValues(input: ShipmentInput, parties: PartyMatch[] | undefined): Partial<Record<Column, unknown>> {
  const v: Partial<Record<Column, unknown>> = { mode: input.mode };
  const set = (column: Column, value: unknown) => {
    if (value !== undefined) v[column] = value;
  };
  set('status', input.status);
  set('booking_number', input.bookingNumber);
  set('master_bl', input.masterBl);
  set('house_bl', input.houseBl);
  set('pol', input.pol);
  set('pod', input.pod);
  set('place_of_receipt', input.placeOfReceipt);
  set('place_of_delivery', input.placeOfDelivery);
  if (input.pol !== undefined || input.pod !== undefined) {
    v.lane_key = input.pol && input.pod ? laneKey({ pol: input.pol, pod: input.pod, mode: input.mode }) : null;
  }
  set('carrier', input.carrier);
  set('vessel', input.vessel);
  set('voyage', input.voyage);
  set('flight_number', input.flightNumber);
  set('etd', input.etd);
  set('eta', input.eta);
  set('atd', input.atd);
  set('ata', input.ata);
  set('packages', input.packages);
  set('gross_weight_kg', input.grossWeightKg);
  set('volume_cbm', input.volumeCbm);
  const computed =
    input.grossWeightKg != null && input.volumeCbm != null
      ? chargeableWeightKg(input.mode, { grossKg: input.grossWeightKg, cbm: input.volumeCbm })
      : undefined;
  set('chargeable_weight_kg', input.chargeableWeightKg ?? computed);
  if (input.containers) v.teu = totalTeu(input.containers.map((c) => c.type)).teu;
  set('commodity', input.commodity);
  set('hs_code', input.hsCode);
  set('incoterm', input.incoterm);
  if (input.revenue !== undefined) {
    v.revenue_amount = input.revenue?.amount ?? null;
    v.revenue_currency = input.revenue?.currency ?? null;
  }
  if (input.cost !== undefined) {
    v.cost_amount = input.cost?.amount ?? null;
    v.cost_currency = input.cost?.currency ?? null;
  }
  set('on_time', input.onTime);
  set('damaged', input.damaged);
  set('lost', input.lost);
  if (parties) v.customer_id = owningCustomer(parties);
  return v;
}

export function assertFeedAccess(ctx: Ctx): void {
  if (requireScope(ctx, 'shipments', 'create') !== 'org' || requireScope(ctx, 'shipments', 'update') !== 'org') {
    throw AppError.forbidden();
  }
}

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/**
 * Upserts up to 1,000 shipments by (source, externalId), answering per item created, updated, unchanged (the same
 * content as last time: nothing is written) or error (with each field's problem by path); one bad item never
 * rejects the others. Parties are matched to customers (party-matching.ts); events that arrived before their
 * shipment are applied when it is created.
 */
export async function upsertShipments(
  ctx: Ctx,
  items: readonly unknown[],
  options: {
    checked?: boolean;
    /** Whose record the money rights are judged on: nobody's (organisation scope) for a feed; a correction passes its customer's owner. */
    owners?: RecordOwner[];
  } = {},
): Promise<ShipmentBatchResult> {
  // A feed writes across the organisation, so it needs organisation scope; the single create and update check
  // their own rights and pass `checked`.
  if (!options.checked) assertFeedAccess(ctx);
  const results: ShipmentBatchResult['items'] = items.map(() => ({ externalId: null, status: 'error' as const }));
  const valid: { index: number; input: ShipmentInput }[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const parsed = shipmentInputSchema.safeParse(item);
    const externalId =
      item && typeof item === 'object' && typeof (item as { externalId?: unknown }).externalId === 'string'
        ? ((item as { externalId: string }).externalId as string)
        : null;
    results[index] = { externalId, status: 'error' };
    if (!parsed.success) {
      (results[index] as { errors?: FieldError[] }).errors = issuesToFieldErrors(ctx, parsed.error.issues);
      return;
    }
    // Revenue and cost follow their field rights (platform/field-access): a writer who may not see an amount may
    // not set it. Feed writes are made at organisation scope, so the right is needed at organisation scope there.
    const refused = refusedFields(ctx, 'shipments', parsed.data, options.owners ?? [nobody]);
    if (refused.length > 0) {
      (results[index] as { errors?: FieldError[] }).errors = refused.map((r) => fieldError(ctx, r.field, r.code));
      return;
    }
    const key = `${parsed.data.source}\u0000${parsed.data.externalId}`;
    if (seen.has(key)) {
      (results[index] as { errors?: FieldError[] }).errors = [
        fieldError(ctx, 'externalId', 'shipment.external_id_repeated'),
      ];
      return;
    }
    seen.add(key);
    valid.push({ index, input: parsed.data });
  });
  if (valid.length === 0) return { items: results };

  return inRetriedTransaction(ctx, async (tx) => {
    const withParties = valid.filter((item) => item.input.parties !== undefined);
    const { matches, unknownCustomerIds } = await matchParties(
      tx,
      withParties.map((item) => item.input.parties ?? []),
    );
    const partiesByIndex = new Map(withParties.map((item, i) => [item.index, matches[i] as PartyMatch[]]));

    const prepared: Prepared[] = [];
    for (const { index, input } of valid) {
      const unknown = (input.parties ?? [])
        .map((party, i) => ({ party, i }))
        .filter(({ party }) => party.customerId && unknownCustomerIds.has(party.customerId));
      if (unknown.length > 0) {
        (results[index] as { errors?: FieldError[] }).errors = unknown.map(({ i }) =>
          fieldError(tx, `parties.${i}.customerId`, 'shipment.customer_unknown'),
        );
        continue;
      }
      const parties = partiesByIndex.get(index);
      const values = columnValues(input, parties);
      prepared.push({ index, input, values, parties, hash: hashOf([values, input.containers, parties]) });
    }

    const existing = new Map<string, { id: string; hash: string | null }>();
    if (prepared.length > 0) {
      const rows = await queryRows<{ source: string; external_id: string; id: string; feed_hash: string | null }>(
        tx.db,
        sql`select s.source, s.external_id, s.id::text, s.feed_hash
              from unnest(${arrayParam(prepared.map((p) => p.input.source))}::text[],
                          ${arrayParam(prepared.map((p) => p.input.externalId))}::text[]) as k(source, external_id)
              join shipments s on s.org_id = ${tx.orgId} and s.source = k.source and s.external_id = k.external_id`,
      );
      for (const row of rows)
        existing.set(`${row.source}\u0000${row.external_id}`, { id: row.id, hash: row.feed_hash });
    }

    const toInsert: Prepared[] = [];
    const toUpdate: (Prepared & { id: string })[] = [];
    for (const item of prepared) {
      const found = existing.get(`${item.input.source}\u0000${item.input.externalId}`);
      if (!found) toInsert.push(item);
      else if (found.hash === item.hash)
        results[item.index] = { externalId: item.input.externalId, status: 'unchanged', id: found.id };
      else toUpdate.push({ ...item, id: found.id });
    }

    // The customers the updated shipments leave have their roll-ups recomputed too.
    const customersBefore = await customersOfShipments(
      tx,
      toUpdate.map((item) => item.id),
    );
    const created = await insertShipments(tx, toInsert);
    toInsert.forEach((item, i) => {
      results[item.index] = { externalId: item.input.externalId, status: 'created', id: created[i] as string };
    });
    await updateShipments(tx, toUpdate);
    for (const item of toUpdate)
      results[item.index] = { externalId: item.input.externalId, status: 'updated', id: item.id };

    const written = [...toInsert.map((item, i) => ({ ...item, id: created[i] as string })), ...toUpdate];
    await replaceContainersAndParties(tx, written);
    // Events that came before their shipment now have it.
    if (created.length > 0) {
      await tx.db.execute(sql`update shipment_events e set shipment_id = s.id
          from shipments s
         where e.org_id = ${tx.orgId} and e.shipment_id is null and s.org_id = e.org_id
           and s.source = e.source and s.external_id = e.shipment_external_id
           and s.id = any(${arrayParam(created)}::uuid[])`);
    }
    await refreshTracking(
      tx,
      written.map((item) => item.id),
    );
    await refreshCustomerRollups(tx, [
      ...customersBefore,
      ...(await customersOfShipments(
        tx,
        written.map((item) => item.id),
      )),
    ]);
    await emitAll(
      tx,
      'shipment.created',
      toInsert.map((item, i) => ({
        shipmentId: created[i] as string,
        customerId: (item.values.customer_id as string | null | undefined) ?? null,
        source: item.input.source,
        externalId: item.input.externalId,
      })),
    );
    return { items: results };
  });
}

async function insertShipments(ctx: Ctx, items: Prepared[]): Promise<string[]> {
  if (items.length === 0) return [];
  const names = Object.keys(feedColumns) as Column[];
  const rows = items.map((item) => ({
    ...Object.fromEntries(names.map((name) => [name, item.values[name] ?? null])),
    source: item.input.source,
    external_id: item.input.externalId,
    feed_hash: item.hash,
    promised_eta: item.values.eta ?? null,
    ord: item.index,
  }));
  const defs = names.map((name) => `${name} ${feedColumns[name]}`).join(', ');
  // Defaults for what the item did not give (status booked, flags false, teu 0) come from the table.
  const inserted = await queryRows<{ id: string; ord: number }>(
    ctx.db,
    sql`with input as (
          select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
            as x(${sql.raw(defs)}, source text, external_id text, feed_hash text, promised_eta timestamptz, ord int)
        ), ins as (
          insert into shipments (org_id, source, external_id, feed_hash, promised_eta, ${sql.raw(names.join(', '))})
          select ${ctx.orgId}, source, external_id, feed_hash, promised_eta,
                 ${sql.raw(
                   names
                     .map((name) =>
                       name === 'status'
                         ? `coalesce(status, 'booked')`
                         : name === 'teu'
                           ? 'coalesce(teu, 0)'
                           : name === 'damaged' || name === 'lost'
                             ? `coalesce(${name}, false)`
                             : name,
                     )
                     .join(', '),
                 )}
            from input
          returning id, source, external_id
        )
        select ins.id::text, input.ord from ins join input on input.source = ins.source and input.external_id = ins.external_id`,
  );
  const byOrd = new Map(inserted.map((row) => [row.ord, row.id]));
  return items.map((item) => byOrd.get(item.index) as string);
}

async function updateShipments(ctx: Ctx, items: (Prepared & { id: string })[]): Promise<void> {
  if (items.length === 0) return;
  const names = Object.keys(feedColumns) as Column[];
  const rows = items.map((item) => ({
    ...Object.fromEntries(names.map((name) => [name, item.values[name] ?? null])),
    id: item.id,
    feed_hash: item.hash,
    given: Object.keys(item.values),
  }));
  const defs = names.map((name) => `${name} ${feedColumns[name]}`).join(', ');
  const assignments = names
    .map((name) => `${name} = case when '${name}' = any(x.given) then x.${name} else s.${name} end`)
    .join(',\n      ');
  await ctx.db.execute(sql`update shipments s set
      ${sql.raw(assignments)},
      promised_eta = coalesce(s.promised_eta, case when 'eta' = any(x.given) then x.eta end),
      feed_hash = x.feed_hash, version = s.version + 1, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(${sql.raw(defs)}, id uuid, feed_hash text, given text[])
    where s.org_id = ${ctx.orgId} and s.id = x.id`);
}

async function replaceContainersAndParties(ctx: Ctx, items: (Prepared & { id: string })[]): Promise<void> {
  const withContainers = items.filter((item) => item.input.containers !== undefined);
  if (withContainers.length > 0) {
    await ctx.db.execute(sql`delete from shipment_containers
        where org_id = ${ctx.orgId} and shipment_id = any(${arrayParam(withContainers.map((i) => i.id))}::uuid[])`);
    const rows = withContainers.flatMap((item) =>
      (item.input.containers ?? []).map((container, position) => ({
        shipment_id: item.id,
        position,
        number: container.number,
        type: container.type,
        seal: container.seal ?? null,
      })),
    );
    if (rows.length > 0) {
      await ctx.db.execute(sql`insert into shipment_containers (org_id, shipment_id, position, number, type, seal)
          select ${ctx.orgId}, shipment_id, position, number, type, seal
            from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
              as x(shipment_id uuid, position int, number text, type text, seal text)`);
    }
  }
  const withParties = items.filter((item) => item.parties !== undefined);
  if (withParties.length > 0) {
    await ctx.db.execute(sql`delete from shipment_parties
        where org_id = ${ctx.orgId} and shipment_id = any(${arrayParam(withParties.map((i) => i.id))}::uuid[])`);
    const rows = withParties.flatMap((item) =>
      (item.parties ?? []).map((party) => ({
        shipment_id: item.id,
        role: party.role,
        customer_id: party.customerId,
        unmatched_party_id: party.unmatchedPartyId,
        name: party.name,
        customer_code: party.customerCode,
        credit_code: party.creditCode,
      })),
    );
    if (rows.length > 0) {
      await ctx.db.execute(sql`insert into shipment_parties
            (org_id, shipment_id, role, customer_id, unmatched_party_id, name, customer_code, credit_code)
          select ${ctx.orgId}, shipment_id, role, customer_id, unmatched_party_id, name, customer_code, credit_code
            from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
              as x(shipment_id uuid, role text, customer_id uuid, unmatched_party_id uuid, name text,
                   customer_code text, credit_code text)`);
    }
  }
}
