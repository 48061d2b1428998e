import {
  type BillingProfile,
  type CreateCustomerInput,
  type CustomerImportField,
  createCustomerInputSchema,
  customerImportRow,
  type FieldError,
  type Lane,
  normalizeCreditCode,
  type UpdateCustomerInput,
} from '@berth/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { arrayParam, queryRows } from '../../db/database';
import { users } from '../../db/schema';
import { recordEvents } from '../../platform/audit';
import { type Ctx, requireScope } from '../../platform/context';
import type { RecordOwner } from '../../platform/data-scope';
import { errorMessage } from '../../platform/error-catalogue';
import { emitAll } from '../../platform/events';
import { mayWrite } from '../../platform/field-access';
import { zodIssueMessage } from '../../platform/http/zod-messages';
import type { ImportBatchResult as BatchResult, ImportPolicy } from '../../platform/module';
import { type OwnerRequest, ownerProblem } from '../../platform/owner-assignment';
import { editedOwnerClocks, newOwnerClocks, recordOwnerEdits } from '../pool';
import { changedCustomerFields, customerEventRecord } from './customer-events';
import { billingOf, type CustomerRow, customerPatch } from './customer-row';
import { customersInScope } from './customer-scope';
import { customerKeys, type UncodedCustomerKeys, uncodedCustomerKeys } from './customer-search-keys';
import { type InsertedCustomer, insertCustomerRecords, type NewCustomer } from './insert-customers';
import { byNameKeys } from './name-key-lookup';
import { replaceLanes } from './save-lanes';
import { customers, customerTags, tags } from './tables';

type ImportRowError = BatchResult['errors'][number];

/** Users by email (and by a name no one else has) and tags by name, loaded once per import. */
export async function customerImportLookups(ctx: Ctx) {
  const [userRows, tagRows] = await Promise.all([
    ctx.db
      .select({ id: users.id, email: users.email, name: users.name, teamId: users.teamId, status: users.status })
      .from(users)
      .where(eq(users.orgId, ctx.orgId)),
    ctx.db.select({ id: tags.id, name: tags.name }).from(tags).where(eq(tags.orgId, ctx.orgId)),
  ]);
  // An owner is named by email, or by name as exports write it when no other user has that name.
  const byEmail = new Map(userRows.map((u) => [u.email.toLowerCase(), u]));
  const named = new Map<string, (typeof userRows)[number] | null>();
  for (const u of userRows) {
    const key = u.name.trim().toLowerCase();
    named.set(key, named.has(key) ? null : u);
  }
  for (const [key, u] of named) if (u && !byEmail.has(key)) byEmail.set(key, u);
  return {
    users: byEmail,
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
  if (!billingColumns.some((c) => provided.has(c)) || mayWrite(ctx, 'billingCredit', record)) return null;
  return { row: 0, field: 'billing', message: errorMessage('customer.billing_not_writable', ctx.locale) };
}

/**
 * What one row says before it meets the database: the API's schema applied to its cells and the
 * derived keys of the name (pinyin and all). The costly part of a row, worked out outside the
 * batch's transaction while the batch before it is written.
 */
export interface CustomerRowReading {
  input: CreateCustomerInput | null;
  /** The schema's problems; owner, tag and billing rights are checked with the batch. */
  errors: FieldError[];
  owner: string | null;
  tagNames: string[];
  provided: Set<string>;
  keys: UncodedCustomerKeys | null;
}

export function readCustomerRow(
  values: Partial<Record<CustomerImportField, string>>,
  locale: Ctx['locale'],
): CustomerRowReading {
  const { input, owner, tags: tagNames } = customerImportRow(values);
  const provided = new Set(Object.keys(values).filter((k) => values[k as CustomerImportField]?.trim()));
  const parsed = createCustomerInputSchema.safeParse(input);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      field: issue.path.join('.') || 'name',
      code: issue.code,
      message: zodIssueMessage(issue, locale),
    }));
    return { input: null, errors, owner, tagNames, provided, keys: null };
  }
  return { input: parsed.data, errors: [], owner, tagNames, provided, keys: uncodedCustomerKeys(parsed.data) };
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
  keys: UncodedCustomerKeys;
}

/**
 * One batch of an import, inside the caller's transaction: rows are validated with the same
 * schema as the API, matched against existing customers (credit code or normalised name) and
 * against earlier rows, then skipped, updated or created by the policy; new rows are written
 * with one insert per table.
 */
export async function importCustomerBatch(
  ctx: Ctx,
  rows: { row: number; values: Partial<Record<CustomerImportField, string>>; value?: unknown }[],
  policy: ImportPolicy,
  lookups: CustomerImportLookups,
): Promise<BatchResult> {
  requireScope(ctx, 'customers', 'create');
  const result: BatchResult = { created: 0, updated: 0, skipped: 0, errors: [] };
  const valid: ValidRow[] = [];
  const me = ctx.userId ? [...lookups.users.values()].find((u) => u.id === ctx.userId) : undefined;
  for (const { row, values, value } of rows) {
    const reading = (value as CustomerRowReading | undefined) ?? readCustomerRow(values, ctx.locale);
    const { owner, tagNames, provided } = reading;
    const errors: FieldError[] = [...reading.errors];
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
    const billing = billingRefused(ctx, provided, { ownerId, teamId });
    if (billing) errors.push({ field: billing.field, code: 'customer.billing_not_writable', message: billing.message });
    if (errors.length > 0 || !reading.input || !reading.keys) {
      for (const e of errors) result.errors.push({ row, field: e.field, message: e.message });
      continue;
    }
    valid.push({
      row,
      input: reading.input,
      provided,
      ownerId,
      teamId,
      tagIds: tagIds as string[],
      creditCode: reading.input.creditCode ? normalizeCreditCode(reading.input.creditCode) : null,
      nameKey: reading.keys.nameKey,
      keys: reading.keys,
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
  await insertCustomersWithClocks(
    ctx,
    toCreate.map((v) => ({ input: v.input, ownerId: v.ownerId, teamId: v.teamId, keys: v.keys, tagIds: v.tagIds })),
  );
  result.created = toCreate.length;
  await updateMatchedCustomers(ctx, toUpdate, result, lookups);
  return result;
}

/**
 * New customers as a batch writes them (an import batch, the demo organisation): through
 * `insertCustomerRecords`, inserted with their pool clocks running (not updated right after: that rewrote every
 * new row and its index entries once more), their tags in one more insert. Returns what the insert returned of
 * each row (not read back: id, code, status, owner, team), in the order given.
 */
export async function insertCustomersWithClocks(
  ctx: Ctx,
  news: (Omit<NewCustomer, 'clocks'> & { tagIds?: readonly string[] })[],
): Promise<InsertedCustomer[]> {
  if (news.length === 0) return [];
  const clocks = await newOwnerClocks(ctx);
  const inserted = await insertCustomerRecords(
    ctx,
    news.map(({ tagIds: _tagIds, ...n }) => ({ ...n, clocks: clocks(n.ownerId, n.teamId) })),
  );
  const tagLinks = news.flatMap((n, i) =>
    (n.tagIds ?? []).map((tagId) => ({ orgId: ctx.orgId, customerId: (inserted[i] as InsertedCustomer).id, tagId })),
  );
  if (tagLinks.length > 0) await ctx.db.insert(customerTags).values(tagLinks).onConflictDoNothing();
  return inserted;
}

/** Row fields that change the column of the same name when the cell is filled in. */
const plainFields = [
  'name',
  'nameEn',
  'address',
  'country',
  'website',
  'phone',
  'email',
  'industry',
  'employees',
  'status',
  'relationshipType',
  'roles',
] as const satisfies readonly (CustomerImportField & keyof UpdateCustomerInput)[];

/**
 * What a row says about a matched customer, as an edit of the record would say it: only the
 * filled-in cells. Commodities keep the rest of the trade profile; billing cells change those
 * fields of the billing profile (a credit limit without a currency column keeps its currency).
 */
function editOf(current: CustomerRow, v: ValidRow): UpdateCustomerInput {
  const edit: Record<string, unknown> = {};
  const input = v.input as Record<string, unknown>;
  for (const field of plainFields) if (v.provided.has(field)) edit[field] = input[field] ?? null;
  if (v.provided.has('creditCode')) edit.creditCode = v.input.creditCode ?? null;
  if (v.provided.has('owner')) {
    edit.ownerId = v.ownerId;
    edit.teamId = v.teamId;
  }
  const trade = v.input.tradeProfile;
  if (v.provided.has('commodities') || v.provided.has('hsChapters') || v.provided.has('specialCargo')) {
    edit.tradeProfile = {
      ...current.tradeProfile,
      lanes: [],
      ...(v.provided.has('commodities') ? { commodities: trade.commodities } : {}),
      ...(v.provided.has('hsChapters') ? { hsChapters: trade.hsChapters } : {}),
      ...(v.provided.has('specialCargo') ? { specialCargo: trade.specialCargo } : {}),
    };
  }
  if (billingColumns.some((c) => v.provided.has(c))) {
    const billing = billingOf(current) as BillingProfile;
    const given = v.input.billing;
    if (v.provided.has('invoiceTitle')) billing.invoiceTitle = given.invoiceTitle ?? null;
    if (v.provided.has('taxNumber')) billing.taxNumber = given.taxNumber ?? null;
    if (v.provided.has('billingAddress')) billing.billingAddress = given.billingAddress ?? null;
    if (v.provided.has('settlementType')) billing.settlementType = given.settlementType ?? null;
    if (v.provided.has('paymentTermsDays')) billing.paymentTermsDays = given.paymentTermsDays ?? null;
    if (v.provided.has('creditLimit') && given.creditLimit) {
      const currency = v.provided.has('creditCurrency')
        ? given.creditLimit.currency
        : (billing.creditLimit?.currency ?? given.creditLimit.currency);
      billing.creditLimit = { amount: given.creditLimit.amount, currency };
    }
    edit.billing = billing;
  }
  return edit as UpdateCustomerInput;
}

/** The columns the "update matched" policy writes, as the table names them. */
const writtenColumns = [
  'name',
  'nameEn',
  'creditCode',
  'address',
  'country',
  'website',
  'phone',
  'email',
  'industry',
  'employees',
  'roles',
  'relationshipType',
  'status',
  'ownerId',
  'teamId',
  'ownerSince',
  'protectedUntil',
  'pooledAt',
  'poolWarnedAt',
  'tradeProfile',
  'billing',
  'creditLimit',
  'creditLimitCurrency',
  'nameKey',
  'nameEnKey',
  'namePinyin',
  'searchText',
] as const satisfies readonly (keyof CustomerRow)[];

const written = (c: CustomerRow) => JSON.stringify(writtenColumns.map((column) => c[column]));

/**
 * The "update matched" policy for one batch: every mapped, filled-in column of the row changes the
 * matched customer as an edit of the record does (`customerPatch`; a new owner, by email, starts
 * afresh out of the pool with `editedOwnerClocks`), lanes are replaced and tags added (unknown tags
 * are row errors earlier). Customers are read with one query and changed with one update, lanes
 * with `replaceLanes`, tags with one insert; the audit trigger records the field changes, and lane
 * and tag changes go to the same history.
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
  const rows = new Map(current.map((c) => [c.id, { row: c, next: c, lanes: null as Lane[] | null }]));
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
    const edit = editOf(target.next, v);
    const patch = customerPatch(edit);
    if (edit.ownerId !== undefined) patch.ownerId = edit.ownerId;
    if (edit.teamId !== undefined) patch.teamId = edit.teamId;
    target.next = { ...target.next, ...patch };
    if (v.provided.has('lanes')) target.lanes = v.input.tradeProfile.lanes;
    if (v.tagIds.length > 0) tagLinks.set(id, new Set([...(tagLinks.get(id) ?? []), ...v.tagIds]));
    result.updated++;
  }

  const changed = [...rows.values()]
    .map(({ row, next }) => ({
      row,
      next: next.ownerId === row.ownerId ? next : { ...next, ...editedOwnerClocks(ctx, next.ownerId) },
    }))
    .filter(({ row, next }) => written(row) !== written(next))
    .map(({ row, next }) => ({ row, next: { ...next, ...customerKeys(next) } }));
  if (changed.length > 0) {
    const values = changed.map(({ next }) => ({
      id: next.id,
      name: next.name,
      name_en: next.nameEn,
      credit_code: next.creditCode,
      address: next.address,
      country: next.country,
      website: next.website,
      phone: next.phone,
      phone_extension: next.phoneExtension,
      email: next.email,
      industry: next.industry,
      employees: next.employees,
      roles: next.roles,
      relationship_type: next.relationshipType,
      status: next.status,
      owner_id: next.ownerId,
      team_id: next.teamId,
      owner_since: next.ownerSince,
      protected_until: next.protectedUntil,
      pooled_at: next.pooledAt,
      pool_warned_at: next.poolWarnedAt,
      trade_profile: next.tradeProfile,
      billing: next.billing,
      credit_limit: next.creditLimit,
      credit_limit_currency: next.creditLimitCurrency,
      name_key: next.nameKey,
      name_en_key: next.nameEnKey,
      name_pinyin: next.namePinyin,
      search_text: next.searchText,
    }));
    await queryRows(
      ctx.db,
      sql`update customers c set
            name = v.name, name_en = v.name_en, credit_code = v.credit_code, address = v.address,
            country = v.country, website = v.website, phone = v.phone,
            phone_extension = v.phone_extension, email = v.email,
            industry = v.industry, employees = v.employees, roles = v.roles,
            relationship_type = v.relationship_type, status = v.status,
            owner_id = v.owner_id, team_id = v.team_id, owner_since = v.owner_since,
            protected_until = v.protected_until, pooled_at = v.pooled_at, pool_warned_at = v.pool_warned_at,
            trade_profile = v.trade_profile, billing = v.billing,
            credit_limit = v.credit_limit, credit_limit_currency = v.credit_limit_currency,
            name_key = v.name_key, name_en_key = v.name_en_key, name_pinyin = v.name_pinyin,
            search_text = v.search_text, version = c.version + 1, updated_at = now()
          from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(
            id uuid, name text, name_en text, credit_code text, address text, country text, website text,
            phone text, phone_extension text, email text, industry text, employees integer, roles text[], relationship_type text,
            status text, owner_id uuid, team_id uuid, owner_since timestamptz, protected_until timestamptz,
            pooled_at timestamptz, pool_warned_at timestamptz, trade_profile jsonb, billing jsonb,
            credit_limit numeric, credit_limit_currency text, name_key text,
            name_en_key text, name_pinyin text, search_text text)
          where c.org_id = ${ctx.orgId} and c.id = v.id`,
    );
    await emitAll(
      ctx,
      'customer.updated',
      changed.map(({ row, next }) => ({ ...customerEventRecord(next), changed: changedCustomerFields(row, next) })),
    );
    // A new owner or team from the file is an ownership change, on the timeline like an edit of the record.
    await recordOwnerEdits(
      ctx,
      changed.map(({ row, next }) => ({ before: row, after: next })),
    );
  }

  await replaceLanes(
    ctx,
    [...rows.values()].flatMap((t) => (t.lanes ? [{ customerId: t.row.id, lanes: t.lanes }] : [])),
  );

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
    // Tag changes go on each customer's history, as a bulk tag from the list does.
    await recordEvents(
      ctx,
      [...addedBy].map(([customerId, add]) => ({
        action: 'tag',
        entity: 'customers',
        entityId: customerId,
        meta: { add, remove: [] },
      })),
    );
  }
}
