import { type Database, openDatabase } from '../../src/db/database';
import { loadConfig } from '../../src/platform/config';
import type { JobHandler } from '../../src/platform/jobs/job-runner';
import { createServer } from '../../src/server';

/** A server with its job runner started, on its own connection pool to a shared PostgreSQL database. */
export async function serverWithJobs(url: string, handlers: Record<string, JobHandler>, staleAfterMs: number) {
  const database: Database = await openDatabase({ url });
  const config = loadConfig({ LOG_LEVEL: 'silent', JOB_POLL_MS: '20', JOB_STALE_AFTER_MS: String(staleAfterMs) });
  const server = await createServer(config, { database, logger: false });
  for (const [name, handler] of Object.entries(handlers)) server.deps.jobs.register(name, handler);
  await server.start();
  return {
    db: database.db,
    stop: async () => {
      await server.close();
      await database.close();
    },
  };
}

export async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
