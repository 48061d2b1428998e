import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../src/db/database';
import { openTestDatabase } from './harness';

/**
 * The schema stays distributable by organisation (Citus, docs/operations.md "Beyond one server"): every table has
 * `org_id`, and every primary key, unique index and foreign key includes it — except the tables listed here, which
 * are not tenant data. A new table that breaks the rule fails this test.
 */
const notDistributed: Record<string, string> = {
  // The tenants themselves: one row per organisation, keyed by its id (distributed on id, or a reference table).
  organizations: 'the tenant table, keyed by id = org_id',
  // Durable jobs: claimed across tenants by time (FOR UPDATE SKIP LOCKED); a local table of the coordinator.
  jobs: 'platform queue, kept on the coordinator',
  // Rounds of vacuum of the embedded database: the installation's, not a tenant's (PostgreSQL has autovacuum).
  database_upkeep_runs: "the embedded engine's maintenance log",
};

interface KeyRow {
  table: string;
  name: string;
  kind: 'primary' | 'unique' | 'foreign';
  columns: string[];
  references: string | null;
  referencedColumns: string[] | null;
}

describe('distribution by organisation', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let tables: { table: string; has_org_id: boolean }[];
  let keys: KeyRow[];

  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase({ migrated: true }));
    tables = await queryRows(
      database.db,
      sql`select c.relname as "table",
                 exists (select 1 from pg_attribute a
                          where a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped) as has_org_id
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
           order by 1`,
    );
    keys = await queryRows<KeyRow>(
      database.db,
      sql`select c.relname as "table", i.relname as name,
                 case when ix.indisprimary then 'primary' else 'unique' end as kind,
                 array(select coalesce(a.attname::text, 'expression') from unnest(ix.indkey::int2[]) k
                         left join pg_attribute a on a.attrelid = c.oid and a.attnum = k) as columns,
                 null as "references", null as "referencedColumns"
            from pg_index ix
            join pg_class c on c.oid = ix.indrelid
            join pg_class i on i.oid = ix.indexrelid
            join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and (ix.indisunique or ix.indisprimary)
          union all
          select c.relname, con.conname, 'foreign',
                 array(select a.attname::text from unnest(con.conkey) k
                         join pg_attribute a on a.attrelid = c.oid and a.attnum = k),
                 r.relname,
                 array(select a.attname::text from unnest(con.confkey) k
                         join pg_attribute a on a.attrelid = r.oid and a.attnum = k)
            from pg_constraint con
            join pg_class c on c.oid = con.conrelid
            join pg_class r on r.oid = con.confrelid
            join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and con.contype = 'f'
           order by 1, 2`,
    );
  });
  afterAll(() => drop());

  it('has org_id on every table but the listed ones', () => {
    expect(tables.length).toBeGreaterThan(40);
    const without = tables.filter((t) => !t.has_org_id && !Object.hasOwn(notDistributed, t.table));
    expect(without.map((t) => t.table)).toEqual([]);
  });

  it('puts org_id in every primary key, unique index and foreign key of the distributed tables', () => {
    const offending = keys
      .filter((k) => !Object.hasOwn(notDistributed, k.table))
      .filter(
        (k) =>
          !k.columns.includes('org_id') ||
          (k.kind === 'foreign' &&
            // A foreign key must join on the organisation on both sides (co-located), unless it names a
            // table that is not distributed.
            !Object.hasOwn(notDistributed, k.references as string) &&
            k.referencedColumns?.[k.columns.indexOf('org_id')] !== 'org_id'),
      )
      .map((k) => `${k.table}.${k.name} (${k.kind}: ${k.columns.join(', ')})`);
    expect(offending).toEqual([]);
  });

  it('has a primary key on every table', () => {
    const withPrimary = new Set(keys.filter((k) => k.kind === 'primary').map((k) => k.table));
    expect(tables.map((t) => t.table).filter((t) => !withPrimary.has(t))).toEqual([]);
  });
});
