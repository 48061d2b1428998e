import { once } from 'node:events';
import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { type Database, type Db, type Executor, queryRows } from './database';
import { migrateDatabase } from './migrate';

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

interface BackupHeader {
  format?: string;
  /** How many migrations the database had when it was backed up (the journal only ever grows). */
  migrations?: number;
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

/** The backup's first line, read on its own before anything is written. */
async function readHeader(file: string): Promise<BackupHeader> {
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  try {
    for await (const line of lines) {
      if (!line) continue;
      const header = JSON.parse(line) as BackupHeader;
      if (header?.format !== format || typeof header.migrations !== 'number') {
        throw new Error('This file is not a Berth backup.');
      }
      return header;
    }
  } catch (error) {
    if (error instanceof SyntaxError || (error as { code?: string }).code === 'Z_DATA_ERROR') {
      throw new Error('This file is not a Berth backup.');
    }
    throw error;
  } finally {
    lines.close();
  }
  throw new Error('The backup file is empty.');
}

async function holdsData(db: Executor): Promise<boolean> {
  const existing = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from organizations`);
  return Number(existing[0]?.n) > 0;
}

/**
 * Restores into a migrated database; refuses a non-empty one unless `replace` is set.
 *
 * A backup of an earlier release is not poured into today's tables, where a column that a later migration moved or
 * converted (an amount leaving a JSON value for its own column, say) would come back empty: the schema is rebuilt as
 * it was when the backup was taken, the rows go back into it, and the later migrations then carry them forward as
 * they carried every other database. That rebuild drops the schema, so it is done on an empty database only.
 */
export async function restoreDatabase(
  database: Database,
  file: string,
  options: { replace: boolean },
): Promise<{ rows: number }> {
  const header = await readHeader(file);
  const backedUp = header.migrations ?? 0;
  const current = await migrationCount(database.db);
  if (backedUp > current) throw new Error('The backup comes from a newer version of Berth. Upgrade first.');
  if (backedUp === current) return restoreRows(database.db, file, options);

  if (await holdsData(database.db)) {
    throw new Error(
      options.replace
        ? `The backup comes from an earlier version of Berth (${backedUp} of ${current} migrations): it restores into an empty database only, where it is migrated forward after. Restore it into a new data directory or database.`
        : 'The database already holds data. Use --replace to overwrite it.',
    );
  }
  await database.db.execute(sql`drop schema if exists drizzle cascade`);
  await database.db.execute(sql`drop schema public cascade`);
  await database.db.execute(sql`create schema public`);
  await migrateDatabase(database, { count: backedUp });
  const restored = await restoreRows(database.db, file, { replace: false });
  await migrateDatabase(database);
  return restored;
}

async function restoreRows(db: Db, file: string, options: { replace: boolean }): Promise<{ rows: number }> {
  let rows = 0;
  await db.transaction(async (tx) => {
    // Rows go back as they were: no audit triggers, no FK ordering needed (needs a superuser).
    await tx.execute(sql`set local session_replication_role = replica`);
    const tables = await listTables(tx);
    const columns = await writableColumns(tx);
    if (await holdsData(tx)) {
      if (!options.replace) throw new Error('The database already holds data. Use --replace to overwrite it.');
      await tx.execute(sql.raw(`truncate ${tables.map((t) => `"${t}"`).join(', ')}`));
    }
    let header: BackupHeader | null = null;
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
