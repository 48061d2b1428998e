import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, listTables, restoreDatabase } from '../src/db/backup';
import { DataDirLockedError, type Db, openDatabase, queryRows } from '../src/db/database';
import { migrateDatabase } from '../src/db/migrate';
import { loadConfig } from '../src/platform/config';
import { createServer } from '../src/server';
import { openTestDatabase, type Session, startTestApp, type TestApp, testPassword } from './harness';

const onPostgres = Boolean(process.env.DATABASE_URL);

function tempDir(prefix: string) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The pid of a process that has just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid as number;
}

describe.skipIf(onPostgres)('the embedded database in a data directory', () => {
  const dirs: string[] = [];
  const newDir = () => {
    const dir = tempDir('berth-db-');
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps data written before a clean stop for the next start', async () => {
    const dir = newDir();
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
    const email = 'owner@forwarder.example';

    const first = await createServer(config, { logger: false, startJobs: false });
    const created = await first.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { organization: { name: '海港货代' }, admin: { name: '管理员', email, password: testPassword } },
    });
    expect(created.statusCode).toBe(201);
    await first.close();
    expect(fs.existsSync(path.join(dir, 'server.lock'))).toBe(false);

    const second = await createServer(config, { logger: false, startJobs: false });
    try {
      const setup = await second.app.inject({ method: 'GET', url: '/api/setup' });
      expect(setup.json()).toEqual({ setupRequired: false, sessionCookie: false });
      const login = await second.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: testPassword },
      });
      expect(login.statusCode).toBe(200);
      expect(login.json().organization.name).toBe('海港货代');
    } finally {
      await second.close();
    }
  });

  it('runs the embedded engine with the page cache it is given (PGLITE_SHARED_BUFFERS)', async () => {
    const database = await openDatabase({ dataDir: newDir(), sharedBuffers: '48MB' });
    try {
      expect(await queryRows(database.db, sql`select current_setting('shared_buffers') as size`)).toEqual([
        { size: '48MB' },
      ]);
    } finally {
      await database.close();
    }
  });

  it('refuses a second open of a data directory that is in use, naming the directory', async () => {
    const dir = newDir();
    const first = await openDatabase({ dataDir: dir });
    try {
      const second = openDatabase({ dataDir: dir });
      await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(second).rejects.toThrow(dir);
      // The refused open leaves the first one's lock and data alone.
      expect(fs.readFileSync(path.join(dir, 'server.lock'), 'utf8')).toBe(String(process.pid));
      expect(await queryRows(first.db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });

  it('refuses a data directory whose lock belongs to another running process', async () => {
    const dir = newDir();
    fs.writeFileSync(path.join(dir, 'server.lock'), String(process.ppid));
    const open = openDatabase({ dataDir: dir });
    await expect(open).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(open).rejects.toThrow(`${dir} is in use by another Berth process (pid ${process.ppid})`);
    expect(fs.readFileSync(path.join(dir, 'server.lock'), 'utf8')).toBe(String(process.ppid));
  });

  it('takes over a lock file left by a process that no longer runs', async () => {
    const dir = newDir();
    const pid = deadPid();
    fs.writeFileSync(path.join(dir, 'server.lock'), String(pid));
    const database = await openDatabase({ dataDir: dir });
    try {
      expect(fs.readFileSync(path.join(dir, 'server.lock'), 'utf8')).toBe(String(process.pid));
    } finally {
      await database.close();
    }
    expect(fs.existsSync(path.join(dir, 'server.lock'))).toBe(false);
  });

  it('takes over a lock file holding this process id when this process holds no lock (a restarted container)', async () => {
    const dir = newDir();
    fs.writeFileSync(path.join(dir, 'server.lock'), String(process.pid));
    const database = await openDatabase({ dataDir: dir });
    await database.close();
  });
});

describe('migrations', () => {
  it('can run again on a migrated database without changing it', async () => {
    const { database, drop } = await openTestDatabase();
    try {
      await migrateDatabase(database);
      const tables = await listTables(database.db);
      const count = async () =>
        (
          await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`)
        )[0]?.n;
      const applied = await count();
      expect(applied).toBeGreaterThan(0);
      await migrateDatabase(database);
      await migrateDatabase(database);
      expect(await count()).toBe(applied);
      expect(await listTables(database.db)).toEqual(tables);
    } finally {
      await drop();
    }
  });
});

/** Per table: row count and an md5 over the rows' text, in a stable order. */
async function fingerprint(db: Db) {
  const result: Record<string, { rows: number; md5: string }> = {};
  for (const table of await listTables(db)) {
    const [row] = await queryRows<{ rows: number; md5: string }>(
      db,
      sql.raw(
        `select count(*)::int as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as md5 from "${table}" t`,
      ),
    );
    result[table] = { rows: Number(row?.rows), md5: String(row?.md5) };
  }
  return result;
}

describe('backup and restore', () => {
  let t: TestApp;
  let admin: Session;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.setup('海港货代 Harbour Forwarding');
    const parent = await t.request('POST', '/api/teams', { as: admin, body: { name: '华东销售部' } });
    expect(parent.statusCode).toBe(201);
    const child = await t.request('POST', '/api/teams', {
      as: admin,
      body: { name: 'Shanghai "Sea" team, 1', parentId: parent.json().id },
    });
    expect(child.statusCode).toBe(201);
    await t.userWithRole(admin, 'sales_rep', { teamId: child.json().id, name: '张三' });
    await t.userWithRole(admin, 'finance', { name: "O'Brien" });
    const roles = (await t.request('GET', '/api/roles', { as: admin })).json().items as { id: string; key: string }[];
    const roleId = roles.find((r) => r.key === 'operations')?.id;
    const key = await t.request('POST', '/api/api-keys', { as: admin, body: { name: 'ERP sync', roleId } });
    expect(key.statusCode).toBe(201);
    // Enough rows in one table to take several batches, with awkward values.
    const awkward = '行 "quoted", back\\slash\nnew line\ttab | pipe';
    await t.db.execute(sql`
      insert into jobs (name, payload, status, attempts, last_error, finished_at)
      select 'bulk.' || i,
             jsonb_build_object('i', i, 'text', ${awkward}::text, 'nested', jsonb_build_array(i, null, true)),
             'done', i % 7, case when i % 3 = 0 then null else ${awkward} || i end, now() - i * interval '1 second'
        from generate_series(1, 2500) as i`);
    // Files are bytea: every byte value must come back as it was.
    const customer = await t.request('POST', '/api/customers', { as: admin, body: { name: '附件客户 Files Ltd' } });
    const bytes = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256)),
    ]);
    const form = new FormData();
    form.append('file', new Blob([bytes]), '营业执照 "scan".pdf');
    form.append('kind', 'business_licence');
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/customers/${customer.json().id}/attachments`,
      payload: form as never,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    dir = tempDir('berth-backup-');
    file = path.join(dir, 'backup.jsonl.gz');
  });
  afterAll(async () => {
    await t?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('restores every table row for row into a fresh database', async () => {
    const source = await fingerprint(t.db);
    expect(source.organizations?.rows).toBe(1);
    expect(source.teams?.rows).toBe(2);
    expect(source.users?.rows).toBe(3);
    expect(source.audit_log?.rows).toBeGreaterThan(0);
    expect(source.jobs?.rows).toBeGreaterThanOrEqual(2500);
    expect(source.attachment_contents?.rows).toBe(1);

    const written = await backupDatabase(t.db, file);
    expect(written.tables).toBe(Object.keys(source).length);
    expect(written.rows).toBe(Object.values(source).reduce((sum, table) => sum + table.rows, 0));

    const target = await openTestDatabase();
    try {
      await migrateDatabase(target.database);
      const restored = await restoreDatabase(target.database, file, { replace: false });
      expect(restored.rows).toBe(written.rows);
      expect(await fingerprint(target.database.db)).toEqual(source);

      await expect(restoreDatabase(target.database, file, { replace: false })).rejects.toThrow(
        'The database already holds data',
      );
      expect(await fingerprint(target.database.db)).toEqual(source);

      await restoreDatabase(target.database, file, { replace: true });
      expect(await fingerprint(target.database.db)).toEqual(source);
    } finally {
      await target.drop();
    }
  });

  it('replaces the data of a database that holds another organisation', async () => {
    const source = await fingerprint(t.db);
    await backupDatabase(t.db, file);
    const other = await startTestApp();
    try {
      const otherAdmin = await other.setup('Other Logistics');
      await other.request('POST', '/api/teams', { as: otherAdmin, body: { name: 'Air freight' } });
      expect(await fingerprint(other.db)).not.toEqual(source);
      await restoreDatabase(other.database, file, { replace: true });
      expect(await fingerprint(other.db)).toEqual(source);
      // The restored copy works: the administrator signs in there.
      const signedIn = await other.login(admin.me.user.email);
      expect(signedIn.me.organization.name).toBe('海港货代 Harbour Forwarding');
    } finally {
      await other.close();
    }
  });
});

describe('berth_uuidv7()', () => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrateDatabase(db.database);
  });
  afterAll(() => db.drop());

  it('makes version-7 UUIDs that sort in the order they were made, carrying the current time', async () => {
    const ids: string[] = [];
    const started = Date.now();
    for (let i = 0; i < 6; i++) {
      const [row] = await queryRows<{ id: string }>(db.database.db, sql`select berth_uuidv7()::text as id`);
      ids.push(row?.id as string);
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    const finished = Date.now();
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const millis = Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16);
      expect(millis).toBeGreaterThanOrEqual(started - 1000);
      expect(millis).toBeLessThanOrEqual(finished + 1000);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);

    const [ordered] = await queryRows<{ ok: boolean }>(
      db.database.db,
      sql`select bool_and(a < b) as ok from (select ${ids[0]}::uuid as a, ${ids[ids.length - 1]}::uuid as b) x`,
    );
    expect(ordered?.ok).toBe(true);
  });
});
