import { type SQL, sql } from 'drizzle-orm';
import { arrayParam, queryRows } from '../../db/database';
import type { Ctx } from '../../platform/context';
import { maySeeAny, maySeeSql } from '../../platform/field-access';
import { searchNeedle } from './customer-search-keys';
import { contacts, customers } from './tables';

/**
 * How many matches a search collects through the text indexes before it calls a term common.
 * Below it, the list reads exactly those records by id; above it, the newest-first walk of the
 * list index meets a match every few rows, so filtering while walking is the cheap plan. Either
 * way no request touches more than a few thousand rows, whatever the number of customers.
 * Collecting costs one heap visit a match (wide customer rows cost about twice a narrow
 * contact); measured at 1M customers, the cross-over of the two plans lies near 2,500 customer
 * matches and 4,000 contact matches.
 */
export interface SearchCaps {
  customers: number;
  contacts: number;
}
export const searchCandidateCaps: SearchCaps = { customers: 2500, contacts: 4000 };

const likePattern = (needle: string) => `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const gramArray = (needle: string) => `{"${needle.replace(/["\\]/g, (c) => `\\${c}`)}"}`;

/** Text match on a table's normalised search columns: trigrams from three characters, grams below. */
function textMatch(table: typeof customers | typeof contacts, needle: string): SQL {
  return needle.length === 2
    ? sql`${table.searchGrams} @> ${gramArray(needle)}::text[]`
    : sql`${table.searchText} like ${likePattern(needle)}`;
}

/** Text match on contacts' personal data (phones, emails, WeChat); word starts only below three characters. */
function personalTextMatch(needle: string): SQL {
  return needle.length === 2
    ? sql`${contacts.personalSearchGrams} @> ${gramArray(needle)}::text[]`
    : sql`${contacts.personalSearchText} like ${likePattern(needle)}`;
}

/** The same matches on the contacts' texts and grams folded onto their customer (migrations 0016, 0018). */
function contactTextMatch(needle: string): SQL {
  return needle.length === 2
    ? sql`${customers.contactSearchGrams} @> ${gramArray(needle)}::text[]`
    : sql`${customers.contactSearchText} like ${likePattern(needle)}`;
}
function contactPersonalMatch(needle: string): SQL {
  return needle.length === 2
    ? sql`${customers.contactPersonalGrams} @> ${gramArray(needle)}::text[]`
    : sql`${customers.contactPersonalText} like ${likePattern(needle)}`;
}

/**
 * Where the caller may search by contacts' personal data: only where they see it unmasked
 * (personalData.read in scope for the customer), so a search cannot rebuild a masked number.
 */
export function personalSearchable(ctx: Ctx): SQL {
  return maySeeSql(ctx, 'personalData', { owner: customers.ownerId, team: customers.teamId });
}

/** The contact side of a match: names for anyone, personal data where the caller sees it. */
function contactMatch(ctx: Ctx, needle: string): SQL {
  if (!maySeeAny(ctx, 'personalData')) return contactTextMatch(needle);
  return sql`(${contactTextMatch(needle)} or (${contactPersonalMatch(needle)} and ${personalSearchable(ctx)}))`;
}

/** The contact list's search (a query joined with the contact's customer): the same rule, by LIKE. */
export function contactSearchMatch(ctx: Ctx, needle: string): SQL {
  const name = sql`${contacts.searchText} like ${likePattern(needle)}`;
  if (!maySeeAny(ctx, 'personalData')) return name;
  return sql`(${name} or (${contacts.personalSearchText} like ${likePattern(needle)} and ${personalSearchable(ctx)}))`;
}

/** How many of the newest rows of a filtered list a search walks before it turns to the indexes. */
export const searchWalkWindow = 2000;

/**
 * The customer or one of its contacts matches: the condition a bounded walk checks row by row,
 * on the customer row alone (its contacts' texts are folded onto it).
 */
export function searchMatch(ctx: Ctx, needle: string): SQL {
  return sql`(${textMatch(customers, needle)} or ${contactMatch(ctx, needle)})`;
}

/** The customers with one of these ids. */
export const customerIdIn = (ids: string[]): SQL => sql`${customers.id} = any(${arrayParam(ids)}::uuid[])`;

/**
 * What a search hands the list: the exact ids of the matching customers, newest first, when both
 * sides stayed under their cap; otherwise a condition to check while walking the list.
 */
export type SearchCandidates = { ids: string[] } | { condition: SQL };

/**
 * The candidates for a search term: customers whose code, names, pinyin, initials, credit code,
 * phone or email contain it, or who have a contact whose name does, or whose phone, email or
 * WeChat does where the caller sees those unmasked. Null for a term that cannot match anything
 * (nothing searchable in it).
 */
export async function customerSearchCandidates(
  ctx: Ctx,
  text: string,
  caps: SearchCaps = searchCandidateCaps,
): Promise<SearchCandidates | null> {
  const needle = searchNeedle(text);
  if (!needle) return null;
  const rows = await queryRows<{ source: 'customer' | 'contact' | 'personal'; id: string }>(
    ctx.db,
    sql`(select 'customer' as source, id from ${customers}
          where ${customers.orgId} = ${ctx.orgId} and ${customers.mergedIntoId} is null and ${textMatch(customers, needle)}
          limit ${caps.customers + 1})
        union all
        (select 'contact', ${contacts.customerId} from ${contacts}
          where ${contacts.orgId} = ${ctx.orgId} and ${textMatch(contacts, needle)}
          limit ${caps.contacts + 1})
        ${
          !maySeeAny(ctx, 'personalData')
            ? sql``
            : sql`union all
        (select 'personal', ${contacts.customerId} from ${contacts}
           join ${customers} on ${customers.orgId} = ${contacts.orgId} and ${customers.id} = ${contacts.customerId}
          where ${contacts.orgId} = ${ctx.orgId} and ${personalTextMatch(needle)} and ${personalSearchable(ctx)}
          limit ${caps.contacts + 1})`
        }`,
  );
  const byCustomer = rows.filter((r) => r.source === 'customer').map((r) => r.id);
  const byContact = rows.filter((r) => r.source === 'contact').map((r) => r.id);
  const byPersonal = rows.filter((r) => r.source === 'personal').map((r) => r.id);
  const customerSideCommon = byCustomer.length > caps.customers;
  const contactSideCommon = byContact.length > caps.contacts || byPersonal.length > caps.contacts;
  const ids = [
    ...new Set([
      ...(customerSideCommon ? [] : byCustomer),
      ...(contactSideCommon ? [] : [...byContact, ...byPersonal]),
    ]),
  ];
  // Lower-case hex compares as PostgreSQL orders uuids: newest (UUIDv7) first.
  ids.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  if (!customerSideCommon && !contactSideCommon) return { ids };
  const conditions = [contactSideCommon ? searchMatch(ctx, needle) : textMatch(customers, needle)];
  if (ids.length > 0) conditions.push(customerIdIn(ids));
  return { condition: conditions.length === 1 ? (conditions[0] as SQL) : sql`(${sql.join(conditions, sql` or `)})` };
}

/** The candidates as one SQL condition. */
export async function customerSearchCondition(
  ctx: Ctx,
  text: string,
  caps: SearchCaps = searchCandidateCaps,
): Promise<SQL | null> {
  const candidates = await customerSearchCandidates(ctx, text, caps);
  if (!candidates) return null;
  if ('condition' in candidates) return candidates.condition;
  return candidates.ids.length > 0 ? customerIdIn(candidates.ids) : sql`false`;
}
