import { desc, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/database';
import { databaseUpkeepRuns, type UpkeepRunTable } from './tables';

/** A table is vacuumed between full rounds once this many of its rows are dead… */
const minDeadRows = 1_000;
/** …and they are at least this share of its live rows. */
const minDeadShare = 0.1;
/** Every table is vacuumed and analysed at least this often (statistics restart with the process). */
export const fullRoundEveryMs = 24 * 3_600_000;

interface TableStats {
  name: string;
  live_rows: number;
  dead_rows: number;
  modified_since_analyze: number;
}

export async function databaseBytes(db: Db): Promise<number> {
  const [row] = await queryRows<{ bytes: string }>(db, sql`select pg_database_size(current_database())::text as bytes`);
  return Number(row?.bytes ?? 0);
}

/** Statistics are flushed about once a second; a round reads them right after its own writes. */
export async function flushStatistics(db: Db): Promise<void> {
  await db.execute(sql`select pg_stat_force_next_flush()`);
}

async function tableStats(db: Db): Promise<TableStats[]> {
  await flushStatistics(db);
  return queryRows<TableStats>(
    db,
    sql`select relname as name, n_live_tup::int as live_rows, n_dead_tup::int as dead_rows,
               n_mod_since_analyze::int as modified_since_analyze
          from pg_stat_user_tables
         where schemaname = 'public'
         order by relname`,
  );
}

/** The tables a round vacuums: all of them in a full round, otherwise those with many dead or changed rows. */
export function tablesToVacuum(stats: readonly TableStats[], kind: 'full' | 'dead-rows'): TableStats[] {
  if (kind === 'full') return [...stats];
  return stats.filter((table) => {
    const threshold = Math.max(minDeadRows, table.live_rows * minDeadShare);
    return table.dead_rows >= threshold || table.modified_since_analyze >= threshold;
  });
}

async function lastFullRound(db: Db): Promise<Date | null> {
  const [row] = await db
    .select({ startedAt: databaseUpkeepRuns.startedAt })
    .from(databaseUpkeepRuns)
    .where(eq(databaseUpkeepRuns.kind, 'full'))
    .orderBy(desc(databaseUpkeepRuns.startedAt))
    .limit(1);
  return row?.startedAt ?? null;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * One round of upkeep of the embedded engine, which has no autovacuum: `VACUUM (ANALYZE)` one table
 * per statement, outside any transaction, so that requests queued behind the single connection run
 * between two tables instead of waiting for the whole round. Vacuum makes dead rows' space reusable
 * (the files do not shrink, later writes fill them) and keeps index-only scans off the heap; analyse
 * keeps the planner's statistics in step with the tables' sizes.
 */
export async function runUpkeep(
  db: Db,
  options: { trigger: 'schedule' | 'manual'; now: Date; kind?: 'full' | 'dead-rows' },
): Promise<typeof databaseUpkeepRuns.$inferSelect> {
  const last = await lastFullRound(db);
  const kind =
    options.kind ?? (!last || options.now.getTime() - last.getTime() >= fullRoundEveryMs ? 'full' : 'dead-rows');
  const [run] = await db
    .insert(databaseUpkeepRuns)
    .values({ trigger: options.trigger, kind, startedAt: options.now, databaseBytesBefore: await databaseBytes(db) })
    .returning();
  if (!run) throw new Error('upkeep run not recorded');
  const done: UpkeepRunTable[] = [];
  let error: string | null = null;
  try {
    for (const table of tablesToVacuum(await tableStats(db), kind)) {
      const started = performance.now();
      await db.execute(sql.raw(`vacuum (analyze) ${quoteIdent(table.name)}`));
      done.push({ name: table.name, deadRowsBefore: table.dead_rows, ms: Math.round(performance.now() - started) });
      // Let the requests that queued up during this table go first.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  const [finished] = await db
    .update(databaseUpkeepRuns)
    .set({ finishedAt: new Date(), databaseBytesAfter: await databaseBytes(db), tables: done, error })
    .where(eq(databaseUpkeepRuns.id, run.id))
    .returning();
  if (error) throw new Error(`database upkeep failed: ${error}`);
  return finished ?? run;
}
