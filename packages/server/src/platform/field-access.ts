import type { ErrorCode, Resource } from '@berth/domain';
import { scopeOf } from '@berth/domain';
import { type AnyColumn, or, type SQL, sql } from 'drizzle-orm';
import { arrayParam, queryRows } from '../db/database';
import { AppError } from './app-error';
import type { Ctx } from './context';
import { type RecordOwner, scopeCovers, scopeSql } from './data-scope';

/**
 * Field rights: the one place that decides, for a caller and a record, which guarded fields they
 * see and may write. A field right is a permission with a data scope, applied per record exactly
 * as data scope is (own = records the caller owns, team = their teams' records, org = all): a
 * DTO, a search predicate, an export, a report, the timeline and the audit log all ask here.
 */
type Permission = readonly [Resource, string];

interface FieldRight {
  /** Any of these, in scope for the record, shows the fields. */
  read: readonly Permission[];
  /** Any of these, in scope for the record, lets the caller set the fields. */
  write: readonly Permission[];
  /** The field error of a write without the right (422, one error per field). */
  writeError: ErrorCode;
}

export const fieldRights = {
  /** Contacts' phones, emails, WeChat and birthday; whoever may not see them may not set them either. */
  personalData: {
    read: [['personalData', 'read']],
    write: [['personalData', 'read']],
    writeError: 'contact.personal_data_hidden',
  },
  /**
   * Sell-side revenue: opportunities' expected revenue, shipments' revenue and their sums. A sales rep
   * holds it for their own deals and shipments.
   */
  revenue: {
    read: [['revenue', 'read']],
    write: [['revenue', 'read']],
    writeError: 'opportunity.revenue_hidden',
  },
  /** Cost and margin: opportunities' expected margin, shipments' cost (and so their gross profit). */
  costMargin: {
    read: [['costMargin', 'read']],
    write: [['costMargin', 'read']],
    writeError: 'opportunity.cost_margin_hidden',
  },
  /** A customer's invoice details, payment terms and credit limit: finance writes them, billingCredit reads them. */
  billingCredit: {
    read: [
      ['billingCredit', 'read'],
      ['customerBilling', 'update'],
    ],
    write: [['customerBilling', 'update']],
    writeError: 'customer.billing_not_writable',
  },
} as const satisfies Record<string, FieldRight>;
export type FieldRightName = keyof typeof fieldRights;

export interface GuardedField {
  /** The field of the API record. */
  field: string;
  /** The column, as the audit log's `changes` name it. */
  column: string;
  right: FieldRightName;
  /** The field error of a write without the right, when the entity has its own (else the right's). */
  writeError?: ErrorCode;
}

/**
 * Which fields of which entity (audit entity = table name) each right guards, and whose owner and
 * team decide: a contact follows its customer, an opportunity is its own record, a shipment follows
 * its customer (decision 0007). Every column that holds a guarded value is listed, the currency of
 * an amount too: an audit entry or a timeline diff of the column shows no more than the record. A
 * customer's annual revenue is not here: it is the size of the customer's company (public in
 * registries and annual reports, needed to qualify a lead), not what we earn from or lend to the
 * customer.
 */
export const guardedFields: Record<string, { fields: GuardedField[]; owners: (orgId: string, ids: SQL) => SQL }> = {
  customers: {
    fields: [
      { field: 'billing', column: 'billing', right: 'billingCredit' },
      { field: 'billing', column: 'credit_limit', right: 'billingCredit' },
      { field: 'billing', column: 'credit_limit_currency', right: 'billingCredit' },
    ],
    owners: (orgId, ids) =>
      sql`select id::text as id, owner_id, team_id from customers where org_id = ${orgId} and id = any(${ids})`,
  },
  contacts: {
    fields: [
      { field: 'phones', column: 'phones', right: 'personalData' },
      { field: 'emails', column: 'emails', right: 'personalData' },
      { field: 'wechat', column: 'wechat', right: 'personalData' },
      { field: 'birthday', column: 'birthday', right: 'personalData' },
    ],
    owners: (orgId, ids) =>
      sql`select k.id::text as id, c.owner_id, c.team_id from contacts k
            join customers c on c.org_id = k.org_id and c.id = k.customer_id
           where k.org_id = ${orgId} and k.id = any(${ids})`,
  },
  sales_event_leads: {
    // What a capturer entered for a customer outside their scope (name, phone, email, note), kept for its owner.
    fields: [{ field: 'handover', column: 'handover', right: 'personalData' }],
    owners: (orgId, ids) =>
      sql`select l.id::text as id, c.owner_id, c.team_id from sales_event_leads l
            join customers c on c.org_id = l.org_id and c.id = l.customer_id
           where l.org_id = ${orgId} and l.id = any(${ids})`,
  },
  opportunities: {
    fields: [
      { field: 'expectedRevenue', column: 'expected_revenue', right: 'revenue' },
      { field: 'expectedRevenue', column: 'revenue_currency', right: 'revenue' },
      { field: 'expectedMargin', column: 'expected_margin', right: 'costMargin' },
      { field: 'expectedMargin', column: 'margin_currency', right: 'costMargin' },
    ],
    owners: (orgId, ids) =>
      sql`select id::text as id, owner_id, team_id from opportunities where org_id = ${orgId} and id = any(${ids})`,
  },
  shipments: {
    fields: [
      { field: 'revenue', column: 'revenue_amount', right: 'revenue', writeError: 'shipment.money_hidden' },
      { field: 'revenue', column: 'revenue_currency', right: 'revenue', writeError: 'shipment.money_hidden' },
      { field: 'cost', column: 'cost_amount', right: 'costMargin', writeError: 'shipment.money_hidden' },
      { field: 'cost', column: 'cost_currency', right: 'costMargin', writeError: 'shipment.money_hidden' },
    ],
    // A shipment follows its customer's owner and team; one whose customer is not known yet is owned by nobody.
    owners: (orgId, ids) =>
      sql`select s.id::text as id, c.owner_id, c.team_id from shipments s
            left join customers c on c.org_id = s.org_id and c.id = s.customer_id
           where s.org_id = ${orgId} and s.id = any(${ids})`,
  },
};

/** The right that guards a field of an entity (a report asks which right shows a shipment's revenue). */
export function guardingRight(entity: string, field: string): FieldRightName {
  const found = guardedFields[entity]?.fields.find((g) => g.field === field);
  if (!found) throw new Error(`${entity}.${field} is not a guarded field`);
  return found.right;
}

const holdsAny = (ctx: Ctx, permissions: readonly Permission[], record: RecordOwner) =>
  permissions.some(([resource, action]) => scopeCovers(ctx, scopeOf(ctx.permissions, resource, action), record));

/** Whether the caller sees the fields of this right on this record. */
export function maySee(ctx: Ctx, right: FieldRightName, record: RecordOwner): boolean {
  return holdsAny(ctx, fieldRights[right].read, record);
}

/** Whether the caller may set the fields of this right on this record. */
export function mayWrite(ctx: Ctx, right: FieldRightName, record: RecordOwner): boolean {
  return holdsAny(ctx, fieldRights[right].write, record);
}

/** Whether the caller sees the fields of this right on any record at all (a report without per-record rows). */
export function maySeeAny(ctx: Ctx, right: FieldRightName): boolean {
  return fieldRights[right].read.some(([resource, action]) => scopeOf(ctx.permissions, resource, action) !== null);
}

/**
 * Whether the caller sees the fields of this right on every record (organisation scope): an order by a guarded
 * value needs no per-record masking then.
 */
export function maySeeAll(ctx: Ctx, right: FieldRightName): boolean {
  return fieldRights[right].read.some(([resource, action]) => scopeOf(ctx.permissions, resource, action) === 'org');
}

/**
 * maySee as SQL over the record's owner and team columns, for search predicates and for masking
 * inside a query (sums of visible amounts): `false` without the right, `true` at organisation scope.
 */
export function maySeeSql(
  ctx: Ctx,
  right: FieldRightName,
  cols: { owner: AnyColumn | SQL; team: AnyColumn | SQL },
): SQL {
  const conditions = fieldRights[right].read.map(([resource, action]) =>
    scopeSql(ctx, scopeOf(ctx.permissions, resource, action), cols as { owner: AnyColumn; team: AnyColumn }),
  );
  return conditions.length === 1 ? (conditions[0] as SQL) : (or(...conditions) as SQL);
}

/** A value that writes nothing on a new record: absent, null, empty text or list, or an object of such values. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every(isEmptyValue);
  return false;
}

/**
 * The guarded fields of `entity` an input sets that the caller may not write on every given record
 * (the record as it is and as it will be), with their error codes. A field counts as set when
 * present; on a new record (`creating`) empty values set nothing.
 */
export function refusedFields(
  ctx: Ctx,
  entity: string,
  input: Record<string, unknown>,
  records: RecordOwner[],
  options: { creating?: boolean } = {},
): { field: string; code: ErrorCode }[] {
  const refused = new Map<string, ErrorCode>();
  for (const g of guardedFields[entity]?.fields ?? []) {
    const value = input[g.field];
    if (value === undefined || (options.creating && isEmptyValue(value)) || refused.has(g.field)) continue;
    if (!records.every((record) => mayWrite(ctx, g.right, record))) {
      refused.set(g.field, g.writeError ?? fieldRights[g.right].writeError);
    }
  }
  return [...refused].map(([field, code]) => ({ field, code }));
}

/** Refuses (422, one field error per field) an input that sets guarded fields the caller may not write (`refusedFields`). */
export function assertWritableFields(
  ctx: Ctx,
  entity: string,
  input: Record<string, unknown>,
  records: RecordOwner[],
  options: { creating?: boolean } = {},
): void {
  const refused = refusedFields(ctx, entity, input, records, options);
  if (refused.length === 0) return;
  throw new AppError('validation.failed', 422, {
    fields: refused.map(({ field, code }) => ({ field, code, message: code })),
  });
}

/** The guarded fields of `entity` the caller may not see on this record. */
export function hiddenFields(ctx: Ctx, entity: string, record: RecordOwner): GuardedField[] {
  return (guardedFields[entity]?.fields ?? []).filter((g) => !maySee(ctx, g.right, record));
}

/** A change history entry shows no more than the record would: hidden fields become '***'. */
export function visibleChanges(
  ctx: Ctx,
  entity: string,
  changes: Record<string, [unknown, unknown]>,
  record: RecordOwner,
): Record<string, [unknown, unknown]> {
  const hidden = new Set(hiddenFields(ctx, entity, record).map((g) => g.column));
  if (hidden.size === 0) return changes;
  return Object.fromEntries(
    Object.entries(changes).map(([column, pair]) => [column, hidden.has(column) ? ['***', '***'] : pair]),
  ) as Record<string, [unknown, unknown]>;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const nobody: RecordOwner = { ownerId: null, teamId: null };

/**
 * The owner and team of each audited record with guarded fields, looked up in one query per
 * entity. A record that no longer exists is judged as owned by nobody: only organisation scope
 * sees its guarded fields.
 */
export async function recordOwners(
  ctx: Ctx,
  entries: { entity: string; entityId: string | null }[],
): Promise<(entity: string, id: string | null) => RecordOwner> {
  const found = new Map<string, RecordOwner>();
  const byEntity = new Map<string, Set<string>>();
  for (const e of entries) {
    if (!e.entityId || !guardedFields[e.entity] || !uuidPattern.test(e.entityId)) continue;
    byEntity.set(e.entity, (byEntity.get(e.entity) ?? new Set()).add(e.entityId));
  }
  for (const [entity, ids] of byEntity) {
    const lookup = guardedFields[entity]?.owners as (orgId: string, ids: SQL) => SQL;
    const rows = await queryRows<{ id: string; owner_id: string | null; team_id: string | null }>(
      ctx.db,
      lookup(ctx.orgId, sql`${arrayParam([...ids])}::uuid[]`),
    );
    for (const r of rows) found.set(`${entity}:${r.id}`, { ownerId: r.owner_id, teamId: r.team_id });
  }
  return (entity, id) => (id ? (found.get(`${entity}:${id}`) ?? nobody) : nobody);
}

/** Audit entries' changes, each masked by the field rights on the record it describes. */
export async function maskAuditChanges<T extends { entity: string; entityId: string | null; changes: unknown }>(
  ctx: Ctx,
  entries: T[],
): Promise<T[]> {
  const owners = await recordOwners(ctx, entries);
  return entries.map((e) =>
    e.changes && guardedFields[e.entity]
      ? {
          ...e,
          changes: visibleChanges(
            ctx,
            e.entity,
            e.changes as Record<string, [unknown, unknown]>,
            owners(e.entity, e.entityId),
          ),
        }
      : e,
  );
}
