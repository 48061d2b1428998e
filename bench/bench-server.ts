import fs from 'node:fs';
import { type Db, openDatabase, queryRows, snapshotDatabase } from '@berth/server/db/database';
import { createOrganization } from '@berth/server/modules/setup/create-organization';
import { loadConfig } from '@berth/server/platform/config';
import { createServer } from '@berth/server/server';
import { sql } from 'drizzle-orm';

const email = 'bench@example.com';
const password = 'Bench-password-1';

/**
 * The real server on a fresh database (in-memory PGlite, PGlite on BENCH_PGLITE_DIR, or DATABASE_URL) with one
 * organisation; `listen` serves it on a loopback port and signs the administrator in
 * (session cookie and CSRF token).
 */
export async function startBenchServer() {
  const snapshotFile = pgliteSnapshotFile();
  const snapshot = snapshotFile && fs.existsSync(snapshotFile) ? readSnapshot(snapshotFile) : undefined;
  // BENCH_PGLITE_DIR: the embedded engine on files in that (new, empty) directory instead of in memory, for sizes
  // whose database does not fit in the engine's memory (10,000,000 tracking events).
  const dataDir = process.env.DATABASE_URL ? null : process.env.BENCH_PGLITE_DIR || null;
  // Files as large as the import bench writes (1M rows ≈ 150 MB) are let in, as an operator raising the limit would.
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    LOGIN_RATE_PER_MINUTE: '10000',
    IMPORT_LIMIT_BYTES: String(1024 * 1024 * 1024),
    UPLOAD_LIMIT_BYTES: String(1024 * 1024 * 1024),
    // The embedded engine's page cache as the server sets it (PGLITE_SHARED_BUFFERS to compare sizes).
    ...(process.env.PGLITE_SHARED_BUFFERS ? { PGLITE_SHARED_BUFFERS: process.env.PGLITE_SHARED_BUFFERS } : {}),
  });
  const database = await openDatabase({
    url: process.env.DATABASE_URL,
    dataDir,
    snapshot: dataDir ? undefined : snapshot,
    sharedBuffers: config.PGLITE_SHARED_BUFFERS,
  });
  const server = await createServer(config, { database, logger: false, startJobs: false });
  const reused = reuseRequested() || snapshot ? await benchOrganization(server.deps.db) : null;
  const { orgId, adminId } =
    reused ??
    (await createOrganization(
      server.deps.db,
      { organization: { name: 'Bench' }, admin: { name: 'Bench', email, password } },
      { onlyIfFirst: false },
    ));
  return {
    /** True when BENCH_REUSE found the organisation of an earlier run in the DATABASE_URL database. */
    reused: reused !== null,
    db: server.deps.db,
    engine: database.engine,
    /** The durable job runner (not started): benches run queued jobs with `jobs.runDue()`. */
    jobs: server.deps.jobs,
    orgId,
    adminId,
    async listen() {
      const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
      const login = await fetch(`${address}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (!login.ok) throw new Error(`bench sign-in failed: HTTP ${login.status} ${await login.text()}`);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
      // Writes need the session's CSRF token in X-CSRF-Token next to the cookie.
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      return { address, cookie, csrfToken };
    },
    /** With BENCH_SNAPSHOT on the embedded engine, keeps the seeded database in that file for the next run. */
    async keepSnapshot() {
      if (!snapshotFile || snapshot) return;
      await writeSnapshot(snapshotFile, await snapshotDatabase(database));
    },
    async close() {
      await server.close();
      await database.close();
    },
  };
}

/**
 * BENCH_SNAPSHOT=<file> on the embedded engine: the seeded in-memory database is saved there and
 * the next run starts from it (seeding 100,000 customers on PGlite takes minutes too).
 */
function pgliteSnapshotFile(): string | undefined {
  return process.env.DATABASE_URL ? undefined : process.env.BENCH_SNAPSHOT || undefined;
}

/** BENCH_REUSE=1 with DATABASE_URL keeps the seeded database between runs (seeding 1M takes minutes). */
function reuseRequested(): boolean {
  return !!process.env.DATABASE_URL && ['1', 'true', 'yes'].includes(process.env.BENCH_REUSE ?? '');
}

async function benchOrganization(db: Db): Promise<{ orgId: string; adminId: string } | null> {
  const [row] = await queryRows<{ org_id: string; id: string }>(
    db,
    sql`select org_id, id from users where email = ${email} order by created_at limit 1`,
  );
  return row ? { orgId: row.org_id, adminId: row.id } : null;
}

/** One read or write call takes at most 2 GiB; a seeded 100,000-customer database is larger. */
const chunkBytes = 1 << 30;

function readSnapshot(file: string): Blob {
  const parts: Buffer[] = [];
  const fd = fs.openSync(file, 'r');
  try {
    for (;;) {
      const part = Buffer.allocUnsafe(chunkBytes);
      const read = fs.readSync(fd, part, 0, chunkBytes, null);
      if (read === 0) break;
      parts.push(part.subarray(0, read));
    }
  } finally {
    fs.closeSync(fd);
  }
  return new Blob(parts);
}

async function writeSnapshot(file: string, snapshot: Blob): Promise<void> {
  const fd = fs.openSync(file, 'w');
  try {
    for (let start = 0; start < snapshot.size; start += chunkBytes) {
      fs.writeSync(fd, new Uint8Array(await snapshot.slice(start, start + chunkBytes).arrayBuffer()));
    }
  } finally {
    fs.closeSync(fd);
  }
}
