import fs from 'node:fs';
import type { Locale } from '@berth/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { loadUserAccess } from '../../platform/auth/load-principal';
import { type Ctx, inRetriedTransaction } from '../../platform/context';
import { errorMessage } from '../../platform/error-catalogue';
import { type Job, PermanentJobError } from '../../platform/jobs/job-runner';
import type { ImportBatchResult, Importer, ImportPolicy } from '../../platform/module';
import { importerOf } from './importers';
import { countRecords, type ImportFileSource, type ReadBatch, readBatches } from './read-batches';
import { fileKindOf } from './read-rows';
import { SpreadsheetTooLarge } from './spreadsheet-limits';
import { importErrors, imports } from './tables';

/** Rows read on the job's own thread between two turns of its event loop. */
const readSlice = 25;

const emptyResult = (): ImportBatchResult => ({ created: 0, updated: 0, skipped: 0, errors: [] });

/**
 * Refreshes what the planner knows of the tables an import grows: row statistics (ANALYZE) and
 * the sizes of the GIN text indexes, which only VACUUM updates. Without it, a large import into a
 * young table is planned with the table's old size, and the duplicate lookup of every batch goes
 * through the trigram index believed tiny — seconds a batch once every name shares its
 * trigrams. Autovacuum may be off or slow to react, and the embedded database has none. Run
 * after 2,000 rows, then each time the count doubles, and at the end: a handful of passes however
 * large the file, each reading mostly the pages written since the last. A pass runs beside the
 * next batches (on its own connection where the engine has several: VACUUM's lock lets inserts
 * through), not between them.
 */
async function refreshStatistics(db: Db, importer: Importer): Promise<void> {
  await db.execute(sql`vacuum (analyze) ${importer.grownTables}`);
}

/**
 * Runs an import as a durable job. Each batch of rows is written in one transaction together with
 * the progress counters, so a crash loses at most the batch in flight, and the retried job
 * continues after the last committed batch — no row is imported twice.
 */
export async function runImport(job: Job, db: Db): Promise<void> {
  const orgId = job.orgId as string;
  const id = job.payload.id as string;
  const where = and(eq(imports.orgId, orgId), eq(imports.id, id));
  const [record] = await db.select().from(imports).where(where);
  if (!record || record.status === 'succeeded' || record.status === 'failed') return;
  // The batch being written while the next one is read: its promise, awaited before the next write.
  let writing: Promise<void> = Promise.resolve();
  // The statistics pass under way, if any: awaited before the next one starts and at the end.
  let refreshing: Promise<void> = Promise.resolve();
  try {
    const access = record.createdBy ? await loadUserAccess(db, orgId, record.createdBy) : null;
    if (!access) throw new Error('the user who started the import can no longer sign in');
    const ctx: Ctx = {
      orgId,
      actor: { type: 'user', id: record.createdBy },
      userId: record.createdBy,
      teamIds: access.teamIds,
      permissions: access.permissions,
      locale: (job.payload.locale as Locale) ?? 'zh-CN',
      db,
      clock: job.clock,
      requestId: `import:${id}`,
    };
    await db.update(imports).set({ status: 'running' }).where(where);
    const importer = importerOf(record.entity);
    if (!importer) throw new Error(`no importer registered for ${record.entity}`);
    const options = record.options ?? {};
    const source: ImportFileSource = {
      filePath: record.filePath,
      kind: fileKindOf(record.filePath) ?? 'csv',
      encoding: record.encoding ?? 'utf-8',
      mapping: record.mapping,
      entity: importer.entity,
      skip: record.processed,
      options,
    };
    if (record.total === null)
      await db
        .update(imports)
        .set({ total: await countRecords(source) })
        .where(where);
    const importBatch = await importer.prepare(ctx, record.policy as ImportPolicy, options);
    let committed = record.processed;
    let analyzeAt = 2000;
    const write = async ({ rows, unread, readable }: ReadBatch) => {
      await inRetriedTransaction(ctx, async (tx) => {
        const written = readable.length > 0 ? await importBatch(tx, readable) : emptyResult();
        const result = { ...written, errors: [...unread, ...written.errors] };
        if (result.errors.length > 0) {
          await tx.db
            .insert(importErrors)
            .values(result.errors.map((e) => ({ orgId, importId: id, ...e })))
            .onConflictDoNothing();
        }
        await tx.db
          .update(imports)
          .set({
            processed: sql`${imports.processed} + ${rows.length}`,
            created: sql`${imports.created} + ${result.created}`,
            updated: sql`${imports.updated} + ${result.updated}`,
            skipped: sql`${imports.skipped} + ${result.skipped}`,
            failed: sql`${imports.failed} + ${new Set(result.errors.map((e) => e.row)).size}`,
          })
          .where(where);
      });
      committed += rows.length;
      if (committed >= analyzeAt) {
        await refreshing;
        refreshing = refreshStatistics(db, importer);
        // A failed pass is rethrown where it is awaited (the next pass or the end), not reported as unhandled.
        refreshing.catch(() => {});
        while (analyzeAt <= committed) analyzeAt *= 2;
      }
    };
    // Batches are written one at a time and in order, but the next one is read while the database writes the last.
    const readRow = importer.readRow;
    const batches = readBatches(source, readRow && ((values, opts) => readRow(values, opts, ctx)), readSlice);
    for await (const batch of batches) {
      await writing;
      writing = write(batch);
      // A failed write is rethrown where it is awaited (the next batch or the end), not reported as unhandled.
      writing.catch(() => {});
    }
    await writing;
    await refreshing;
    await refreshStatistics(db, importer);
    await db.update(imports).set({ status: 'succeeded', finishedAt: job.clock.now() }).where(where);
    await fs.promises.rm(record.filePath, { force: true });
  } catch (error) {
    await writing.catch(() => {}); // the batch in flight ends (or fails) before the import's state is set
    await refreshing.catch(() => {});
    // A file refused for what it holds is refused again on every attempt: fail now, say why.
    const refused = error instanceof SpreadsheetTooLarge;
    const lastAttempt = refused || job.attempts >= job.maxAttempts;
    const locale: Locale = job.payload.locale === 'en' ? 'en' : 'zh-CN';
    const message = refused
      ? errorMessage('import.spreadsheet_too_large', locale)
      : error instanceof Error
        ? error.message
        : String(error);
    await db
      .update(imports)
      .set({
        status: lastAttempt ? 'failed' : 'queued',
        message: message.slice(0, 500),
        finishedAt: lastAttempt ? job.clock.now() : null,
      })
      .where(where);
    if (refused) await fs.promises.rm(record.filePath, { force: true });
    throw refused ? new PermanentJobError(message, { cause: error }) : error;
  }
}
