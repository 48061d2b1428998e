import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { id, ts } from '../../db/columns';

export interface UpkeepRunTable {
  name: string;
  deadRowsBefore: number;
  ms: number;
}

/**
 * Rounds of upkeep of the embedded database. The database is the installation's, not one
 * organisation's, so this table has no `org_id` (like `jobs`): on a distributed PostgreSQL it
 * would stay a local table, and there Berth does not vacuum anyway.
 */
export const databaseUpkeepRuns = pgTable(
  'database_upkeep_runs',
  {
    id: id().primaryKey(),
    trigger: text('trigger').notNull().$type<'schedule' | 'manual'>(),
    kind: text('kind').notNull().$type<'full' | 'dead-rows'>(),
    startedAt: ts('started_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
    databaseBytesBefore: bigint('database_bytes_before', { mode: 'number' }).notNull(),
    databaseBytesAfter: bigint('database_bytes_after', { mode: 'number' }),
    tables: jsonb('tables').$type<UpkeepRunTable[]>().notNull().default(sql`'[]'::jsonb`),
    error: text('error'),
  },
  (t) => [index('database_upkeep_runs_started_idx').on(t.startedAt)],
);
