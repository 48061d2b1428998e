import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/database';
import type { Ctx } from '../../platform/context';
import { searchNeedle } from './customer-search-keys';
import { contacts, customers } from './tables';

/**
 * How many matches a search collects through the text indexes before it calls a term common.
 * Below it, the list reads exactly those records by id; above it, the newest-first walk of the
 * list index meets a match every few rows, so filtering while walking is the cheap plan. Either
 * way no request touches more than a few thousand rows, whatever the number of customers.
 */
export const searchCandidateCap = 1000;

const likePattern = (needle: string) => `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Text match on a table's normalised search columns: trigrams from three characters, grams below. */
function textMatch(table: typeof customers | typeof contacts, needle: string): SQL {
  return needle.length === 2
    ? sql`${table.searchGrams} @> ${`{"${needle.replace(/["\\]/g, (c) => `\\${c}`)}"}`}::text[]`
    : sql`${table.searchText} like ${likePattern(needle)}`;
}

/** How many of the newest rows of a filtered list a search walks before it turns to the indexes. */
export const searchWalkWindow = 2000;

/** The customer or one of its contacts matches: the condition a bounded walk checks row by row. */
export function searchMatch(needle: string): SQL {
  return sql`(${textMatch(customers, needle)} or exists (select 1 from ${contacts}
    where ${contacts.orgId} = ${customers.orgId} and ${contacts.customerId} = ${customers.id}
      and ${textMatch(contacts, needle)}))`;
}

const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;

/**
 * The condition a customer list adds for a search term: customers whose code, names, pinyin,
 * initials, credit code, phone or email contain it, or who have a contact whose name, phone or
 * email does. Returns null for a term that cannot match anything (nothing searchable in it).
 */
export async function customerSearchCondition(ctx: Ctx, text: string, cap = searchCandidateCap): Promise<SQL | null> {
  const needle = searchNeedle(text);
  if (!needle) return null;
  const limit = cap + 1;
  const rows = await queryRows<{ source: 'customer' | 'contact'; id: string }>(
    ctx.db,
    sql`(select 'customer' as source, id from ${customers}
          where ${customers.orgId} = ${ctx.orgId} and ${customers.mergedIntoId} is null and ${textMatch(customers, needle)}
          limit ${limit})
        union all
        (select 'contact', ${contacts.customerId} from ${contacts}
          where ${contacts.orgId} = ${ctx.orgId} and ${textMatch(contacts, needle)}
          limit ${limit})`,
  );
  const byCustomer = rows.filter((r) => r.source === 'customer').map((r) => r.id);
  const byContact = rows.filter((r) => r.source === 'contact').map((r) => r.id);
  const conditions: SQL[] = [];
  const ids = new Set<string>();
  if (byCustomer.length > cap) conditions.push(textMatch(customers, needle));
  else for (const id of byCustomer) ids.add(id);
  if (byContact.length > cap) {
    conditions.push(searchMatch(needle));
  } else for (const id of byContact) ids.add(id);
  if (ids.size > 0) conditions.push(sql`${customers.id} = any(${uuidArray([...ids])}::uuid[])`);
  if (conditions.length === 0) return sql`false`;
  return conditions.length === 1 ? (conditions[0] as SQL) : sql`(${sql.join(conditions, sql` or `)})`;
}
