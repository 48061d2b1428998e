import { type Clock, systemClock } from '@berth/domain';
import type { FastifyServerOptions } from 'fastify';
import { buildApp } from './app';
import { type Database, type Db, openDatabase } from './db/database';
import { migrateDatabase } from './db/migrate';
import { syncBuiltinRoles } from './modules/roles/sync-builtin-roles';
import { usePasswordHashCost } from './platform/auth/secrets';
import type { Config } from './platform/config';
import type { AppDeps } from './platform/deps';
import { asyncSubscriberJobs } from './platform/events';
import { purgeOldIdempotencyKeys } from './platform/http/idempotency';
import { type Job, JobRunner, purgeFinishedJobs } from './platform/jobs/job-runner';
import { createMailer } from './platform/outbox/mailer';
import { registerOutboxDelivery } from './platform/outbox/outbox';
import { serverModules } from './server-modules';

export interface ServerOptions {
  /** Use this database instead of opening one from the configuration (tests). */
  database?: Database;
  /** In-memory PGlite instead of the data directory (tests). */
  inMemory?: boolean;
  logger?: FastifyServerOptions['logger'];
  startJobs?: boolean;
  retryBaseMs?: number;
  /** What time requests and jobs see; the system clock unless a test sets one. */
  clock?: Clock;
}

/** Opens and migrates the database, builds the app and its background jobs; does not listen yet. */
export async function createServer(config: Config, options: ServerOptions = {}) {
  usePasswordHashCost(config.PASSWORD_HASH_COST);
  const database =
    options.database ??
    (await openDatabase({
      url: config.DATABASE_URL,
      dataDir: options.inMemory ? null : config.dataDir,
      sharedBuffers: config.PGLITE_SHARED_BUFFERS,
    }));
  await migrateDatabase(database);
  await syncBuiltinRoles(database.db);
  const mailer = createMailer(config.SMTP_URL, config.MAIL_FROM);
  const deps: AppDeps = {
    db: database.db,
    engine: database.engine,
    config,
    mailer,
    routeTable: [],
    clock: options.clock ?? systemClock,
    // replaced below once the app's logger exists
    jobs: undefined as unknown as JobRunner,
  };
  const app = await buildApp(deps, { logger: options.logger });
  deps.jobs = new JobRunner(database.db, app.log, {
    pollMs: config.JOB_POLL_MS,
    retryBaseMs: options.retryBaseMs,
    clock: deps.clock,
    staleAfterMs: database.engine === 'pglite' ? 0 : config.JOB_STALE_AFTER_MS,
  });
  registerOutboxDelivery(deps.jobs, mailer);
  for (const module of serverModules) {
    for (const job of module.jobs ?? []) {
      const handler = (running: Job, db: Db) => job.run(running, db, deps).then(() => undefined);
      if (job.everyMs) deps.jobs.every(job.name, job.everyMs, handler);
      else deps.jobs.register(job.name, handler);
      if (job.atStart) deps.jobs.atStart(job.name);
    }
  }
  for (const job of asyncSubscriberJobs(serverModules.flatMap((module) => module.subscribers ?? []))) {
    deps.jobs.register(job.name, job.run);
  }
  deps.jobs.every('maintenance.purge', 3_600_000, async (_job, db) => {
    await purgeFinishedJobs(db);
    await purgeOldIdempotencyKeys(db);
  });

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await deps.jobs.stop();
    await app.close();
    if (!options.database) await database.close();
  };
  const start = async () => {
    if (options.startJobs !== false) await deps.jobs.start();
  };
  return { app, deps, database, start, close };
}
