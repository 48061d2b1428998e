import {
  type CreateCustomerInput,
  type CustomerImportField,
  createCustomerInputSchema,
  customerImportRow,
  type FieldError,
  type Lane,
  normalizeCompanyName,
  normalizeCreditCode,
} from '@berth/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { arrayParam, queryRows } from '../../db/database';
import { auditLog, users } from '../../db/schema';
import { type Ctx, requireScope } from '../../platform/context';
import type { RecordOwner } from '../../platform/data-scope';
import { errorMessage } from '../../platform/error-catalogue';
import { mayWrite } from '../../platform/field-access';
import { zodIssueMessage } from '../../platform/http/zod-messages';
import { type OwnerRequest, ownerProblem } from '../../platform/owner-assignment';
import { editedOwnerClocksSql, recordOwnershipChanges } from '../pool/public';
import { customersInScope } from './customer-scope';
import { customerKeys } from './customer-search-keys';
import { byNameKeys } from './name-key-lookup';
import { laneRows } from './save-lanes';
import { type BillingJson, customerLanes, customers, customerTags, type TradeProfileJson, tags } from './tables';

export type ImportPolicy = 'skip' | 'update' | 'create';
export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}
export interface BatchResult {
  created: number;
  updated: number;
  skipped: number;
  errors: ImportRowError[];
}

/** Users by email and tags by name, loaded once per import. */
export async function customerImportLookups(ctx: Ctx) {
  const [userRows, tagRows] = await Promise.all([
    ctx.db
      .select({ id: users.id, email: users.email, name: users.name, teamId: users.teamId, status: users.status })
      .from(users)
      .where(eq(users.orgId, ctx.orgId)),
    ctx.db.select({ id: tags.id, name: tags.name }).from(tags).where(eq(tags.orgId, ctx.orgId)),
  ]);
  return {
    users: new Map(userRows.map((u) => [u.email.toLowerCase(), u])),
    byId: new Map(userRows.map((u) => [u.id, u])),
    tags: new Map(tagRows.map((t) => [t.name.toLowerCase(), t.id])),
  };
}
export type CustomerImportLookups = Awaited<ReturnType<typeof customerImportLookups>>;

/** The owner rule for an owner named in a row: the customer follows the owner's team. */
const importOwner = (action: 'create' | 'update', ownerId: string, currentOwnerId?: string | null): OwnerRequest => ({
  resource: 'customers',
  action,
  ownerId,
  currentOwnerId,
  field: 'owner',
  codes: { outsideScope: 'customer.owner_outside_scope' },
});

/** The columns of the billing profile: written only with customerBilling.update on the record. */
const billingColumns = [
  'invoiceTitle',
  'taxNumber',
  'billingAddress',
  'settlementType',
  'paymentTermsDays',
  'creditLimit',
  'creditCurrency',
] as const satisfies readonly CustomerImportField[];

/** A row error when the row fills in billing the caller may not write on this record. */
function billingRefused(ctx: Ctx, provided: Set<string>, record: RecordOwner): ImportRowError | null {
  if (!billingColumns.some((c) => provided.has(c)) || mayWrite(ctx, 'customerBilling', record)) return null;
  return { row: 0, field: 'billing', message: errorMessage('customer.billing_not_writable', ctx.locale) };
}

interface ValidRow {
  row: number;
  input: CreateCustomerInput;
  provided: Set<string>;
  ownerId: string | null;
  teamId: string | null;
  tagIds: string[];
  creditCode: string | null;
  nameKey: string;
}

/**
 * One batch of an import, inside the caller's transaction: rows are validated with the same
 * schema as the API, matched against existing customers (credit code or normalised name) and
 * against earlier rows, then skipped, updated or created by the policy; new rows are written
 * with one insert per table.
 */
export async function importCustomerBatch(
  ctx: Ctx,
  rows: { row: number; values: Partial<Record<CustomerImportField, string>> }[],
  policy: ImportPolicy,
  lookups: CustomerImportLookups,
): Promise<BatchResult> {
  requireScope(ctx, 'customers', 'create');
  const result: BatchResult = { created: 0, updated: 0, skipped: 0, errors: [] };
  const valid: ValidRow[] = [];
  const me = ctx.userId ? [...lookups.users.values()].find((u) => u.id === ctx.userId) : undefined;
  for (const { row, values } of rows) {
    const { input, owner, tags: tagNames } = customerImportRow(values);
    const errors: FieldError[] = [];
    const parsed = createCustomerInputSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({
          field: issue.path.join('.') || 'name',
          code: issue.code,
          message: zodIssueMessage(issue, ctx.locale),
        });
      }
    }
    const ownerUser = owner ? lookups.users.get(owner.toLowerCase()) : undefined;
    if (owner && !ownerUser)
      errors.push({
        field: 'owner',
        code: 'reference.invalid',
        message: errorMessage('reference.invalid', ctx.locale),
      });
    const ownerCheck = ownerUser ? ownerProblem(ctx, ownerUser, importOwner('create', ownerUser.id)) : null;
    if (ownerCheck?.problem) {
      const { field, code } = ownerCheck.problem;
      errors.push({ field, code, message: errorMessage(code, ctx.locale) });
    }
    const tagIds = tagNames.map((name) => lookups.tags.get(name.toLowerCase()));
    if (tagIds.some((id) => !id))
      errors.push({ field: 'tags', code: 'reference.invalid', message: errorMessage('reference.invalid', ctx.locale) });
    const ownerId = ownerUser?.id ?? ctx.userId;
    const teamId = (ownerUser ?? me)?.teamId ?? null;
    const provided = new Set(Object.keys(values).filter((k) => values[k as CustomerImportField]?.trim()));
    const billing = billingRefused(ctx, provided, { ownerId, teamId });
    if (billing) errors.push({ field: billing.field, code: 'customer.billing_not_writable', message: billing.message });
    if (errors.length > 0 || !parsed.success) {
      for (const e of errors) result.errors.push({ row, field: e.field, message: e.message });
      continue;
    }
    valid.push({
      row,
      input: parsed.data,
      provided,
      ownerId,
      teamId,
      tagIds: tagIds as string[],
      creditCode: parsed.data.creditCode ? normalizeCreditCode(parsed.data.creditCode) : null,
      nameKey: normalizeCompanyName(parsed.data.name),
    });
  }
  if (valid.length === 0) return result;

  const codes = valid.flatMap((v) => (v.creditCode ? [v.creditCode] : []));
  const keys = valid.map((v) => v.nameKey);
  const existing = await queryRows<{ id: string; creditCode: string | null; nameKey: string }>(
    ctx.db,
    sql`${byNameKeys('name_key', ctx.orgId, [...new Set(keys)], sql`select id, credit_code as "creditCode", name_key as "nameKey"`)}
        ${
          codes.length > 0
            ? sql`union select id, credit_code, name_key from customers
                   where org_id = ${ctx.orgId} and merged_into_id is null and credit_code = any(${arrayParam(codes)}::text[])`
            : sql``
        }`,
  );
  const byCode = new Map(existing.filter((e) => e.creditCode).map((e) => [e.creditCode as string, e.id]));
  const byName = new Map(existing.map((e) => [e.nameKey, e.id]));
  const seen = new Set<string>();
  const toCreate: ValidRow[] = [];
  const toUpdate: { id: string; v: ValidRow }[] = [];
  for (const v of valid) {
    const match = (v.creditCode && byCode.get(v.creditCode)) || byName.get(v.nameKey);
    const repeatedCode = !!v.creditCode && seen.has(`c:${v.creditCode}`);
    const repeated = repeatedCode || seen.has(`n:${v.nameKey}`);
    if (v.creditCode) seen.add(`c:${v.creditCode}`);
    seen.add(`n:${v.nameKey}`);
    if (policy !== 'create' && (match || repeated)) {
      if (policy === 'update' && match) toUpdate.push({ id: match, v });
      else result.skipped++;
      continue;
    }
    // "create anyway" still cannot give two customers one credit code.
    if (v.creditCode && (byCode.has(v.creditCode) || repeatedCode)) {
      result.errors.push({
        row: v.row,
        field: 'creditCode',
        message: errorMessage('customer.credit_code_taken', ctx.locale),
      });
      continue;
    }
    toCreate.push(v);
  }
  await insertCustomers(ctx, toCreate);
  result.created = toCreate.length;
  await updateMatchedCustomers(ctx, toUpdate, result, lookups);
  return result;
}

async function insertCustomers(ctx: Ctx, rows: ValidRow[]): Promise<void> {
  if (rows.length === 0) return;
  const [counter] = await queryRows<{ value: string | number }>(
    ctx.db,
    sql`insert into counters (org_id, name, value) values (${ctx.orgId}, 'customer_code', ${rows.length})
        on conflict (org_id, name) do update set value = counters.value + ${rows.length}
        returning value`,
  );
  const first = Number(counter?.value) - rows.length + 1;
  const values = rows.map((v, i) => {
    const code = `C${String(first + i).padStart(6, '0')}`;
    const { lanes: _lanes, ...tradeProfile } = v.input.tradeProfile;
    return {
      orgId: ctx.orgId,
      code,
      name: v.input.name,
      nameEn: v.input.nameEn ?? null,
      creditCode: v.creditCode,
      address: v.input.address ?? null,
      country: v.input.country ?? null,
      website: v.input.website ?? null,
      phone: v.input.phone ?? null,
      email: v.input.email ?? null,
      industry: v.input.industry ?? null,
      employees: v.input.employees ?? null,
      annualRevenue: v.input.annualRevenue?.amount ?? null,
      revenueCurrency: v.input.annualRevenue?.currency ?? null,
      roles: v.input.roles,
      relationshipType: v.input.relationshipType ?? null,
      status: v.input.status,
      ownerId: v.ownerId,
      teamId: v.teamId,
      tradeProfile,
      billing: v.input.billing,
      ...customerKeys({ code, ...v.input }),
    };
  });
  const inserted = await ctx.db.insert(customers).values(values).returning({ id: customers.id });
  const lanes = rows.flatMap((v, i) => laneRows(ctx.orgId, inserted[i]?.id as string, v.input.tradeProfile.lanes));
  if (lanes.length > 0) await ctx.db.insert(customerLanes).values(lanes);
  const tagLinks = rows.flatMap((v, i) =>
    v.tagIds.map((tagId) => ({ orgId: ctx.orgId, customerId: inserted[i]?.id as string, tagId })),
  );
  if (tagLinks.length > 0) await ctx.db.insert(customerTags).values(tagLinks).onConflictDoNothing();
}

type CustomerRow = typeof customers.$inferSelect;

/** The stored columns an import may change, as the database names them. */
interface CustomerState {
  name: string;
  name_en: string | null;
  credit_code: string | null;
  address: string | null;
  country: string | null;
  website: string | null;
  phone: string | null;
  email: string | null;
  industry: string | null;
  employees: number | null;
  roles: string[];
  relationship_type: string | null;
  status: string;
  owner_id: string | null;
  team_id: string | null;
  trade_profile: TradeProfileJson;
  billing: BillingJson;
}

const stateOf = (c: CustomerRow): CustomerState => ({
  name: c.name,
  name_en: c.nameEn,
  credit_code: c.creditCode,
  address: c.address,
  country: c.country,
  website: c.website,
  phone: c.phone,
  email: c.email,
  industry: c.industry,
  employees: c.employees,
  roles: c.roles,
  relationship_type: c.relationshipType,
  status: c.status,
  owner_id: c.ownerId,
  team_id: c.teamId,
  trade_profile: c.tradeProfile,
  billing: c.billing,
});

const scalarColumns = {
  name: 'name',
  nameEn: 'name_en',
  address: 'address',
  country: 'country',
  website: 'website',
  phone: 'phone',
  email: 'email',
  industry: 'industry',
  employees: 'employees',
  status: 'status',
  relationshipType: 'relationship_type',
  roles: 'roles',
} as const satisfies Partial<Record<CustomerImportField, keyof CustomerState>>;

/** The file's filled-in cells, applied to a customer: nothing the row leaves empty changes. */
function applyCustomerRow(state: CustomerState, v: ValidRow): void {
  const input = v.input as Record<string, unknown>;
  for (const [field, column] of Object.entries(scalarColumns)) {
    if (v.provided.has(field)) (state as unknown as Record<string, unknown>)[column] = input[field] ?? null;
  }
  if (v.provided.has('creditCode')) state.credit_code = v.creditCode;
  if (v.provided.has('owner')) {
    state.owner_id = v.ownerId;
    state.team_id = v.teamId;
  }
  if (v.provided.has('commodities')) {
    state.trade_profile = { ...state.trade_profile, commodities: v.input.tradeProfile.commodities };
  }
  const billing: BillingJson = { ...state.billing };
  const given = v.input.billing;
  if (v.provided.has('invoiceTitle')) billing.invoiceTitle = given.invoiceTitle ?? null;
  if (v.provided.has('taxNumber')) billing.taxNumber = given.taxNumber ?? null;
  if (v.provided.has('billingAddress')) billing.billingAddress = given.billingAddress ?? null;
  if (v.provided.has('settlementType')) billing.settlementType = given.settlementType ?? null;
  if (v.provided.has('paymentTermsDays')) billing.paymentTermsDays = given.paymentTermsDays ?? null;
  if (v.provided.has('creditLimit') && given.creditLimit) {
    // Without a currency column the limit keeps the currency it had; a currency alone changes nothing.
    const currency = v.provided.has('creditCurrency')
      ? given.creditLimit.currency
      : (billing.creditLimit?.currency ?? given.creditLimit.currency);
    billing.creditLimit = { amount: given.creditLimit.amount, currency };
  }
  state.billing = billing;
}

const laneText = (l: { pol: string; pod: string; mode: string; volume?: number | null; volumeUnit?: string | null }) =>
  `${l.pol}-${l.pod} ${l.mode}${l.volume ? ` ${l.volume} ${l.volumeUnit ?? ''}`.trimEnd() : ''}`;

/**
 * The "update matched" policy for one batch: every mapped, filled-in column of the row changes the
 * matched customer — basic fields, roles, owner (by email; a new owner starts afresh out of the
 * pool, as with an edit of the record), commodities, billing, lanes (replaced) and tags (added;
 * unknown tags are row errors earlier). Customers are read with one query, changed
 * with one update, lanes and tags with one statement each; the audit trigger records the field
 * changes, and lane and tag changes are written to the same history.
 */
async function updateMatchedCustomers(
  ctx: Ctx,
  matches: { id: string; v: ValidRow }[],
  result: BatchResult,
  lookups: CustomerImportLookups,
): Promise<void> {
  if (matches.length === 0) return;
  requireScope(ctx, 'customers', 'update');
  const ids = [...new Set(matches.map((m) => m.id))];
  const current = await ctx.db
    .select()
    .from(customers)
    .where(and(customersInScope(ctx, 'update'), inArray(customers.id, ids)))
    .for('update');
  const rows = new Map(current.map((c) => [c.id, { row: c, state: stateOf(c), lanes: null as Lane[] | null }]));
  const tagLinks = new Map<string, Set<string>>();
  for (const { id, v } of matches) {
    const target = rows.get(id);
    if (!target) {
      result.errors.push({
        row: v.row,
        field: 'name',
        message: errorMessage('import.match_not_updatable', ctx.locale),
      });
      continue;
    }
    const billing = billingRefused(ctx, v.provided, target.row);
    if (billing) {
      result.errors.push({ ...billing, row: v.row });
      continue;
    }
    const owner = v.provided.has('owner') ? lookups.byId.get(v.ownerId ?? '') : undefined;
    const ownerCheck = owner && ownerProblem(ctx, owner, importOwner('update', owner.id, target.row.ownerId));
    if (ownerCheck?.problem) {
      const { field, code } = ownerCheck.problem;
      result.errors.push({ row: v.row, field, message: errorMessage(code, ctx.locale) });
      continue;
    }
    applyCustomerRow(target.state, v);
    if (v.provided.has('lanes')) target.lanes = v.input.tradeProfile.lanes;
    if (v.tagIds.length > 0) tagLinks.set(id, new Set([...(tagLinks.get(id) ?? []), ...v.tagIds]));
    result.updated++;
  }

  const changed = [...rows.values()].filter(({ row, state }) => JSON.stringify(stateOf(row)) !== JSON.stringify(state));
  if (changed.length > 0) {
    const values = changed.map(({ row, state }) => ({
      id: row.id,
      ...state,
      ...Object.fromEntries(
        Object.entries(
          customerKeys({
            code: row.code,
            name: state.name,
            nameEn: state.name_en,
            creditCode: state.credit_code,
            phone: state.phone,
            email: state.email,
          }),
        ).map(([k, value]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value]),
      ),
    }));
    await queryRows(
      ctx.db,
      sql`update customers c set
            name = v.name, name_en = v.name_en, credit_code = v.credit_code, address = v.address,
            country = v.country, website = v.website, phone = v.phone, email = v.email,
            industry = v.industry, employees = v.employees, roles = v.roles,
            relationship_type = v.relationship_type, status = v.status,
            owner_id = v.owner_id, team_id = v.team_id,
            ${editedOwnerClocksSql(sql`v.owner_id`)},
            trade_profile = v.trade_profile, billing = v.billing,
            name_key = v.name_key, name_en_key = v.name_en_key, name_pinyin = v.name_pinyin,
            search_text = v.search_text, version = c.version + 1, updated_at = now()
          from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(
            id uuid, name text, name_en text, credit_code text, address text, country text, website text,
            phone text, email text, industry text, employees integer, roles text[], relationship_type text,
            status text, owner_id uuid, team_id uuid, trade_profile jsonb, billing jsonb, name_key text,
            name_en_key text, name_pinyin text, search_text text)
          where c.org_id = ${ctx.orgId} and c.id = v.id`,
    );
    // A new owner or team from the file is an ownership change, on the timeline like an edit of the record.
    await recordOwnershipChanges(
      ctx,
      changed
        .filter(({ row, state }) => row.ownerId !== state.owner_id || row.teamId !== state.team_id)
        .map(({ row, state }) => ({
          customerId: row.id,
          kind: 'update',
          fromOwnerId: row.ownerId,
          toOwnerId: state.owner_id,
          fromTeamId: row.teamId,
          toTeamId: state.team_id,
        })),
    );
  }

  const laneTargets = [...rows.values()].filter((t) => t.lanes !== null);
  if (laneTargets.length > 0) {
    const laneIds = laneTargets.map((t) => t.row.id);
    const before = await ctx.db
      .select()
      .from(customerLanes)
      .where(and(eq(customerLanes.orgId, ctx.orgId), inArray(customerLanes.customerId, laneIds)))
      .orderBy(asc(customerLanes.customerId), asc(customerLanes.position));
    const beforeOf = new Map<string, string[]>();
    for (const l of before) beforeOf.set(l.customerId, [...(beforeOf.get(l.customerId) ?? []), laneText(l)]);
    const differing = laneTargets
      .map((t) => ({ id: t.row.id, lanes: t.lanes as Lane[], before: beforeOf.get(t.row.id) ?? [] }))
      .filter((t) => JSON.stringify(t.before) !== JSON.stringify(t.lanes.map(laneText)));
    if (differing.length > 0) {
      await ctx.db.delete(customerLanes).where(
        and(
          eq(customerLanes.orgId, ctx.orgId),
          inArray(
            customerLanes.customerId,
            differing.map((d) => d.id),
          ),
        ),
      );
      const laneValues = differing.flatMap((d) => laneRows(ctx.orgId, d.id, d.lanes));
      if (laneValues.length > 0) await ctx.db.insert(customerLanes).values(laneValues);
      await ctx.db.insert(auditLog).values(
        differing.map((d) => ({
          ...auditBase(ctx),
          action: 'update',
          entityId: d.id,
          changes: { lanes: [d.before, d.lanes.map(laneText)] as [unknown, unknown] },
        })),
      );
    }
  }

  if (tagLinks.size > 0) {
    const added = await ctx.db
      .insert(customerTags)
      .values(
        [...tagLinks].flatMap(([customerId, tagIds]) =>
          [...tagIds].map((tagId) => ({ orgId: ctx.orgId, customerId, tagId })),
        ),
      )
      .onConflictDoNothing()
      .returning({ customerId: customerTags.customerId, tagId: customerTags.tagId });
    const addedBy = new Map<string, string[]>();
    for (const a of added) addedBy.set(a.customerId, [...(addedBy.get(a.customerId) ?? []), a.tagId]);
    if (addedBy.size > 0) {
      // Tag changes go on each customer's history, as a bulk tag from the list does.
      await ctx.db.insert(auditLog).values(
        [...addedBy].map(([customerId, add]) => ({
          ...auditBase(ctx),
          action: 'tag',
          entityId: customerId,
          meta: { add, remove: [] },
        })),
      );
    }
  }
}

const auditBase = (ctx: Ctx) => ({
  orgId: ctx.orgId,
  actorId: ctx.actor.id,
  actorType: ctx.actor.type,
  entity: 'customers',
  ip: ctx.ip ?? null,
  requestId: ctx.requestId ?? null,
});
