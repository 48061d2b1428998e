import { type SQL, sql } from 'drizzle-orm';
import { arrayParam, queryRows } from '../../db/database';
import type { Ctx } from '../../platform/context';

/**
 * Pairs every company name has, not stored as keys. The list is berth_search_key_stop_pairs()
 * (migration 0033); a test checks that this copy is the same.
 */
export const unkeyedPairs: ReadonlySet<string> = new Set([
  '有限',
  '限公',
  '公司',
  '责任',
  '任公',
  '股份',
  '份有',
  '集团',
]);

const chinese = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const chineseRuns = new RegExp(`[${chinese}]+`, 'g');
const chinesePair = new RegExp(`^[${chinese}]{2}$`);

/** Lower-case hex and ASCII compare the same in JavaScript and under COLLATE "C". */
const smaller = (a: string, b: string) => (a < b ? a : b);

/**
 * The search keys every match of a term carries, by the rules of berth_search_keys (migration
 * 0033). A two-character term matches by gram: its key is the pair (Chinese) or 'g:' and the gram.
 * A longer term matches where a text contains it, so each run of one class in it lies in a run of
 * the same class in the text: its Chinese pairs, 'd:' and every four adjacent digits, 'l:' and the
 * smaller of every two adjacent letter trigrams. None when no run is long enough (three letters,
 * three digits) or the term is made only of company suffixes: those are searched along the list.
 */
export function termKeys(needle: string): string[] {
  const keys = new Set<string>();
  if (needle.length === 2) {
    if (!chinesePair.test(needle)) return [`g:${needle}`];
    return unkeyedPairs.has(needle) ? [] : [needle];
  }
  if (needle.length < 3) return [];
  for (const run of needle.match(chineseRuns) ?? []) {
    for (let i = 0; i + 2 <= run.length; i++) {
      const pair = run.slice(i, i + 2);
      if (!unkeyedPairs.has(pair)) keys.add(pair);
    }
  }
  for (const run of needle.match(/[0-9]+/g) ?? []) {
    for (let i = 0; i + 4 <= run.length; i++) keys.add(`d:${run.slice(i, i + 4)}`);
  }
  for (const run of needle.match(/[a-z]+/g) ?? []) {
    for (let i = 0; i + 4 <= run.length; i++) keys.add(`l:${smaller(run.slice(i, i + 3), run.slice(i + 1, i + 4))}`);
  }
  return spread([...keys], maxTermKeys);
}

/** Enough keys for any term to meet a rare one; each costs a probe of a few hundred entries at most. */
const maxTermKeys = 10;

/** At most `n` of the keys, spread along the term (any subset of a term's keys is carried by its matches). */
function spread(keys: string[], n: number): string[] {
  if (keys.length <= n) return keys;
  return Array.from({ length: n }, (_, i) => keys[Math.floor((i * (keys.length - 1)) / (n - 1))] as string);
}

/** How many key entries a probe counts before it calls a key common. */
const probeCap = 500;

/**
 * The newest customers carrying all of a term's keys among the `window` newest entries of its
 * rarest key below `below`, whether that was all of them, and the last entry read. The rarest key is found by counting each
 * key's entries up to a small cap; its entries are read newest first along the primary key
 * (org_id, key, customer_id), a plan with no alternative; the other keys' entries in the same
 * id range drop the candidates that lack one of them.
 */
export async function keyCandidates(
  ctx: Ctx,
  keys: string[],
  window: number,
  below?: string,
): Promise<{ ids: string[]; complete: boolean; last?: string }> {
  const under = (column: SQL) => (below ? sql`and ${column} < ${below}::uuid` : sql``);
  let rarest = keys[0] as string;
  if (keys.length > 1) {
    const counts = await queryRows<{ key: string; n: number }>(
      ctx.db,
      sql`select k.key, (select count(*)::int from (select 1 from customer_search_keys s
                                                      where s.org_id = ${ctx.orgId} and s.key = k.key ${under(sql`s.customer_id`)}
                                                      limit ${probeCap + 1}) e) as n
            from unnest(${arrayParam(keys)}::text[]) as k(key)`,
    );
    counts.sort((a, b) => Number(a.n) - Number(b.n));
    rarest = counts[0]?.key ?? rarest;
    if (Number(counts[0]?.n ?? 0) === 0) return { ids: [], complete: true };
  }
  const rows = await queryRows<{ id: string }>(
    ctx.db,
    sql`select s.customer_id as id from customer_search_keys s
         where s.org_id = ${ctx.orgId} and s.key = ${rarest} ${under(sql`s.customer_id`)}
         order by s.customer_id desc limit ${window + 1}`,
  );
  const complete = rows.length <= window;
  let ids = rows.slice(0, window).map((r) => r.id);
  const last = ids[ids.length - 1];
  const others = keys.filter((k) => k !== rarest);
  // A handful of candidates costs less to check by the condition than to look their keys up.
  if (ids.length > 16 && others.length > 0) {
    // Each other key, looked up for exactly these candidates through the primary key.
    const kept = await queryRows<{ id: string }>(
      ctx.db,
      sql`select c.id from unnest(${arrayParam(ids)}::uuid[]) as c(id)
           where (select count(*) from customer_search_keys s
                   where s.org_id = ${ctx.orgId} and s.key = any(${arrayParam(others)}::text[]) and s.customer_id = c.id)
                 = ${others.length}`,
    );
    const keep = new Set(kept.map((r) => r.id));
    ids = ids.filter((id) => keep.has(id));
  }
  return { ids, complete, last };
}

/**
 * The live customers carrying every key of a term when there are at most `cap` of them: every
 * customer (and every contact of a customer) the term matches is among them. Null when the term
 * has no keys or they are carried by more; the caller then searches without them.
 */
export async function keyedCustomerIds(ctx: Ctx, needle: string, cap: number): Promise<string[] | null> {
  const keys = termKeys(needle);
  if (keys.length === 0) return null;
  const found = await keyCandidates(ctx, keys, cap);
  return found.complete ? found.ids : null;
}

/** How many key holders a contact search reads by id before it searches the contacts' texts directly. */
export const contactSearchKeyCap = 2000;
