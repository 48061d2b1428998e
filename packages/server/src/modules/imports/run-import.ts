import fs from 'node:fs';
import type { Locale } from '@berth/domain';
import { isRepeatableImportField } from '@berth/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { loadUserAccess } from '../../platform/auth/load-principal';
import { type Ctx, inRetriedTransaction } from '../../platform/context';
import { errorMessage } from '../../platform/error-catalogue';
import { type Job, PermanentJobError } from '../../platform/jobs/job-runner';
import type { ImportBatchResult, Importer, ImportPolicy, ImportRows } from '../../platform/module';
import { importerOf } from './importers';
import { fileKindOf, mappingScore, readRows, rowsFromHeader } from './read-rows';
import { SpreadsheetTooLarge } from './spreadsheet-limits';
import { importErrors, imports } from './tables';

const batchSize = 500;

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
    const kind = fileKindOf(record.filePath) ?? 'csv';
    const encoding = record.encoding ?? 'utf-8';
    // The header is found again the way the upload found it: the row its mapping names best.
    const sheetRows = () => rowsFromHeader(readRows(record.filePath, kind, encoding), mappingScore(record.mapping));
    if (record.total === null) {
      let total = -1; // the header row is not a record
      for await (const _ of sheetRows()) total++;
      await db
        .update(imports)
        .set({ total: Math.max(0, total) })
        .where(where);
    }
    const importer = importerOf(record.entity);
    if (!importer) throw new Error(`no importer registered for ${record.entity}`);
    const options = record.options ?? {};
    const importBatch = await importer.prepare(ctx, record.policy as ImportPolicy, options);
    let columns: (string | undefined)[] | null = null;
    let seen = 0;
    let committed = record.processed;
    let analyzeAt = 2000;
    let batch: ImportRows = [];
    const write = async (rows: ImportRows, unread: ImportBatchResult['errors'], readable: ImportRows) => {
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
    /**
     * Reads a full batch (the importer's per-row work, the costly JS part) and hands it to the writer
     * once the batch before it is committed: batches are still written one at a time and in order,
     * but the next one is parsed and read while the database writes the last.
     */
    const flush = async () => {
      if (batch.length === 0) return;
      const rows = batch;
      batch = [];
      // Rows whose cells the importer could not read are reported here and kept from its writer.
      const unread: ImportBatchResult['errors'] = [];
      const readable = rows.filter((row) => {
        if (!importer.readRow) return true;
        const reading = importer.readRow(row.values, options, ctx);
        for (const problem of reading.problems) unread.push({ row: row.row, ...problem });
        row.value = reading.value ?? undefined;
        return reading.problems.length === 0 && reading.value !== null;
      });
      await writing;
      writing = write(rows, unread, readable);
      // A failed write is rethrown where it is awaited (the next batch or the end), not reported as unhandled.
      writing.catch(() => {});
    };
    for await (const sheetRow of sheetRows()) {
      if (!columns) {
        columns = sheetRow.cells.map((header) => record.mapping[header]);
        continue;
      }
      seen++;
      if (seen <= record.processed) continue; // committed before a restart
      const values: Record<string, string> = {};
      sheetRow.cells.forEach((cell, i) => {
        const field = columns?.[i];
        if (!field || !cell) return;
        // A field several columns map to (containers 1, 2, 3…) reads as one list.
        values[field] =
          values[field] && isRepeatableImportField(importer.entity, field) ? `${values[field]}; ${cell}` : cell;
      });
      batch.push({ row: sheetRow.row, values });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
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
