import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: what services run their queries on. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export class DataDirLockedError extends Error {}

/** Extensions the migrations use, loaded into the embedded engine (a server has them installed). */
const extensions = { pg_trgm };

/**
 * Opens PostgreSQL when a URL is given, otherwise the embedded PGlite in `dataDir` (or memory).
 * An in-memory database can start as a copy of another one's `snapshotDatabase` (tests).
 */
export async function openDatabase(options: {
  url?: string;
  dataDir?: string | null;
  snapshot?: Blob;
  /** The embedded engine's page cache (PostgreSQL's `shared_buffers`, e.g. `512MB`); its own default otherwise. */
  sharedBuffers?: string;
}): Promise<Database> {
  if (options.url) {
    // JIT compilation pays off for long analytical queries; for requests of a few milliseconds whose
    // cost estimate crosses jit_above_cost (a walk with a LIMIT is priced as the whole walk) it
    // added 20–180 ms of compilation per query at a million customers.
    const pool = new pg.Pool({ connectionString: options.url, max: 10, options: '-c jit=off' });
    await pool.query('select 1');
    return { db: drizzlePg(pool, { schema }) as unknown as Db, engine: 'postgres', close: () => pool.end() };
  }
  // The engine reads and writes its pages through JavaScript file calls; a cache smaller than the
  // tables' working set (an import's indexes) evicts and rewrites the same pages again and again.
  const startParams = options.sharedBuffers
    ? [...PGlite.defaultStartParams, '-c', `shared_buffers=${options.sharedBuffers}`]
    : undefined;
  if (!options.dataDir) {
    const client = await PGlite.create({ extensions, loadDataDir: options.snapshot, startParams });
    return { db: drizzlePglite(client, { schema }) as unknown as Db, engine: 'pglite', close: () => client.close() };
  }
  const dir = path.join(options.dataDir, 'pglite');
  fs.mkdirSync(dir, { recursive: true });
  const releaseLock = acquireDirectoryLock(path.join(options.dataDir, 'server.lock'));
  try {
    const client = await PGlite.create(dir, { extensions, startParams });
    return {
      db: drizzlePglite(client, { schema }) as unknown as Db,
      engine: 'pglite',
      close: async () => {
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/** An in-memory embedded database's data directory as an uncompressed tarball, for `openDatabase({ snapshot })`. */
export async function snapshotDatabase(database: Database): Promise<Blob> {
  if (database.engine !== 'pglite') throw new Error('only the embedded database can be snapshotted');
  const client = (database.db as unknown as { $client: PGlite }).$client;
  return client.dumpDataDir('none');
}

/** Lock files this process holds: a second open in the same process is refused too. */
const heldLocks = new Set<string>();

/**
 * PGlite is a single-process database: a second server on the same directory would corrupt it.
 * A lock file holding the owner's pid keeps the second one out; a lock left by a dead process is taken over.
 */
function acquireDirectoryLock(lockPath: string): () => void {
  const key = path.resolve(lockPath);
  if (heldLocks.has(key)) {
    throw new DataDirLockedError(
      `The data directory ${path.dirname(lockPath)} is already open in this process (pid ${process.pid}).`,
    );
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      heldLocks.add(key);
      return () => {
        heldLocks.delete(key);
        fs.rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(lockPath, 'utf8').trim());
      // Our own pid in a lock we do not hold is left from an earlier run (e.g. pid 1 in a container).
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new DataDirLockedError(
          `The data directory ${path.dirname(lockPath)} is in use by another Berth process (pid ${owner}). ` +
            'Stop that process first, or set DATA_DIR to another directory.',
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not lock the data directory ${path.dirname(lockPath)}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A list as one query parameter in PostgreSQL's array input syntax, for `= any($1::text[])` or
 * `::uuid[]`: one parameter however long the list, every item quoted.
 */
export const arrayParam = (items: readonly string[]): string =>
  `{${items.map((item) => `"${item.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
