import type { DatabaseUpkeep, UpkeepRun } from '@berth/domain';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/database';
import { jobs } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { recordEvent } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { enqueueJob } from '../../platform/jobs/job-runner';
import { iso } from '../../platform/versioned-write';
import { databaseBytes } from './run-upkeep';
import { databaseUpkeepRuns } from './tables';

export const upkeepJob = 'database.upkeep';
export const upkeepNowJob = 'database.upkeep.now';
const largestTables = 15;
const recentRuns = 10;

type Engine = 'pglite' | 'postgres';

function runDto(row: typeof databaseUpkeepRuns.$inferSelect): UpkeepRun {
  return {
    id: row.id,
    trigger: row.trigger,
    kind: row.kind,
    startedAt: row.startedAt.toISOString(),
    finishedAt: iso(row.finishedAt),
    databaseBytesBefore: row.databaseBytesBefore,
    databaseBytesAfter: row.databaseBytesAfter,
    tables: row.tables,
    error: row.error,
  };
}

async function largest(db: Db) {
  const rows = await queryRows<{
    name: string;
    bytes: string;
    live_rows: number;
    dead_rows: number;
    last_vacuum: Date | string | null;
    last_analyze: Date | string | null;
  }>(
    db,
    sql`select relname as name, pg_total_relation_size(relid)::text as bytes, n_live_tup::int as live_rows,
               n_dead_tup::int as dead_rows, last_vacuum, last_analyze
          from pg_stat_user_tables
         where schemaname = 'public'
         order by pg_total_relation_size(relid) desc, relname
         limit ${largestTables}`,
  );
  const when = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
  return rows.map((row) => ({
    name: row.name,
    bytes: Number(row.bytes),
    liveRows: row.live_rows,
    deadRows: row.dead_rows,
    lastVacuum: when(row.last_vacuum),
    lastAnalyze: when(row.last_analyze),
  }));
}

/**
 * What the upkeep page shows. On a PostgreSQL server the figures are the whole server's business,
 * shared by every organisation on it: only the embedded engine (one installation, one company) shows them.
 */
export async function getDatabaseUpkeep(ctx: Pick<Ctx, 'db'>, engine: Engine): Promise<DatabaseUpkeep> {
  if (engine !== 'pglite') {
    return { engine, managedBy: 'postgres', databaseBytes: null, tables: [], runs: [], pending: false };
  }
  const [runs, pending] = await Promise.all([
    ctx.db.select().from(databaseUpkeepRuns).orderBy(desc(databaseUpkeepRuns.startedAt)).limit(recentRuns),
    ctx.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.name, upkeepNowJob), inArray(jobs.status, ['queued', 'running'])))
      .limit(1),
  ]);
  return {
    engine,
    managedBy: 'berth',
    databaseBytes: await databaseBytes(ctx.db),
    tables: await largest(ctx.db),
    runs: runs.map(runDto),
    pending: pending.length > 0,
  };
}

/** Queues a full round now (one at a time) and records who asked for it. */
export async function requestUpkeep(ctx: Ctx, engine: Engine): Promise<DatabaseUpkeep> {
  if (engine !== 'pglite') throw new AppError('database_upkeep.managed_by_postgres', 409);
  await enqueueJob(ctx.db, upkeepNowJob, {}, { singletonKey: upkeepNowJob, maxAttempts: 1, clock: ctx.clock });
  await recordEvent(ctx, { action: 'upkeep', entity: 'database' });
  return getDatabaseUpkeep(ctx, engine);
}
