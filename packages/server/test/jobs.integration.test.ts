import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../src/db/schema';
import { enqueueJob, type Job } from '../src/platform/jobs/job-runner';
import type { createServer } from '../src/server';
import { restartableStore, restartTestTimeout, startTestApp, type TestApp } from './harness';

type Server = Awaited<ReturnType<typeof createServer>>;

async function jobRow(server: Server, name: string) {
  const rows = await server.deps.db.select().from(jobs).where(eq(jobs.name, name));
  expect(rows).toHaveLength(1);
  return rows[0] as typeof jobs.$inferSelect;
}

/** Polls until `check` holds; a wait that never ends fails by the test's timeout, not a budget of its own. */
async function waitFor(check: () => Promise<boolean>) {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('jobs survive a restart', () => {
  let store: Awaited<ReturnType<typeof restartableStore>>;

  beforeAll(async () => {
    store = await restartableStore({ JOB_POLL_MS: '20' });
  });
  afterAll(() => store.remove());

  it('a job scheduled before a restart runs after it', { timeout: restartTestTimeout }, async () => {
    const first = await store.boot();
    await enqueueJob(first.server.deps.db, 'test.ping', { n: 1 }, { delayMs: 5 });
    await first.stop();

    const second = await store.boot();
    try {
      const seen: Job[] = [];
      second.server.deps.jobs.register('test.ping', async (job) => {
        seen.push(job);
      });
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(await second.server.deps.jobs.runDue()).toBeGreaterThanOrEqual(1);
      expect(seen).toHaveLength(1);
      expect(seen[0]?.payload).toEqual({ n: 1 });
      expect(seen[0]?.attempts).toBe(1);
      const row = await jobRow(second.server, 'test.ping');
      expect(row.status).toBe('done');
      expect(row.finishedAt).toBeInstanceOf(Date);
      expect(row.lockedAt).toBeNull();
    } finally {
      await second.stop();
    }
  });

  it('a job left running by a process that died is picked up again on the next start', {
    timeout: restartTestTimeout,
  }, async () => {
    const first = await store.boot();
    await enqueueJob(first.server.deps.db, 'test.crashed', { n: 2 });
    // What a process that claimed the job and then died leaves behind: a running row with an old lock.
    await first.server.deps.db.execute(
      sql`update jobs set status = 'running', attempts = 1, locked_at = now() - interval '10 minutes'
           where name = 'test.crashed'`,
    );
    await first.stop();

    const second = await store.boot();
    try {
      const seen: Job[] = [];
      second.server.deps.jobs.register('test.crashed', async (job) => {
        seen.push(job);
      });
      // A poll alone does not take over a running job; starting the runner does.
      await second.server.deps.jobs.runDue();
      expect(seen).toHaveLength(0);
      await second.server.deps.jobs.start();
      await waitFor(async () => (await jobRow(second.server, 'test.crashed')).status === 'done');
      await second.server.deps.jobs.stop();
      expect(seen).toHaveLength(1);
      expect(seen[0]?.payload).toEqual({ n: 2 });
      expect(seen[0]?.attempts).toBe(2);
    } finally {
      await second.stop();
    }
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'on PostgreSQL a job another server locked moments ago is left to that server',
    { timeout: restartTestTimeout },
    async () => {
      const first = await store.boot();
      await enqueueJob(first.server.deps.db, 'test.busy', {});
      await first.server.deps.db.execute(
        sql`update jobs set status = 'running', attempts = 1, locked_at = now() where name = 'test.busy'`,
      );
      const second = await store.boot();
      try {
        second.server.deps.jobs.register('test.busy', async () => {});
        await second.server.deps.jobs.start();
        await second.server.deps.jobs.stop();
        expect((await jobRow(second.server, 'test.busy')).status).toBe('running');
      } finally {
        await second.stop();
        await first.stop();
      }
    },
  );
});

describe('job retries and singletons', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({}, { retryBaseMs: 10 });
  });
  afterAll(() => t.close());

  it('retries a failing job with growing delays and marks it failed after its last attempt', async () => {
    const attemptsSeen: number[] = [];
    t.server.deps.jobs.register('test.fail', async (job) => {
      attemptsSeen.push(job.attempts);
      throw new Error(`broken ${job.attempts}`);
    });
    await enqueueJob(t.db, 'test.fail', { x: 1 }, { maxAttempts: 3 });

    for (let attempt = 1; attempt <= 3; attempt++) {
      const row = await jobRow(t.server, 'test.fail');
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, row.runAt.getTime() - Date.now()) + 5));
      const before = Date.now();
      expect(await t.server.deps.jobs.runDue()).toBe(1);
      const after = Date.now();
      const failed = await jobRow(t.server, 'test.fail');
      expect(failed.attempts).toBe(attempt);
      expect(failed.lastError).toBe(`broken ${attempt}`);
      expect(failed.lockedAt).toBeNull();
      if (attempt < 3) {
        expect(failed.status).toBe('queued');
        expect(failed.finishedAt).toBeNull();
        // The next attempt waits retryBaseMs * 2^(attempt - 1) after the failure.
        const backoff = 10 * 2 ** (attempt - 1);
        expect(failed.runAt.getTime()).toBeGreaterThanOrEqual(before + backoff);
        expect(failed.runAt.getTime()).toBeLessThanOrEqual(after + backoff);
      } else {
        expect(failed.status).toBe('failed');
        expect(failed.finishedAt).toBeInstanceOf(Date);
      }
    }
    expect(attemptsSeen).toEqual([1, 2, 3]);

    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await t.server.deps.jobs.runDue()).toBe(0);
    expect(attemptsSeen).toHaveLength(3);
  });

  it('does not run a job before its time', async () => {
    let ran = 0;
    t.server.deps.jobs.register('test.later', async () => {
      ran++;
    });
    await enqueueJob(t.db, 'test.later', {}, { delayMs: 60_000 });
    expect(await t.server.deps.jobs.runDue()).toBe(0);
    expect(ran).toBe(0);
    expect((await jobRow(t.server, 'test.later')).status).toBe('queued');
  });

  it('keeps one queued job when the same singleton key is enqueued twice', async () => {
    await enqueueJob(t.db, 'test.single', { n: 1 }, { singletonKey: 'single:1' });
    await enqueueJob(t.db, 'test.single', { n: 2 }, { singletonKey: 'single:1' });
    const row = await jobRow(t.server, 'test.single');
    expect(row.status).toBe('queued');
    expect(row.payload).toEqual({ n: 1 });
  });

  it('accepts the singleton key again once the earlier job has finished', async () => {
    t.server.deps.jobs.register('test.once', async () => {});
    await enqueueJob(t.db, 'test.once', { n: 1 }, { singletonKey: 'once:1' });
    expect(await t.server.deps.jobs.runDue()).toBeGreaterThanOrEqual(1);
    await enqueueJob(t.db, 'test.once', { n: 2 }, { singletonKey: 'once:1' });
    const rows = await t.db.select().from(jobs).where(eq(jobs.name, 'test.once')).orderBy(jobs.createdAt);
    expect(rows.map((r) => [r.status, r.payload])).toEqual([
      ['done', { n: 1 }],
      ['queued', { n: 2 }],
    ]);
  });
});
