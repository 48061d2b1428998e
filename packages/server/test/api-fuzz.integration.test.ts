import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedTables, type Digest, databaseDigester, signInBookkeeping } from './fuzz/database-digest';
import { type FuzzFailure, failureOf, formatFailures } from './fuzz/fuzz-report';
import { type FuzzRequest, requestArbitrary } from './fuzz/fuzz-requests';
import { type FormSpec, toFormData, uploadRoutes } from './fuzz/multipart-forms';
import { type Operation, operationsOf, resourceOfPath } from './fuzz/openapi-operations';
import { datasetHints } from './fuzz/property-hints';
import { answerProblems } from './fuzz/response-checks';
import { type Dataset, pdfBytes, seedDataset } from './fuzz/seed-dataset';
import { type Session, startTestApp, type TestApp } from './harness';

/**
 * Every operation of the OpenAPI document, called as the signed-in administrator with requests
 * generated from its schemas — valid ones and ones broken on purpose. Whatever arrives, the API
 * answers without a 5xx, refuses with a problem+json that carries a catalogued code, and leaves
 * the database exactly as it was when it refuses.
 *
 * `FUZZ_RUNS` sets the number of requests, `FUZZ_SEED` the seed (`random` picks one).
 */
const runs = Number(process.env.FUZZ_RUNS ?? 2_000);
const seed =
  process.env.FUZZ_SEED === 'random'
    ? Math.floor(Math.random() * 2 ** 31)
    : Number(process.env.FUZZ_SEED ?? 20_240_611);
if (!Number.isInteger(runs) || !Number.isInteger(seed)) throw new Error('FUZZ_RUNS and FUZZ_SEED must be integers');
// A long random run may be cut short; its seed must be known before it ends.
if (process.env.FUZZ_SEED === 'random') console.info(`API fuzz: FUZZ_SEED=${seed} FUZZ_RUNS=${runs}`);

/** Operations not fuzzed, and why. */
const skipped: Record<string, string> = {
  'POST /api/auth/logout': 'ends the session the fuzzer signs its requests with',
};
/**
 * Walked, but never with these path ids (see `Dataset.protectedIds`): `DELETE /api/me/sessions/{id}`
 * with the fuzzer's own session would sign it out, and `PATCH /api/users/{id}` on the administrator
 * could take away the permissions every later request relies on.
 */

/** Tables a refused request may change on purpose, by operation. */
const allowedChanges: Record<string, readonly string[]> = {
  'POST /api/auth/login': signInBookkeeping.tables,
};

describe('API fuzzing from the OpenAPI document', () => {
  let t: TestApp;
  let admin: Session;
  let dataset: Dataset;
  let operations: Operation[];
  let dataDir: string;
  const serverLog: string[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-fuzz-'));
    t = await startTestApp(
      { DATA_DIR: dataDir },
      { logger: { level: 'error', stream: { write: (line: string) => void serverLog.push(line) } } },
    );
    admin = await t.setup('Fuzz Forwarding Co.');
    dataset = await seedDataset(t, admin);
    operations = operationsOf((await t.request('GET', '/api/openapi.json')).json());
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function send(request: FuzzRequest): Promise<LightMyRequestResponse> {
    return t.app.inject({
      method: request.method,
      url: request.url,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, ...request.headers },
      payload: request.form ? (toFormData(request.form) as never) : request.jsonText,
    });
  }

  /** Keeps the id pool current: new records become path ids, deleted ones leave. */
  function track(operation: Operation, request: FuzzRequest, response: LightMyRequestResponse) {
    if (response.statusCode >= 300) return;
    if (request.method === 'POST' && (response.statusCode === 201 || response.statusCode === 202)) {
      const resource =
        operation.path
          .split('/')
          .filter((s) => s && s !== '{id}')
          .pop() ?? '';
      const id = (response.json() as { id?: unknown }).id;
      if (dataset.ids[resource] && typeof id === 'string') dataset.ids[resource].push(id);
    }
    if (request.method === 'DELETE' && operation.path.endsWith('{id}')) {
      const id = decodeURIComponent(request.url.split('?')[0]?.split('/').pop() ?? '');
      const resource = resourceOfPath(operation.path);
      dataset.ids[resource] = (dataset.ids[resource] ?? []).filter((known) => known !== id);
    }
  }

  /** Whether the admin's session died: every later request would be a pointless 401. */
  async function signedOut(request: FuzzRequest, response: LightMyRequestResponse): Promise<boolean> {
    if (response.statusCode !== 401 || 'authorization' in request.headers) return false;
    return (await t.request('GET', '/api/me', { as: admin })).statusCode === 401;
  }

  /**
   * Round after round of every operation, each round in its own seeded order. Operations that
   * take a body come twice a round: a body has more ways to be wrong than a query.
   */
  function schedule(walked: Operation[]): Operation[] {
    const round = [...walked, ...walked.filter((op) => op.body || uploadRoutes[op.key])];
    const order: Operation[] = [];
    for (let n = 0; order.length < runs; n++) {
      const [shuffled] = fc.sample(fc.shuffledSubarray(round, { minLength: round.length }), {
        seed: (seed + n) | 0,
        numRuns: 1,
      });
      order.push(...(shuffled ?? round));
    }
    return order.slice(0, runs);
  }

  it('notices a single changed value in a table, and not the sliding session expiry', async () => {
    const digester = await databaseDigester(t.db);
    expect(digester.tables).toEqual(expect.arrayContaining(['customers', 'audit_log', 'sessions', 'users']));
    const changedBy = async (statement: ReturnType<typeof sql>, allowed: readonly string[] = []) => {
      const before = await digester.digest();
      await t.db.execute(statement);
      return changedTables(before, await digester.digest(), allowed);
    };
    expect(await changedBy(sql`update sessions set last_seen_at = now() + interval '1 minute'`)).toEqual([]);
    const tag = dataset.ids.tags?.[0] as string;
    // Audit triggers may log the change too; the table itself must show up.
    expect(await changedBy(sql`update tags set name = name || '.' where id = ${tag}`)).toContain('tags');
    expect(await changedBy(sql`update tags set name = left(name, -1) where id = ${tag}`)).toContain('tags');
    // A refused sign-in's bookkeeping is allowed where it is expected; any other change to a user is not.
    const user = admin.me.user.id;
    const lockout = sql`update users set failed_logins = failed_logins + 1 where id = ${user}`;
    expect(await changedBy(lockout)).toContain('users');
    expect(await changedBy(lockout, signInBookkeeping.tables)).toEqual([]);
    const rename = sql`update users set failed_logins = 0, name = name || '.' where id = ${user}`;
    expect(await changedBy(rename, signInBookkeeping.tables)).toEqual(['users.profile']);
    await t.db.execute(sql`update users set name = left(name, -1) where id = ${user}`);
  });

  it('refuses the requests that once got a 500 with a 4xx problem', async () => {
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const someId = dataset.ids.customers?.[0] as string;
    const upload = (url: string, form: FormSpec): FuzzRequest => ({
      operation: `POST ${url}`,
      intent: 'regression',
      method: 'POST',
      url,
      headers: {},
      form,
    });
    const json = (method: FuzzRequest['method'], url: string, jsonText?: string, headers = {}): FuzzRequest => ({
      operation: `${method} ${url}`,
      intent: 'regression',
      method,
      url,
      headers: jsonText === undefined ? headers : { 'content-type': 'application/json', ...headers },
      jsonText,
    });
    const cases: [FuzzRequest, number, string, { field: string; code: string }?][] = [
      [
        json('POST', '/api/tags', '{"name":"nul\\u0000inside"}'),
        422,
        'validation.failed',
        { field: 'name', code: 'validation.invalid_text' },
      ],
      [
        json('POST', '/api/saved-views', '{"resource":"customers","name":"v","state":{"columns":["\\udfff"]}}'),
        422,
        'validation.failed',
        { field: 'state.columns.0', code: 'validation.invalid_text' },
      ],
      [
        json('GET', `/api/pool?cursor=${cursor([someId, someId])}`),
        422,
        'validation.failed',
        { field: 'cursor', code: 'pagination.cursor_invalid' },
      ],
      [
        json('GET', `/api/teams?cursor=${cursor([null, 'not-a-uuid'])}`),
        422,
        'validation.failed',
        { field: 'cursor', code: 'pagination.cursor_invalid' },
      ],
      [json('GET', `/api/customers/${someId}/timeline?cursor=${cursor([null, 'x'])}`), 422, 'validation.failed'],
      [json('GET', '/api/audit?from=0000-01-01T00:00:00Z'), 422, 'validation.failed'],
      [
        json('POST', '/api/notifications/read-all', `${'['.repeat(5_000)}${']'.repeat(5_000)}`, {
          'idempotency-key': 'deep',
        }),
        400,
        'request.malformed',
      ],
      [
        {
          ...json('POST', `/api/customers/${someId}/attachments`, 'x'),
          headers: { 'content-type': 'multipart/form-data' },
        },
        400,
        'request.malformed',
      ],
      [
        upload(`/api/customers/${someId}/attachments`, {
          files: [{ field: 'file', name: 'a.pdf', bytes: pdfBytes }],
          fields: [['description', 'nul\u0000inside']],
        }),
        422,
        'validation.failed',
        { field: 'description', code: 'validation.invalid_text' },
      ],
      [
        upload('/api/imports/preview', { files: [{ field: 'file', name: '', bytes: Buffer.from('a\n') }], fields: [] }),
        422,
        'validation.failed',
      ],
      [
        upload('/api/imports/preview', {
          files: [{ field: 'file', name: 'c.csv', bytes: Buffer.from('"unclosed,quote\n1,2\n') }],
          fields: [],
        }),
        422,
        'validation.failed',
        { field: 'file', code: 'import.file_unreadable' },
      ],
    ];
    // A team whose customers would keep a dangling team id (opportunities copied from them then failed).
    const team = (await t.request('POST', '/api/teams', { as: admin, body: { name: 'Short-lived team' } })).json().id;
    await t.request('POST', '/api/customers', {
      as: admin,
      body: { name: 'Team customer', ownerId: null, teamId: team },
    });
    cases.push([json('DELETE', `/api/teams/${team}`), 409, 'conflict.in_use']);
    for (const [request, status, code, fieldError] of cases) {
      const response = await send(request);
      const label = `${request.method} ${request.url.slice(0, 80)} → ${response.statusCode} ${response.body.slice(0, 300)}`;
      expect(response.statusCode, label).toBe(status);
      expect(answerProblems(response), label).toEqual([]);
      expect(response.json().code, label).toBe(code);
      if (fieldError) expect(response.json().errors?.[0], label).toMatchObject(fieldError);
    }
  });

  it(
    'never answers 5xx, refuses with a catalogued problem and changes nothing when it refuses',
    async () => {
      const walked = operations.filter((op) => !(op.key in skipped));
      expect(walked.length).toBe(operations.length - Object.keys(skipped).length);
      const digester = await databaseDigester(t.db);
      const hints = datasetHints(dataset);
      const failures: FuzzFailure[] = [];
      const statuses = new Map<string, Set<number>>();
      let refused = 0;
      let before: Digest = await digester.digest();

      const plan = schedule(walked);
      for (const [index, operation] of plan.entries()) {
        const where = `request #${index} for ${operation.key} (FUZZ_SEED=${seed} FUZZ_RUNS=${runs})`;
        const [request] = fc.sample(requestArbitrary(operation, dataset, hints), {
          seed: (seed + index) | 0,
          numRuns: 1,
        });
        if (!request) throw new Error(`no ${where}`);
        const logged = serverLog.length;
        const response = await send(request).catch((error: unknown) => {
          throw new Error(`sending ${where} failed: ${String(error)}`);
        });
        const after = await digester.digest();

        const problems = answerProblems(response);
        if (response.statusCode >= 400 && response.statusCode < 500) {
          refused++;
          const changed = changedTables(before, after, allowedChanges[operation.key]);
          if (changed.length > 0) problems.push(`refused but changed ${changed.join(', ')}`);
        }
        if (problems.length > 0) {
          failures.push(failureOf(index, request, response, problems, serverLog.slice(logged)));
        }
        track(operation, request, response);
        statuses.set(operation.key, (statuses.get(operation.key) ?? new Set()).add(response.statusCode));
        before = after;
        if (await signedOut(request, response)) {
          failures.push(failureOf(index, request, response, ['the fuzzing session ended'], []));
          break;
        }
      }

      expect(failures.length, formatFailures(failures, { seed, runs })).toBe(0);
      if (runs >= 2 * walked.length) {
        // Every operation was called, and valid requests got past validation into the handlers.
        expect(statuses.size).toBe(walked.length);
        const succeeded = [...statuses].filter(([, codes]) => [...codes].some((c) => c < 300)).map(([key]) => key);
        expect(
          succeeded.length,
          `operations that never succeeded: ${walked.map((o) => o.key).filter((k) => !succeeded.includes(k))}`,
        ).toBeGreaterThan(walked.length * 0.6);
        expect(refused).toBeGreaterThan(runs / 4);
      }
      // The fuzzer was the administrator throughout: still signed in with every permission.
      const me = await t.request('GET', '/api/me', { as: admin });
      expect(me.statusCode).toBe(200);
      expect(me.json().role.key).toBe('admin');
    },
    60_000 + runs * 150,
  );
});
