import {
  type CreateCustomerInput,
  type CustomerImportField,
  createCustomerInputSchema,
  customerImportRow,
  errorMessage,
  type FieldError,
  normalizeCreditCode,
  updateCustomerInputSchema,
} from '@berth/domain';
import { nameKeys } from '@berth/domain/customers/name-keys';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { queryRows } from '../../db/database';
import { users } from '../../db/schema';
import { type Ctx, requireScope } from '../../platform/context';
import { zodIssueMessage } from '../../platform/http/zod-messages';
import { customerKeys } from './customer-search-keys';
import { laneRows } from './save-lanes';
import { customerLanes, customers, customerTags, tags } from './tables';
import { updateCustomer } from './update-customer';

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
      .select({ id: users.id, email: users.email, teamId: users.teamId })
      .from(users)
      .where(eq(users.orgId, ctx.orgId)),
    ctx.db.select({ id: tags.id, name: tags.name }).from(tags).where(eq(tags.orgId, ctx.orgId)),
  ]);
  return {
    users: new Map(userRows.map((u) => [u.email.toLowerCase(), u])),
    tags: new Map(tagRows.map((t) => [t.name.toLowerCase(), t.id])),
  };
}
export type CustomerImportLookups = Awaited<ReturnType<typeof customerImportLookups>>;

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
  const createScope = requireScope(ctx, 'customers', 'create');
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
    if (ownerUser && createScope === 'own' && ownerUser.id !== ctx.userId) {
      errors.push({
        field: 'owner',
        code: 'customer.owner_outside_scope',
        message: errorMessage('customer.owner_outside_scope', ctx.locale),
      });
    }
    const tagIds = tagNames.map((name) => lookups.tags.get(name.toLowerCase()));
    if (tagIds.some((id) => !id))
      errors.push({ field: 'tags', code: 'reference.invalid', message: errorMessage('reference.invalid', ctx.locale) });
    if (errors.length > 0 || !parsed.success) {
      for (const e of errors) result.errors.push({ row, field: e.field, message: e.message });
      continue;
    }
    const ownerId = ownerUser?.id ?? ctx.userId;
    valid.push({
      row,
      input: parsed.data,
      provided: new Set(Object.keys(values).filter((k) => values[k as CustomerImportField]?.trim())),
      ownerId,
      teamId: (ownerUser ?? me)?.teamId ?? null,
      tagIds: tagIds as string[],
      creditCode: parsed.data.creditCode ? normalizeCreditCode(parsed.data.creditCode) : null,
      nameKey: nameKeys(parsed.data.name).normalized,
    });
  }
  if (valid.length === 0) return result;

  const codes = valid.flatMap((v) => (v.creditCode ? [v.creditCode] : []));
  const keys = valid.map((v) => v.nameKey);
  const existing = await ctx.db
    .select({ id: customers.id, creditCode: customers.creditCode, nameKey: customers.nameKey })
    .from(customers)
    .where(
      and(
        eq(customers.orgId, ctx.orgId),
        isNull(customers.mergedIntoId),
        or(codes.length > 0 ? inArray(customers.creditCode, codes) : undefined, inArray(customers.nameKey, keys)),
      ),
    );
  const byCode = new Map(existing.filter((e) => e.creditCode).map((e) => [e.creditCode as string, e.id]));
  const byName = new Map(existing.map((e) => [e.nameKey, e.id]));
  const seen = new Set<string>();
  const toCreate: ValidRow[] = [];
  for (const v of valid) {
    const match = (v.creditCode && byCode.get(v.creditCode)) || byName.get(v.nameKey);
    const repeatedCode = !!v.creditCode && seen.has(`c:${v.creditCode}`);
    const repeated = repeatedCode || seen.has(`n:${v.nameKey}`);
    if (v.creditCode) seen.add(`c:${v.creditCode}`);
    seen.add(`n:${v.nameKey}`);
    if (policy !== 'create' && (match || repeated)) {
      if (policy === 'update' && match) {
        await updateCustomer(ctx, match, undefined, updatePatch(v));
        result.updated++;
      } else {
        result.skipped++;
      }
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
  return result;
}

/** Only the columns the file actually filled in change an existing customer. */
function updatePatch(v: ValidRow) {
  const patch: Record<string, unknown> = {};
  const map: Record<string, keyof CreateCustomerInput> = {
    name: 'name',
    nameEn: 'nameEn',
    creditCode: 'creditCode',
    country: 'country',
    address: 'address',
    website: 'website',
    phone: 'phone',
    email: 'email',
    industry: 'industry',
    employees: 'employees',
    status: 'status',
    relationshipType: 'relationshipType',
    roles: 'roles',
  };
  for (const [column, field] of Object.entries(map)) if (v.provided.has(column)) patch[field] = v.input[field];
  if (v.provided.has('owner')) patch.ownerId = v.ownerId;
  return updateCustomerInputSchema.parse(patch);
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
