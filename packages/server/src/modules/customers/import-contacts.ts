import {
  type ContactImportField,
  type CreateContactInput,
  contactImportRow,
  createContactInputSchema,
  normalizeCompanyName,
  normalizeCreditCode,
  type UpdateContactInput,
} from '@berth/domain';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { arrayParam, queryRows } from '../../db/database';
import { type Ctx, can, requireScope } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { errorMessage } from '../../platform/error-catalogue';
import { maySeeSql } from '../../platform/field-access';
import { zodIssueMessage } from '../../platform/http/zod-messages';
import type { ImportBatchResult as BatchResult, ImportPolicy } from '../../platform/module';
import {
  type ContactRow,
  contactPatch,
  customersWithoutPrimary,
  keepSinglePrimary,
  newContactValues,
} from './contact-row';
import { byNameKeys } from './name-key-lookup';
import { contacts, customers } from './tables';

const contactRowSchema = createContactInputSchema.omit({ customerId: true });

/** A contact as the batch will leave it: a new one, or an existing one with the file's changes. */
interface Working {
  id: string;
  customerId: string;
  name: string;
  title: string | null;
  phones: string[];
  emails: string[];
  wechat: string | null;
  birthday: string | null;
  isPrimary: boolean;
  preferredChannel: string | null;
  marketingConsent: boolean;
  existing: ContactRow | null;
  /** Set when the import changes this contact or creates it. */
  touched: boolean;
}

const nameKey = (name: string) => name.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/** The keys two contacts of one customer are the same person by: any phone, any email, or the name. */
const keysOf = (c: { customerId: string; name: string; phones: string[]; emails: string[] }) => [
  ...c.phones.map((p) => `${c.customerId}|p|${p}`),
  ...c.emails.map((e) => `${c.customerId}|e|${e.toLowerCase()}`),
  `${c.customerId}|n|${nameKey(c.name)}`,
];

interface CustomerHit {
  id: string;
  code: string;
  creditCode: string | null;
  name: string;
  nameEn: string | null;
  mayUpdate: boolean;
  /** Whether the importer sees (and so may set and match on) the personal data of its contacts. */
  personal: boolean;
}

/** Row columns holding personal data (personalData.read on the customer, as in the API). */
const personalColumns = ['phones', 'emails', 'wechat', 'birthday'];

/**
 * One batch of a contact import, inside the caller's transaction. Rows name their customer by
 * code, credit code or exact name; the customers are looked up in one query limited to those the
 * importer may add contacts to. A contact of the same customer with one of the row's phones or
 * emails, or the same name, is the same person: skipped, updated or created anyway by the policy.
 * New contacts are written with one insert and changed ones with one update; a row that makes a
 * contact primary clears the customer's previous primary contact in the same transaction.
 */
export async function importContactBatch(
  ctx: Ctx,
  rows: { row: number; values: Partial<Record<ContactImportField, string>> }[],
  policy: ImportPolicy,
): Promise<BatchResult> {
  requireScope(ctx, 'contacts', 'create');
  const result: BatchResult = { created: 0, updated: 0, skipped: 0, errors: [] };
  const fail = (row: number, field: string, code: string) =>
    result.errors.push({ row, field, message: errorMessage(code, ctx.locale) });

  type Parsed = {
    row: number;
    customer: ReturnType<typeof contactImportRow>['customer'];
    input: ReturnType<typeof contactRowSchema.parse>;
    provided: Set<string>;
  };
  const parsed: Parsed[] = [];
  for (const { row, values } of rows) {
    const { customer, input, problems } = contactImportRow(values);
    const check = contactRowSchema.safeParse(input);
    const before = result.errors.length;
    for (const p of problems) fail(row, p.field, p.code);
    if (!check.success) {
      for (const issue of check.error.issues) {
        result.errors.push({
          row,
          field: issue.path.join('.') || 'name',
          message: zodIssueMessage(issue, ctx.locale),
        });
      }
    }
    if (!customer.code && !customer.creditCode && !customer.name) fail(row, 'customer', 'import.customer_required');
    if (result.errors.length > before || !check.success) continue;
    const provided = new Set(Object.keys(values).filter((k) => values[k as ContactImportField]?.trim()));
    parsed.push({ row, customer, input: check.data, provided });
  }
  if (parsed.length === 0) return result;

  // The customers the rows name, in one query, within the importer's contact scope.
  const codes = [...new Set(parsed.flatMap((p) => (p.customer.code ? [p.customer.code] : [])))];
  const creditCodes = [
    ...new Set(parsed.flatMap((p) => (p.customer.creditCode ? [normalizeCreditCode(p.customer.creditCode)] : []))),
  ];
  const names = [...new Set(parsed.flatMap((p) => (p.customer.name ? [p.customer.name] : [])))];
  const columns = { orgId: customers.orgId, owner: customers.ownerId, team: customers.teamId };
  const mayUpdate = can(ctx, 'contacts', 'update') ? scopeWhere(ctx, 'contacts', 'update', columns) : sql`false`;
  const scope = scopeWhere(ctx, 'contacts', 'create', columns);
  const hitColumns = sql`select ${customers.id} as id, ${customers.code} as code, ${customers.creditCode} as "creditCode",
    ${customers.name} as name, ${customers.nameEn} as "nameEn", coalesce(${mayUpdate}, false) as "mayUpdate",
    coalesce(${maySeeSql(ctx, 'personalData', { owner: customers.ownerId, team: customers.teamId })}, false) as personal`;
  // Names are found through their normalised keys' b-tree, then compared exactly.
  const keys = [...new Set(names.map(normalizeCompanyName).filter(Boolean))];
  const nameSearches =
    names.length === 0
      ? []
      : [
          byNameKeys('name_key', ctx.orgId, keys, hitColumns, scope),
          byNameKeys('name_en_key', ctx.orgId, keys, hitColumns, scope),
        ].map(
          (search) =>
            sql`select * from (${search}) n where n.name = any(${arrayParam(names)}::text[]) or n."nameEn" = any(${arrayParam(names)}::text[])`,
        );
  const identifierSearch =
    codes.length + creditCodes.length === 0
      ? []
      : [
          sql`${hitColumns} from ${customers}
              where ${and(
                scope,
                eq(customers.orgId, ctx.orgId),
                isNull(customers.mergedIntoId),
                or(
                  codes.length > 0 ? inArray(customers.code, codes) : undefined,
                  creditCodes.length > 0 ? inArray(customers.creditCode, creditCodes) : undefined,
                ),
              )}`,
        ];
  const searches = [...identifierSearch, ...nameSearches];
  const hits =
    searches.length === 0
      ? []
      : await queryRows<CustomerHit>(
          ctx.db,
          sql.join(
            searches.map((s) => sql`(${s})`),
            sql` union `,
          ),
        );
  const byCode = new Map(hits.map((h) => [h.code, h]));
  const byCreditCode = new Map(hits.filter((h) => h.creditCode).map((h) => [h.creditCode as string, h]));
  const byName = new Map<string, CustomerHit[]>();
  for (const h of hits) {
    for (const n of new Set([h.name, h.nameEn])) if (n) byName.set(n, [...(byName.get(n) ?? []), h]);
  }

  const resolved: (Parsed & { customer: CustomerHit })[] = [];
  for (const p of parsed) {
    let hit: CustomerHit | undefined;
    if (p.customer.code) hit = byCode.get(p.customer.code);
    else if (p.customer.creditCode) hit = byCreditCode.get(normalizeCreditCode(p.customer.creditCode));
    else {
      const named = byName.get(p.customer.name as string) ?? [];
      if (named.length > 1) {
        fail(p.row, 'customerName', 'import.customer_ambiguous');
        continue;
      }
      hit = named[0];
    }
    const field = p.customer.code ? 'customerCode' : p.customer.creditCode ? 'customerCreditCode' : 'customerName';
    const personal = personalColumns.find((c) => p.provided.has(c));
    if (!hit) fail(p.row, field, 'import.customer_not_found');
    // Personal data the importer may not see is neither written nor matched on (a match would confirm it).
    else if (personal && !hit.personal) fail(p.row, personal, 'contact.personal_data_hidden');
    else resolved.push({ ...p, customer: hit });
  }
  if (resolved.length === 0) return result;

  // Their contacts, once, indexed by every key a row can match on.
  const customerIds = [...new Set(resolved.map((r) => r.customer.id))];
  const existing = await ctx.db
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, ctx.orgId), inArray(contacts.customerId, customerIds)));
  const byKey = new Map<string, Working>();
  const index = (w: Working) => {
    for (const key of keysOf(w)) if (!byKey.has(key)) byKey.set(key, w);
  };
  for (const c of existing) {
    index({
      id: c.id,
      customerId: c.customerId,
      name: c.name,
      title: c.title,
      phones: c.phones,
      emails: c.emails,
      wechat: c.wechat,
      birthday: c.birthday,
      isPrimary: c.isPrimary,
      preferredChannel: c.preferredChannel,
      marketingConsent: c.marketingConsent,
      existing: c,
      touched: false,
    });
  }

  const created: Working[] = [];
  const updated = new Map<string, Working>();
  const newPrimary = new Map<string, Working>();
  for (const r of resolved) {
    const candidate = { customerId: r.customer.id, name: r.input.name, phones: r.input.phones, emails: r.input.emails };
    const match =
      policy === 'create'
        ? undefined
        : keysOf(candidate)
            .map((k) => byKey.get(k))
            .find(Boolean);
    if (match && (policy === 'skip' || !match.existing)) {
      // Skip policy, or a repeat of an earlier row of this file: nothing changes.
      result.skipped++;
      continue;
    }
    if (match) {
      if (!r.customer.mayUpdate) {
        fail(r.row, 'name', 'import.match_not_updatable');
        continue;
      }
      applyRow(match, r.input, r.provided);
      match.touched = true;
      index(match);
      updated.set(match.id, match);
      result.updated++;
      if (r.provided.has('isPrimary') && match.isPrimary) newPrimary.set(match.customerId, match);
      continue;
    }
    const fresh: Working = {
      id: uuidv7(),
      customerId: r.customer.id,
      name: r.input.name,
      title: r.input.title ?? null,
      phones: r.input.phones,
      emails: r.input.emails,
      wechat: r.input.wechat ?? null,
      birthday: r.input.birthday ?? null,
      isPrimary: r.input.isPrimary,
      preferredChannel: r.input.preferredChannel ?? null,
      marketingConsent: r.input.marketingConsent,
      existing: null,
      touched: true,
    };
    created.push(fresh);
    index(fresh);
    if (fresh.isPrimary) newPrimary.set(fresh.customerId, fresh);
  }

  // One primary per customer: the last row that made a contact primary wins.
  for (const w of [...created, ...updated.values()]) {
    if (w.isPrimary && newPrimary.has(w.customerId) && newPrimary.get(w.customerId) !== w) w.isPrimary = false;
  }
  // A customer's first contact becomes its primary one, unless this file names one.
  const lacking = await customersWithoutPrimary(
    ctx,
    created.map((contact) => contact.customerId),
  );
  for (const w of created) {
    if (!newPrimary.has(w.customerId) && lacking.delete(w.customerId)) w.isPrimary = true;
  }
  await insertContacts(ctx, created);
  await updateContacts(ctx, [...updated.values()]);
  await keepSinglePrimary(ctx, [...newPrimary.values()]);
  result.created = created.length;
  return result;
}

/** The row's filled-in cells change the contact; phones and emails are added to the ones it has. */
function applyRow(w: Working, input: ReturnType<typeof contactRowSchema.parse>, provided: Set<string>): void {
  if (provided.has('name')) w.name = input.name;
  if (provided.has('title')) w.title = input.title ?? null;
  if (provided.has('phones')) w.phones = [...new Set([...w.phones, ...input.phones])].slice(0, 10);
  if (provided.has('emails')) w.emails = [...new Set([...w.emails, ...input.emails])].slice(0, 10);
  if (provided.has('wechat')) w.wechat = input.wechat ?? null;
  if (provided.has('birthday')) w.birthday = input.birthday ?? null;
  if (provided.has('isPrimary')) w.isPrimary = input.isPrimary;
  if (provided.has('preferredChannel')) w.preferredChannel = input.preferredChannel ?? null;
  if (provided.has('marketingConsent')) w.marketingConsent = input.marketingConsent;
}

/** The contact's fields as the row left them, as the create and update inputs name them. */
const fieldsOf = (w: Working) =>
  ({
    customerId: w.customerId,
    name: w.name,
    title: w.title,
    phones: w.phones,
    emails: w.emails,
    wechat: w.wechat,
    birthday: w.birthday,
    isPrimary: w.isPrimary,
    preferredChannel: w.preferredChannel,
    marketingConsent: w.marketingConsent,
  }) as CreateContactInput;

/** New contacts through the create path's mapping, in one insert. */
async function insertContacts(ctx: Ctx, rows: Working[]): Promise<void> {
  if (rows.length === 0) return;
  await ctx.db.insert(contacts).values(rows.map((w) => newContactValues(ctx, fieldsOf(w), w.id)));
}

const changed = (w: Working) => {
  const c = w.existing as ContactRow;
  return (
    c.name !== w.name ||
    c.title !== w.title ||
    c.phones.join('\n') !== w.phones.join('\n') ||
    c.emails.join('\n') !== w.emails.join('\n') ||
    c.wechat !== w.wechat ||
    c.birthday !== w.birthday ||
    c.isPrimary !== w.isPrimary ||
    c.preferredChannel !== w.preferredChannel ||
    c.marketingConsent !== w.marketingConsent
  );
};

/**
 * Every changed contact in one statement, each with the columns an edit of the record would give it
 * (`contactPatch`: search texts, consent time); the audit trigger records each field's old → new.
 */
async function updateContacts(ctx: Ctx, rows: Working[]): Promise<void> {
  const values = rows.filter(changed).map((w) => {
    const existing = w.existing as ContactRow;
    const { customerId: _customerId, ...fields } = fieldsOf(w);
    const next = { ...existing, ...contactPatch(ctx, existing, fields as UpdateContactInput) };
    return {
      id: w.id,
      name: next.name,
      title: next.title,
      phones: next.phones,
      emails: next.emails,
      wechat: next.wechat,
      birthday: next.birthday,
      is_primary: next.isPrimary,
      preferred_channel: next.preferredChannel,
      marketing_consent: next.marketingConsent,
      consent_at: next.consentAt,
      search_text: next.searchText,
      personal_search_text: next.personalSearchText,
    };
  });
  if (values.length === 0) return;
  await queryRows(
    ctx.db,
    sql`update contacts c set
          name = v.name, title = v.title, phones = v.phones, emails = v.emails, wechat = v.wechat,
          birthday = v.birthday, is_primary = v.is_primary, preferred_channel = v.preferred_channel,
          marketing_consent = v.marketing_consent, consent_at = v.consent_at,
          search_text = v.search_text, personal_search_text = v.personal_search_text,
          version = c.version + 1, updated_at = now()
        from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(
          id uuid, name text, title text, phones text[], emails text[], wechat text, birthday date,
          is_primary boolean, preferred_channel text, marketing_consent boolean, consent_at timestamptz,
          search_text text, personal_search_text text)
        where c.org_id = ${ctx.orgId} and c.id = v.id`,
  );
}
