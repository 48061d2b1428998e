import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Me } from '@berth/domain';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../src/db/database';
import { loadConfig } from '../src/platform/config';
import { createServer, type ServerOptions } from '../src/server';
import { ResponseContract } from './openapi-responses';
import { adminQuery, waitUntilUnused } from './pg-admin';

/**
 * One harness for every integration test: a fresh database per call — PGlite in memory, or a new
 * database on the PostgreSQL server when DATABASE_URL is set — and the real app on top of it.
 *
 * The database is empty, for tests of the migrations themselves; with `migrated`, it is a copy of
 * the database global-setup.ts migrated once for the whole run, which is what test apps start from.
 */
export async function openTestDatabase(
  options: { migrated?: boolean } = {},
): Promise<{ database: Database; url?: string; drop: () => Promise<void> }> {
  const template = options.migrated ? migratedTemplate() : {};
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const snapshot = template.pgliteSnapshot ? await readSnapshot(template.pgliteSnapshot) : undefined;
    const database = await openDatabase({ dataDir: null, snapshot });
    return { database, drop: async () => {} };
  }
  const name = `berth_test_${randomUUID().replaceAll('-', '')}`;
  await adminQuery(
    baseUrl,
    `create database ${name}${template.postgresDatabase ? ` template ${template.postgresDatabase}` : ''}`,
  );
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      await waitUntilUnused(baseUrl, name, 50);
      await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/** What global-setup.ts provides; nothing when the harness runs outside that setup (then apps migrate). */
function migratedTemplate(): { pgliteSnapshot?: string; postgresDatabase?: string } {
  try {
    return inject('migratedTemplate') ?? {};
  } catch {
    return {};
  }
}

/** The snapshot file is read once per test process and shared by its test apps (each opens its own copy). */
const snapshots = new Map<string, Promise<Blob>>();
function readSnapshot(file: string): Promise<Blob> {
  let snapshot = snapshots.get(file);
  if (!snapshot) {
    snapshot = fs.promises.readFile(file).then((bytes) => new Blob([bytes]));
    snapshots.set(file, snapshot);
  }
  return snapshot;
}

export const testPassword = 'Test-password-1';

/** The published document, read once per test process. */
let contract: ResponseContract | undefined;

export async function startTestApp(env: Record<string, string> = {}, options: ServerOptions = {}) {
  const { database, drop } = await openTestDatabase({ migrated: true });
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    LOGIN_RATE_PER_MINUTE: '1000',
    PASSWORD_HASH_COST: 'test-only-minimal',
    ...env,
  });
  const server = await createServer(config, { database, logger: false, startJobs: false, ...options });
  await server.app.ready();
  const app = server.app;

  contract ??= new ResponseContract((await app.inject({ method: 'GET', url: '/api/openapi.json' })).json());
  const responseContract = contract;

  /** Sends a request to the app; a response that breaks the published API document fails the test. */
  const request = async (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    opts: { body?: unknown; headers?: Record<string, string>; as?: Session } = {},
  ): Promise<LightMyRequestResponse> => {
    const response = await app.inject({
      method,
      url,
      payload: opts.body === undefined ? undefined : (opts.body as object),
      headers: {
        ...(opts.as ? { cookie: opts.as.cookie, 'x-csrf-token': opts.as.csrfToken } : {}),
        ...opts.headers,
      },
    });
    const violation = responseContract.violation(method, url, response);
    if (violation) throw new Error(`The response breaks the API document: ${violation}`);
    return response;
  };

  async function sessionFrom(response: LightMyRequestResponse): Promise<Session> {
    if (response.statusCode >= 300) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'berth_session');
    const me = response.json() as Me;
    return { cookie: `berth_session=${cookie?.value}`, csrfToken: me.csrfToken, me };
  }

  /** First-run setup: a new organisation and its administrator, signed in. */
  async function setup(orgName = 'Test Forwarding Co.', email = `admin-${randomUUID().slice(0, 8)}@example.com`) {
    return sessionFrom(
      await request('POST', '/api/setup', {
        body: { organization: { name: orgName }, admin: { name: 'Admin', email, password: testPassword } },
      }),
    );
  }

  async function login(email: string, password = testPassword) {
    return sessionFrom(await request('POST', '/api/auth/login', { body: { email, password } }));
  }

  /** Creates a user with a built-in role (by key) and signs them in. */
  async function userWithRole(admin: Session, roleKey: string, extra: { teamId?: string; name?: string } = {}) {
    const roles = (await request('GET', '/api/roles?limit=200', { as: admin })).json().items as {
      id: string;
      key: string;
    }[];
    const role = roles.find((r) => r.key === roleKey);
    if (!role) throw new Error(`no role ${roleKey}`);
    const email = `${roleKey}-${randomUUID().slice(0, 8)}@example.com`;
    const created = await request('POST', '/api/users', {
      as: admin,
      body: {
        email,
        name: extra.name ?? roleKey,
        password: testPassword,
        roleId: role.id,
        teamId: extra.teamId ?? null,
      },
    });
    if (created.statusCode !== 201) throw new Error(`user create failed: ${created.body}`);
    return { ...(await login(email)), email, id: created.json().id as string };
  }

  return {
    app,
    server,
    database,
    db: server.deps.db,
    request,
    setup,
    login,
    userWithRole,
    close: async () => {
      await server.close();
      await drop();
    },
  };
}

/**
 * The time a test that starts servers on a `restartableStore` has: each start opens the on-disk database and builds
 * the whole app (3 s on an idle two-core machine, 20 s when its cores are shared by several test runs), and such a
 * test starts two or three. The store itself is made in a hook (it copies the migrated database in).
 */
export const restartTestTimeout = 180_000;

/**
 * A place for a server that can be stopped and started again on the same data: a PGlite data
 * directory, or a database on the PostgreSQL server when DATABASE_URL is set. Each `boot` starts a
 * server (without its job runner) as a restarted process would, with `env` added to its configuration.
 */
export async function restartableStore(env: Record<string, string> = {}) {
  if (!process.env.DATABASE_URL) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-restart-'));
    await seedDataDir(dir);
    return {
      boot: async () => {
        const server = await createServer(
          loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', PGLITE_SHARED_BUFFERS: '128MB', ...env }),
          {
            logger: false,
            startJobs: false,
          },
        );
        return { server, stop: () => server.close() };
      },
      remove: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const test = await openTestDatabase({ migrated: true });
  const url = test.url as string;
  return {
    boot: async () => {
      // A new connection pool per start, as a restarted process would have.
      const database: Database = await openDatabase({ url });
      const server = await createServer(loadConfig({ LOG_LEVEL: 'silent', ...env }), {
        database,
        logger: false,
        startJobs: false,
      });
      return {
        server,
        stop: async () => {
          await server.close();
          await database.close();
        },
      };
    },
    remove: () => test.drop(),
  };
}

/**
 * Puts a copy of the run's migrated database into an empty data directory, as the server lays it out, so the
 * first start there finds every migration applied. Migrating an empty on-disk database took 20–60 s on two
 * busy cores, most of a restart test's time budget.
 */
async function seedDataDir(dataDir: string): Promise<void> {
  const template = migratedTemplate().pgliteSnapshot;
  if (!template) return;
  const client = await PGlite.create(path.join(dataDir, 'pglite'), {
    extensions: { pg_trgm },
    loadDataDir: await readSnapshot(template),
  });
  await client.close();
}

export interface Session {
  cookie: string;
  csrfToken: string;
  me: Me;
}
export type TestApp = Awaited<ReturnType<typeof startTestApp>>;
