import { type SQL, sql } from 'drizzle-orm';
import { arrayParam } from '../../db/database';

/**
 * A join source for "the customers whose name key is one of `keys`", written so that only the
 * b-tree index (org_id, name_key / name_en_key) can serve it. The name keys also carry trigram GIN
 * indexes for similarity, and the planner prices an equality lookup through those as cheap; but
 * company names share their trigrams (有限, 公司, 货运…), so such a lookup reads much of the index:
 * seconds for a batch of 500 names at a few hundred thousand customers. A range `>= k and <= k`
 * (equal to `= k` under a deterministic collation) is something only the b-tree supports.
 */
export function byNameKeys(
  column: 'name_key' | 'name_en_key',
  orgId: string,
  keys: string[],
  select: SQL,
  where: SQL = sql`true`,
): SQL {
  return sql`select c.* from unnest(${arrayParam(keys)}::text[]) as k(key)
    cross join lateral (${select} from customers
      where org_id = ${orgId} and merged_into_id is null and ${where}
        and ${sql.raw(column)} >= k.key and ${sql.raw(column)} <= k.key) c`;
}
