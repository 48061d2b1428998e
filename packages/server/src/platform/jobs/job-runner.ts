import { type Clock, fixedClock, systemClock } from '@berth/domain';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { type Db, type Executor, queryRows } from '../../db/database';
import { jobs } from '../../db/schema';

export interface Job {
  id: string;
  orgId: string | null;
  name: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
  /**
   * The time this run reads: the runner's clock, or the instant `runDue(asOf)` was asked for. A job
   * gives it to the contexts it makes, so what it decides ("due", "overdue", "idle for 30 days")
   * follows it.
   */
  clock: Clock;
}

export type JobHandler = (job: Job, db: Db) => Promise<void>;

/**
 * A failure that another attempt cannot mend (the job's input itself is refused): the job fails
 * at once instead of being retried.
 */
export class PermanentJobError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

export interface EnqueueOptions {
  orgId?: string | null;
  runAt?: Date;
  /** After this delay from `clock` (the system's unless given). */
  delayMs?: number;
  clock?: Clock;
  maxAttempts?: number;
  /** At most one queued or running job per key; a second enqueue is ignored. */
  singletonKey?: string;
}

/**
 * Puts a job in the durable queue. Given a transaction, the job exists only if the
 * transaction commits — the outbox pattern for side effects.
 */
export async function enqueueJob(
  db: Executor,
  name: string,
  payload: Record<string, unknown> = {},
  options: EnqueueOptions = {},
): Promise<void> {
  const runAt = options.runAt ?? new Date((options.clock ?? systemClock).now().getTime() + (options.delayMs ?? 0));
  await db
    .insert(jobs)
    .values({
      name,
      payload,
      orgId: options.orgId ?? null,
      runAt,
      maxAttempts: options.maxAttempts ?? 5,
      singletonKey: options.singletonKey ?? null,
    })
    .onConflictDoNothing();
}

/**
 * Queues many jobs of one name in one statement (an event announced for each of thousands of records): the payloads
 * travel as one JSON array parameter, so the statement is the same size whatever their number.
 */
export async function enqueueJobs(
  db: Executor,
  name: string,
  payloads: readonly Record<string, unknown>[],
  options: Omit<EnqueueOptions, 'singletonKey'> = {},
): Promise<void> {
  if (payloads.length === 0) return;
  const runAt = options.runAt ?? new Date((options.clock ?? systemClock).now().getTime() + (options.delayMs ?? 0));
  await db.execute(sql`insert into jobs (name, payload, org_id, run_at, max_attempts)
      select ${name}, p.value, ${options.orgId ?? null}::uuid, ${runAt.toISOString()}::timestamptz,
             ${options.maxAttempts ?? 5}::int
        from jsonb_array_elements(${JSON.stringify(payloads)}::jsonb) p`);
}

interface Registration {
  handler: JobHandler;
  everyMs?: number;
}

/**
 * A jobs table polled with FOR UPDATE SKIP LOCKED: works the same on PGlite and PostgreSQL,
 * survives restarts (jobs are rows), and lets several servers share the queue.
 */
export class JobRunner {
  private readonly registry = new Map<string, Registration>();
  private readonly startJobs = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;
  private lastRequeue = 0;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly options: {
      pollMs: number;
      retryBaseMs?: number;
      staleAfterMs?: number;
      batchSize?: number;
      clock?: Clock;
    },
  ) {}

  register(name: string, handler: JobHandler): void {
    this.registry.set(name, { handler });
  }

  /** A recurring job: one queued instance at a time, re-enqueued after each run. */
  every(name: string, everyMs: number, handler: JobHandler): void {
    this.registry.set(name, { handler, everyMs });
  }

  /** A registered job that is also queued, due now, at every start (not while an instance is queued). */
  atStart(name: string): void {
    this.startJobs.add(name);
  }

  async start(): Promise<void> {
    await this.requeueAbandoned();
    await this.scheduleRecurring();
    this.stopped = false;
    this.schedule(0);
  }

  /**
   * Queues every recurring job and every start-up job that is not queued yet, due now; `start` does it, tests
   * without the poll loop may.
   */
  async scheduleRecurring(): Promise<void> {
    for (const [name, reg] of this.registry) {
      if (reg.everyMs) {
        await enqueueJob(this.db, name, {}, { singletonKey: `every:${name}`, maxAttempts: 1, clock: this.clock });
      }
    }
    for (const name of this.startJobs) {
      await enqueueJob(this.db, name, {}, { singletonKey: `start:${name}`, maxAttempts: 3, clock: this.clock });
    }
  }

  private get clock(): Clock {
    return this.options.clock ?? systemClock;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /**
   * Jobs left "running" by a process that died go back to the queue: on PGlite (staleAfterMs 0) every
   * running job at start, as only one process uses the data; on PostgreSQL the jobs whose lock was not
   * renewed for staleAfterMs, at start and then regularly, so a crashed server's job does not wait
   * for the next restart.
   */
  private async requeueAbandoned(): Promise<void> {
    this.lastRequeue = Date.now();
    await this.db
      .update(jobs)
      .set({ status: 'queued', lockedAt: null })
      .where(
        and(eq(jobs.status, 'running'), lt(jobs.lockedAt, new Date(Date.now() - (this.options.staleAfterMs ?? 0)))),
      );
  }

  private async requeueAbandonedWhenDue(): Promise<void> {
    const staleAfterMs = this.options.staleAfterMs ?? 0;
    if (staleAfterMs > 0 && Date.now() - this.lastRequeue >= staleAfterMs / 2) await this.requeueAbandoned();
  }

  /** Renews the lock of a running job while it runs, so other servers do not take it for abandoned. */
  private async keepingLock(jobId: string, work: () => Promise<void>): Promise<void> {
    const staleAfterMs = this.options.staleAfterMs ?? 0;
    if (staleAfterMs <= 0) return work();
    const renew = setInterval(() => {
      this.db
        .update(jobs)
        .set({ lockedAt: new Date() })
        .where(and(eq(jobs.id, jobId), eq(jobs.status, 'running')))
        .catch((error) => this.log.warn({ err: error, id: jobId }, 'job lock renewal failed'));
    }, staleAfterMs / 3);
    try {
      await work();
    } finally {
      clearInterval(renew);
    }
  }

  private schedule(delay: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.requeueAbandonedWhenDue()
        .then(() => this.runDue())
        .catch((error) => this.log.error({ err: error }, 'job poll failed'))
        .then((count) => this.schedule(count ? 0 : this.options.pollMs));
    }, delay);
  }

  /**
   * Claims and runs the jobs that are due; returns how many ran. With `asOf`, the jobs due at that
   * instant run with it as their time (`job.clock`), and what they queue next (the next run of a
   * recurring job, a retry) is timed from it: how a test moves the time of SLA clocks, pool sweeps
   * and reminders forward without waiting.
   */
  async runDue(asOf?: Date): Promise<number> {
    const clock = asOf ? fixedClock(asOf) : this.clock;
    const claimed = await queryRows<{
      id: string;
      org_id: string | null;
      name: string;
      payload: Record<string, unknown>;
      attempts: number;
      max_attempts: number;
    }>(
      this.db,
      sql`
      update jobs set status = 'running', locked_at = now(), attempts = attempts + 1
       where id in (select id from jobs
                     where status = 'queued' and run_at <= ${clock.now().toISOString()}::timestamptz
                     order by run_at
                     limit ${this.options.batchSize ?? 10}
                     for update skip locked)
      returning id, org_id, name, payload, attempts, max_attempts`,
    );
    for (const row of claimed) {
      await this.runOne({
        id: row.id,
        orgId: row.org_id,
        name: row.name,
        payload: row.payload,
        attempts: row.attempts,
        maxAttempts: row.max_attempts,
        clock,
      });
    }
    return claimed.length;
  }

  private async runOne(job: Job): Promise<void> {
    const reg = this.registry.get(job.name);
    try {
      if (!reg) throw new Error(`no handler registered for job ${job.name}`);
      await this.keepingLock(job.id, () => reg.handler(job, this.db));
      await this.db
        .update(jobs)
        .set({ status: 'done', finishedAt: job.clock.now(), lockedAt: null })
        .where(eq(jobs.id, job.id));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retry = job.attempts < job.maxAttempts && !(error instanceof PermanentJobError);
      this.log.warn({ job: job.name, id: job.id, attempt: job.attempts, retry, err: message }, 'job failed');
      const backoff = Math.min((this.options.retryBaseMs ?? 5000) * 2 ** (job.attempts - 1), 3_600_000);
      await this.db
        .update(jobs)
        .set({
          status: retry ? 'queued' : 'failed',
          lastError: message.slice(0, 2000),
          lockedAt: null,
          runAt: new Date(job.clock.now().getTime() + backoff),
          finishedAt: retry ? null : job.clock.now(),
        })
        .where(eq(jobs.id, job.id));
    }
    if (reg?.everyMs) {
      await enqueueJob(
        this.db,
        job.name,
        {},
        { singletonKey: `every:${job.name}`, delayMs: reg.everyMs, maxAttempts: 1, clock: job.clock },
      );
    }
  }
}

/** Finished jobs are kept a week for inspection, then removed. */
export async function purgeFinishedJobs(db: Db) {
  await db
    .delete(jobs)
    .where(and(inArray(jobs.status, ['done', 'failed']), lt(jobs.finishedAt, sql`now() - interval '7 days'`)));
}
