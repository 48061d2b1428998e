import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../src/db/schema';
import { importBatchSize } from '../src/modules/imports/read-batches';
import { enqueueJob } from '../src/platform/jobs/job-runner';
import { acknowledgedThroughApiViolations } from './crash/acknowledged-through-api';
import { ApiClient } from './crash/api-client';
import { acknowledgedWriteViolations, exactlyOnceViolations, halfBatchViolations } from './crash/crash-invariants';
import { type CrashStorage, createCrashStorage } from './crash/crash-storage';
import { customerImportCsv } from './crash/import-file';
import { startImport, waitForImportEnd, waitForProcessed } from './crash/import-progress';
import { serverWithJobs, waitUntil } from './crash/job-lock-servers';
import { freePort, ServerChild } from './crash/server-child';
import { startWriteStream, WriteLedger } from './crash/write-stream';
import { openTestDatabase } from './harness';

/**
 * The real server is killed with SIGKILL while a large customer import runs next to a stream of
 * concurrent writes, then started again on the same data. Nothing acknowledged may be lost, the
 * import may leave only whole batches, and finishing it (or running it again) gives every row once.
 */
const killPointCount = Number(process.env.CRASH_KILL_POINTS || 3);
const seed = 20_260_712;
const importRows = 6_000;
const writers = 4;

const killPoints = fc.sample(
  fc.record({
    /** How far into the import the kill comes: share of the file's rows already processed... */
    progressPerMille: fc.noBias(fc.integer({ min: 0, max: 900 })),
    /** ...plus a few milliseconds, so the kill lands anywhere inside a batch. */
    delayMs: fc.noBias(fc.integer({ min: 0, max: 300 })),
  }),
  { seed, numRuns: killPointCount },
);

describe(`crash safety: SIGKILL during an import and concurrent writes (${killPointCount} kill points)`, () => {
  let storage: CrashStorage;
  let server: ServerChild;
  let client: ApiClient;
  let orgId: string;
  const summary: string[] = [];

  beforeAll(async () => {
    storage = await createCrashStorage();
    // On PostgreSQL a crashed server's job is run again once its lock is stale; a short time keeps the test quick.
    server = new ServerChild(await freePort(), { ...storage.env, JOB_POLL_MS: '100', JOB_STALE_AFTER_MS: '3000' });
    await server.start();
    ({ client, orgId } = await ApiClient.setup(server.url, 'admin@crash.example.com', 'Test-password-1'));
  }, 120_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await storage?.remove();
    console.info(`crash safety on ${storage?.engine}:\n${summary.join('\n')}`);
  });

  it.each(killPoints.map((point, i) => ({ ...point, round: i + 1 })))(
    'kill point $round: nothing acknowledged is lost, the import keeps whole batches and ends with every row once',
    async ({ progressPerMille, delayMs, round }) => {
      if (!server.running) await server.start(); // an earlier round failed half-way
      const prefix = `崩溃第${round}轮`;
      const file = customerImportCsv(prefix, importRows);
      const ledger = new WriteLedger();
      const writes = startWriteStream(client, ledger, { writers, prefix });
      const importId = await startImport(client, file, 'skip');
      const before = await waitForProcessed(client, importId, Math.floor((progressPerMille / 1000) * importRows));
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await server.stop('SIGKILL');
      await writes.done;

      // The data as the crash left it, read directly; for PGlite this also opens the data directory.
      const direct = await storage.open();
      const atCrash = await halfBatchViolations(direct.db, orgId, importId, prefix, importBatchSize).finally(() =>
        direct.close(),
      );
      const reopened = await storage.open();
      const lostWrites = await acknowledgedWriteViolations(reopened.db, orgId, ledger).finally(() => reopened.close());
      expect(atCrash.violations).toEqual([]);
      expect(lostWrites).toEqual([]);
      expect(ledger.unexpected).toEqual([]);

      await server.start();
      expect(await acknowledgedThroughApiViolations(client, ledger)).toEqual([]);
      // The interrupted import goes on after the last whole batch, or ends failed: never stuck.
      const resumed = await waitForImportEnd(client, importId, 60_000);
      expect(['succeeded', 'failed']).toContain(resumed.status);
      if (resumed.status === 'succeeded') {
        expect(resumed).toMatchObject({ processed: importRows, created: importRows, skipped: 0, failed: 0 });
      }
      const rerunId = await startImport(client, file, 'skip');
      const rerun = await waitForImportEnd(client, rerunId, 60_000);
      expect(rerun).toMatchObject({ status: 'succeeded', processed: importRows, failed: 0 });
      expect(rerun.created + rerun.skipped).toBe(importRows);

      await server.stop('SIGTERM');
      const afterRerun = await storage.open();
      const duplicates = await exactlyOnceViolations(afterRerun.db, orgId, prefix, importRows).finally(() =>
        afterRerun.close(),
      );
      expect(duplicates).toEqual([]);
      await server.start();

      const acked = ledger.acknowledged;
      summary.push(
        `  round ${round}: killed at ${atCrash.progress?.processed}/${importRows} rows (waited for ${before.processed} + ${delayMs} ms); ` +
          `${ledger.requests} writes sent, acknowledged ${acked.customers} creates, ${acked.updates} updates, ${acked.notes} notes; ` +
          `import ${resumed.status} after restart, re-run created ${rerun.created} skipped ${rerun.skipped}`,
      );
    },
    // A round imports 6,000 customers (twelve batches) twice beside a stream of writes: about 30 s on two cores.
    180_000,
  );
});

/** PostgreSQL may be shared by several servers: a job's lock tells whether the server running it is alive. */
describe.runIf(process.env.DATABASE_URL)('job locks on PostgreSQL, with two servers on one database', () => {
  const staleAfterMs = 1000;
  const runs: string[] = [];
  let servers: Awaited<ReturnType<typeof serverWithJobs>>[] = [];
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const test = await openTestDatabase();
    drop = test.drop;
    for (const name of ['a', 'b']) {
      const handlers = {
        // Runs three times as long as a lock stays fresh without renewal.
        'test.slow': async () => {
          runs.push(`slow on ${name}`);
          await new Promise((resolve) => setTimeout(resolve, staleAfterMs * 3));
        },
        'test.orphan': async () => {
          runs.push(`orphan on ${name}`);
        },
      };
      servers.push(await serverWithJobs(test.url as string, handlers, staleAfterMs));
    }
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    servers = [];
    await drop?.();
  });

  const db = () => servers[0]!.db;
  const statusOf = async (name: string) => (await db().select().from(jobs).where(eq(jobs.name, name)))[0];

  it('a job running longer than the stale time keeps its lock: the other server does not run it too', async () => {
    await enqueueJob(db(), 'test.slow');
    await waitUntil(async () => (await statusOf('test.slow'))?.status === 'done', 'the slow job is done');
    expect(runs.filter((r) => r.startsWith('slow'))).toHaveLength(1);
    expect((await statusOf('test.slow'))?.attempts).toBe(1);
  });

  it('a job whose server died is run again by a live server, without waiting for a restart', async () => {
    // What a server killed while running the job leaves: a running row whose lock is no longer renewed.
    await db().execute(
      sql`insert into jobs (name, payload, status, attempts, max_attempts, locked_at, run_at)
          values ('test.orphan', '{}', 'running', 1, 5, now(), now())`,
    );
    await waitUntil(async () => (await statusOf('test.orphan'))?.status === 'done', 'the orphaned job is done');
    expect(runs.filter((r) => r.startsWith('orphan'))).toHaveLength(1);
    expect((await statusOf('test.orphan'))?.attempts).toBe(2);
  });
});
