import { z } from 'zod';

/** One table's share of the database, from the engine's own statistics. */
export const upkeepTableSchema = z.object({
  name: z.string(),
  /** Table, indexes and TOAST together. */
  bytes: z.number().int(),
  liveRows: z.number().int(),
  /** Row versions left behind by updates and deletes that a vacuum has not reclaimed yet. */
  deadRows: z.number().int(),
  lastVacuum: z.string().datetime({ offset: true }).nullable(),
  lastAnalyze: z.string().datetime({ offset: true }).nullable(),
});

export const upkeepRunTableSchema = z.object({
  name: z.string(),
  deadRowsBefore: z.number().int(),
  ms: z.number().int(),
});

/** One round of upkeep: the tables vacuumed and analysed one at a time, and what it took. */
export const upkeepRunSchema = z.object({
  id: z.string().uuid(),
  trigger: z.enum(['schedule', 'manual']),
  /** `full` vacuums every table (once a day), `dead-rows` only those with many dead rows. */
  kind: z.enum(['full', 'dead-rows']),
  startedAt: z.string().datetime({ offset: true }),
  finishedAt: z.string().datetime({ offset: true }).nullable(),
  databaseBytesBefore: z.number().int(),
  databaseBytesAfter: z.number().int().nullable(),
  tables: z.array(upkeepRunTableSchema),
  error: z.string().nullable(),
});

export const databaseUpkeepSchema = z.object({
  engine: z.enum(['pglite', 'postgres']),
  /**
   * `berth`: the embedded engine has no autovacuum, so Berth vacuums and analyses it itself;
   * `postgres`: the server's autovacuum does, and its figures belong to the server's operator.
   */
  managedBy: z.enum(['berth', 'postgres']),
  databaseBytes: z.number().int().nullable(),
  tables: z.array(upkeepTableSchema),
  runs: z.array(upkeepRunSchema),
  /** A round is queued or running. */
  pending: z.boolean(),
});

export type UpkeepTable = z.infer<typeof upkeepTableSchema>;
export type UpkeepRun = z.infer<typeof upkeepRunSchema>;
export type DatabaseUpkeep = z.infer<typeof databaseUpkeepSchema>;
