import { once } from 'node:events';
import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { type Db, type Executor, queryRows } from './database';

/**
 * A logical backup: gzip'd JSON lines — a header, then for each table a marker line and its rows.
 * It is engine-neutral (PGlite ↔ PostgreSQL), streams in batches, and restores in one transaction.
 */
const format = 'berth-backup';
const batchSize = 1000;
/** Rows of tables holding files (bytea) go a few at a time, and a restore batch is flushed by size too. */
const binaryBatchSize = 8;
const batchBytes = 16 * 1024 * 1024;

export async function listTables(db: Executor): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
         where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return rows.map((r) => r.name);
}

async function tablesWithBinary(db: Executor): Promise<Set<string>> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select distinct table_name as name from information_schema.columns
         where table_schema = 'public' and data_type = 'bytea'`,
  );
  return new Set(rows.map((r) => r.name));
}

async function migrationCount(db: Executor): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return Number(rows[0]?.n ?? 0);
}

export async function backupDatabase(db: Db, file: string): Promise<{ tables: number; rows: number }> {
  const gzip = createGzip();
  const out = fs.createWriteStream(file);
  gzip.pipe(out);
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  let rows = 0;
  const tables = await listTables(db);
  const binary = await tablesWithBinary(db);
  await db.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read`);
    await write({ format, version: 1, migrations: await migrationCount(tx), createdAt: new Date().toISOString() });
    for (const table of tables) {
      await write({ table });
      await tx.execute(
        sql.raw(`declare backup_rows no scroll cursor for select row_to_json(t)::text as j from "${table}" t`),
      );
      // bytea comes out of row_to_json as '\\x…' hex text, which jsonb_populate_recordset reads back byte for byte.
      const fetchSize = binary.has(table) ? binaryBatchSize : batchSize;
      for (;;) {
        const batch = await queryRows<{ j: string }>(tx, sql.raw(`fetch ${fetchSize} from backup_rows`));
        // Each row as PostgreSQL wrote it, not re-encoded by JavaScript: a numeric such as 1234.5000 inside a
        // jsonb value (the audit log's changes) keeps its digits, which a JSON number would drop.
        for (const row of batch) if (!gzip.write(`${row.j}\n`)) await once(gzip, 'drain');
        rows += batch.length;
        if (batch.length < fetchSize) break;
      }
      await tx.execute(sql.raw('close backup_rows'));
    }
  });
  gzip.end();
  await once(out, 'finish');
  return { tables: tables.length, rows };
}

/** Columns a restore writes, per table: generated columns are computed again, never inserted. */
async function writableColumns(db: Executor): Promise<Map<string, string[]>> {
  const rows = await queryRows<{ table: string; column: string }>(
    db,
    sql`select table_name as "table", column_name as "column" from information_schema.columns
         where table_schema = 'public' and is_generated = 'NEVER' order by table_name, ordinal_position`,
  );
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.table, [...(map.get(r.table) ?? []), r.column]);
  return map;
}

/** Restores into a migrated database; refuses a non-empty one unless `replace` is set. */
export async function restoreDatabase(db: Db, file: string, options: { replace: boolean }): Promise<{ rows: number }> {
  let rows = 0;
  await db.transaction(async (tx) => {
    // Rows go back as they were: no audit triggers, no FK ordering needed (needs a superuser).
    await tx.execute(sql`set local session_replication_role = replica`);
    const tables = await listTables(tx);
    const columns = await writableColumns(tx);
    const existing = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from organizations`);
    if (Number(existing[0]?.n) > 0) {
      if (!options.replace) throw new Error('The database already holds data. Use --replace to overwrite it.');
      await tx.execute(sql.raw(`truncate ${tables.map((t) => `"${t}"`).join(', ')}`));
    }
    let header: { format?: string; migrations?: number } | null = null;
    let table: string | null = null;
    /** The rows of the batch as their lines, handed to jsonb as they are (see the backup). */
    let batch: string[] = [];
    let pendingBytes = 0;
    // Opened only now, with no await before the loop: lines read while nothing iterates are lost.
    const lines = readline.createInterface({
      input: fs.createReadStream(file).pipe(createGunzip()),
      crlfDelay: Infinity,
    });
    const flush = async () => {
      if (!table || batch.length === 0) return;
      const list = sql.join(
        (columns.get(table) ?? []).map((c) => sql.identifier(c)),
        sql`, `,
      );
      await tx.execute(
        sql`insert into ${sql.identifier(table)} (${list}) select ${list} from jsonb_populate_recordset(null::${sql.identifier(table)}, ${`[${batch.join(',')}]`}::jsonb)`,
      );
      rows += batch.length;
      batch = [];
      pendingBytes = 0;
    };
    for await (const line of lines) {
      if (!line) continue;
      const value = JSON.parse(line);
      if (!header) {
        header = value;
        if (header?.format !== format) throw new Error('This file is not a Berth backup.');
        if ((header.migrations ?? 0) > (await migrationCount(tx))) {
          throw new Error('The backup comes from a newer version of Berth. Upgrade first.');
        }
        continue;
      }
      if (value && typeof value === 'object' && 'table' in value && Object.keys(value).length === 1) {
        await flush();
        table = String(value.table);
        if (!tables.includes(table)) throw new Error(`Unknown table in backup: ${table}`);
        continue;
      }
      batch.push(line);
      pendingBytes += line.length;
      if (batch.length >= batchSize || pendingBytes >= batchBytes) await flush();
    }
    await flush();
    if (!header) throw new Error('The backup file is empty.');
  });
  return { rows };
}
