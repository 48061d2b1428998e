import { type SQL, sql } from 'drizzle-orm';
import { arrayParam, queryRows } from '../../db/database';
import type { Ctx } from '../../platform/context';

/** Pairs every company name has, not stored as keys: the same list as berth_search_keys (migration 0032). */
const unkeyedPairs = new Set(['有限', '限公', '公司', '责任', '任公', '股份', '份有', '集团']);
const chineseOnly = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}$/;

/**
 * The search keys every match of a term carries: its pairs of adjacent Chinese characters (a text
 * containing the term contains each of them). None for a term with other characters, or made only
 * of company suffixes: those are searched along the list instead.
 */
export function termKeys(needle: string): string[] {
  if (!chineseOnly.test(needle)) return [];
  const keys = new Set<string>();
  for (let i = 0; i + 2 <= needle.length; i++) {
    const pair = needle.slice(i, i + 2);
    if (!unkeyedPairs.has(pair)) keys.add(pair);
  }
  return [...keys];
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
