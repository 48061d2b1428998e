import { setImmediate } from 'node:timers/promises';
import { type ImportEntity, isRepeatableImportField } from '@berth/domain';
import type { ImportBatchResult, ImportOptions, ImportRowReading, ImportRows } from '../../platform/module';
import { type FileKind, mappingScore, readRows, rowsFromHeader } from './read-rows';

/**
 * The rows an import commits in one transaction (a crash loses at most the batch in flight). Each batch pays its
 * round trips and its statements' setup (the statement audit and the search-key trigger run once a statement):
 * of 500, 1,000, 2,000 and 5,000 rows, 2,000 imported fastest (decision 0009, sixth pass).
 */
export const importBatchSize = 2000;

/** What the job needs to read an import's file into batches. */
export interface ImportFileSource {
  filePath: string;
  kind: FileKind;
  encoding: string;
  /** Header text → field, as the wizard's mapping says. */
  mapping: Record<string, string>;
  entity: ImportEntity;
  /** Records already committed before a restart: read past, not handed out again. */
  skip: number;
  options: ImportOptions;
}

/** The importer's `readRow`, with the import's context bound. */
export type ReadImportRow = (values: Record<string, string>, options: ImportOptions) => ImportRowReading<unknown>;

/** One batch as the writer takes it: all its rows (for the progress count), the problems found reading them, and the rows to write. */
export interface ReadBatch {
  rows: ImportRows;
  unread: ImportBatchResult['errors'];
  readable: ImportRows;
}

/** What finding the file's records needs: the file, and the mapping that names its header row. */
type SheetSource = Pick<ImportFileSource, 'filePath' | 'kind' | 'encoding' | 'mapping'>;

/** The file's records after the header, counted as the progress counts them. */
export async function countRecords(source: SheetSource) {
  let total = -1; // the header row is not a record
  for await (const _ of sheetRows(source)) total++;
  return Math.max(0, total);
}

// The header is found again the way the upload found it: the row its mapping names best.
const sheetRows = (source: SheetSource) =>
  rowsFromHeader(readRows(source.filePath, source.kind, source.encoding), mappingScore(source.mapping));

/**
 * The file's records after `source.skip` as batches of `importBatchSize`, each row's cells as field → text (a
 * field several columns map to, containers 1, 2, 3…, as one list) and read by the importer's `readRow`: rows it
 * cannot read are reported in `unread` and kept from `readable`. With `yieldEvery`, the event loop gets a turn
 * after that many rows: the batch being written waits on the same thread for each answer of the database, and
 * would otherwise wait for a whole batch's reading while the database idles.
 */
export async function* readBatches(
  source: ImportFileSource,
  readRow: ReadImportRow | undefined,
  yieldEvery = 0,
): AsyncGenerator<ReadBatch> {
  let columns: (string | undefined)[] | null = null;
  let seen = 0;
  let batch: ReadBatch = { rows: [], unread: [], readable: [] };
  for await (const sheetRow of sheetRows(source)) {
    if (!columns) {
      columns = sheetRow.cells.map((header) => source.mapping[header]);
      continue;
    }
    seen++;
    if (seen <= source.skip) continue; // committed before a restart
    const values: Record<string, string> = {};
    sheetRow.cells.forEach((cell, i) => {
      const field = columns?.[i];
      if (!field || !cell) return;
      values[field] =
        values[field] && isRepeatableImportField(source.entity, field) ? `${values[field]}; ${cell}` : cell;
    });
    const row: ImportRows[number] = { row: sheetRow.row, values };
    batch.rows.push(row);
    if (!readRow) batch.readable.push(row);
    else {
      const reading = readRow(values, source.options);
      for (const problem of reading.problems) batch.unread.push({ row: row.row, ...problem });
      row.value = reading.value ?? undefined;
      if (reading.problems.length === 0 && reading.value !== null) batch.readable.push(row);
    }
    if (yieldEvery > 0 && batch.rows.length % yieldEvery === 0) await setImmediate();
    if (batch.rows.length >= importBatchSize) {
      yield batch;
      batch = { rows: [], unread: [], readable: [] };
    }
  }
  if (batch.rows.length > 0) yield batch;
}
