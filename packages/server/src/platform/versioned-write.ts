import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { AppError } from './app-error';
import type { Ctx } from './context';

type VersionedTable = PgTable & { version: PgColumn; updatedAt: PgColumn };

/**
 * Optimistic concurrency in one statement: the row changes only if it is in scope and still at
 * the version the client read. No row back means it is gone or out of scope (404) or was changed
 * by someone else (412) — never a silent overwrite.
 */
export async function updateVersioned<T extends VersionedTable>(
  ctx: Ctx,
  table: T,
  where: SQL,
  expected: number | undefined,
  patch: Record<string, unknown>,
): Promise<T['$inferSelect']> {
  const condition = expected === undefined ? where : and(where, eq(table.version, expected));
  const rows = (await ctx.db
    .update(table)
    .set({ ...patch, version: sql`${table.version} + 1`, updatedAt: sql`now()` } as never)
    .where(condition)
    .returning()) as T['$inferSelect'][];
  if (rows[0]) return rows[0];
  throw await missingOrStale(ctx, table, where);
}

export async function deleteVersioned<T extends VersionedTable>(
  ctx: Ctx,
  table: T,
  where: SQL,
  expected: number | undefined,
): Promise<void> {
  const condition = expected === undefined ? where : and(where, eq(table.version, expected));
  const rows = await ctx.db.delete(table).where(condition).returning();
  if (rows.length === 0) throw await missingOrStale(ctx, table, where);
}

async function missingOrStale(ctx: Ctx, table: VersionedTable, where: SQL): Promise<AppError> {
  const found = await ctx.db.select({ one: sql`1` }).from(table).where(where).limit(1);
  return found.length > 0 ? AppError.versionConflict() : AppError.notFound();
}

export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/**
 * Marks a row deleted (`deleted_at`) under the same version check: the row stays, so its history
 * remains on the timeline.
 */
export async function softDeleteVersioned<T extends VersionedTable & { deletedAt: PgColumn }>(
  ctx: Ctx,
  table: T,
  where: SQL,
  expected: number | undefined,
): Promise<void> {
  await updateVersioned(ctx, table, where, expected, { deletedAt: sql`now()` });
}

/**
 * For a write on a record the caller has just been shown: a 404 from the scoped write then means
 * the caller may read it but not change it.
 */
export function refusedAsForbidden(error: unknown): never {
  if (error instanceof AppError && error.status === 404) throw AppError.forbidden();
  throw error;
}
