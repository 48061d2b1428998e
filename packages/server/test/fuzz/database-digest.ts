import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../src/db/database';

/**
 * A fingerprint of every table in the public schema: row count and an md5 over the rows, one
 * query. Comparing two fingerprints tells whether anything at all was written in between.
 *
 * Left out, because writing them is what a refused request is meant to do:
 * - `idempotency_keys`: the replay store records the answer to a POST with an Idempotency-Key,
 *   a refusal included, so that a retry gets the same answer.
 * - `sessions.last_seen_at` / `expires_at`: the sliding idle expiry, touched at most once a
 *   minute by any authenticated request.
 */
const ignoredTables = new Set(['idempotency_keys']);
const ignoredColumns: Record<string, string[]> = { sessions: ['last_seen_at', 'expires_at'] };

/**
 * A refused sign-in is recorded on purpose: the audit log gets a `login_failed` entry and the
 * account's failure counter moves toward the lockout. `users.profile` fingerprints the users
 * without that bookkeeping so the rest of the row is still checked on those requests.
 */
export const signInBookkeeping = { tables: ['audit_log', 'users'], columns: ['failed_logins', 'locked_until'] };
const derivedDigests = [{ label: 'users.profile', table: 'users', without: signInBookkeeping.columns }];

export type Digest = Map<string, string>;

function rowHashSelect(label: string, table: string, without: string[]): string {
  const row = without.reduce((expr, column) => `${expr} - '${column}'`, 'to_jsonb(t)');
  return (
    `select '${label}' as label, count(*)::text || ':' || ` +
    `coalesce(md5(string_agg(h, '' order by h)), '') as digest ` +
    `from (select md5((${row})::text) as h from "${table}" t) rows`
  );
}

export async function databaseDigester(db: Db) {
  const tables = (
    await queryRows<{ name: string }>(
      db,
      sql`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )
  )
    .map((t) => t.name)
    .filter((name) => !ignoredTables.has(name));
  const query = [
    ...tables.map((table) => rowHashSelect(table, table, ignoredColumns[table] ?? [])),
    ...derivedDigests.map((d) => rowHashSelect(d.label, d.table, d.without)),
  ].join('\nunion all\n');

  return {
    tables,
    async digest(): Promise<Digest> {
      const rows = await queryRows<{ label: string; digest: string }>(db, sql.raw(query));
      return new Map(rows.map((r) => [r.label, r.digest]));
    },
  };
}

/** The labels whose fingerprint differs, leaving out the ones a request may change. */
export function changedTables(before: Digest, after: Digest, allowed: readonly string[] = []): string[] {
  const labels = new Set([...before.keys(), ...after.keys()]);
  return [...labels].filter((label) => !allowed.includes(label) && before.get(label) !== after.get(label));
}
