import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import {
  assertSpreadsheetWithinLimits,
  type SpreadsheetLimits,
  SpreadsheetTooLarge,
  spreadsheetLimits,
} from './spreadsheet-limits';

export interface SheetRow {
  /** The row number a person sees in Excel: the first line of the file is row 1. */
  row: number;
  cells: string[];
}

export type FileKind = 'csv' | 'xlsx';

/** `.txt` is what Excel's "Unicode text" export writes: tab-separated UTF-16. */
export function fileKindOf(fileName: string): FileKind | null {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  return null;
}

async function readHead(path: string, size = 65536): Promise<Buffer> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The encoding of a text file. A byte order mark decides (UTF-8, or the UTF-16 of Excel's
 * "Unicode text"); UTF-16 without one shows as NUL bytes beside ASCII. Otherwise a file that is
 * valid UTF-8 in its first 64 KiB is UTF-8, and anything else is read as GB18030, a superset of
 * the GBK and GB2312 that Chinese Excel saves.
 */
export async function detectEncoding(path: string): Promise<'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'> {
  const head = await readHead(path);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const sample = head.subarray(0, 512);
  const nulAt = (parity: number) => sample.filter((byte, i) => i % 2 === parity && byte === 0).length;
  if (sample.length >= 4 && nulAt(1) > sample.length / 4 && nulAt(0) === 0) return 'utf-16le';
  if (sample.length >= 4 && nulAt(0) > sample.length / 4 && nulAt(1) === 0) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

const delimiters = [',', '\t', ';', '|'];

/**
 * The delimiter of a delimited text file: of comma, tab, semicolon and bar, the one found most
 * often outside quotes in its first ten records (a comma when none is found). Quotes are followed
 * across lines, so a quoted cell with line breaks or delimiters in it does not mislead.
 */
export function sniffDelimiter(text: string): string {
  const counts = new Map(delimiters.map((d) => [d, 0]));
  let quoted = false;
  let records = 0;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === '\n' && ++records >= 10) break;
    else {
      const count = counts.get(char);
      if (count !== undefined) counts.set(char, count + 1);
    }
  }
  let best = ',';
  for (const d of delimiters) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** Longest record a file may have: a broken quote would otherwise read the rest of the file as one cell. */
const maxRecordBytes = 1024 * 1024;

/**
 * The non-empty rows of a CSV/TSV or of the first worksheet with data in an .xlsx file, streamed:
 * never the whole file in memory. Row numbers count empty rows and cells that span lines the way
 * Excel shows them. An .xlsx is measured unpacked before it is read, and its cells counted while
 * it is: past the limits it is refused with SpreadsheetTooLarge.
 */
export async function* readRows(
  path: string,
  kind: FileKind,
  encoding: string,
  limits = spreadsheetLimits,
): AsyncGenerator<SheetRow> {
  if (kind === 'csv') {
    const delimiter = sniffDelimiter(iconv.decode(await readHead(path), encoding));
    const input = fs.createReadStream(path).pipe(iconv.decodeStream(encoding)) as unknown as Readable;
    const parser = input.pipe(
      parse({
        bom: true,
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: false,
        max_record_size: maxRecordBytes,
        info: true,
        trim: false,
      }),
    );
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { records: number } }>) {
      const cells = record.record.map((c) => c.trim());
      if (cells.some((c) => c !== '')) yield { row: record.info.records, cells };
    }
    return;
  }
  await assertSpreadsheetWithinLimits(path, limits);
  // exceljs's streaming reader now and then starts a worksheet before it has read the workbook part and fails on it
  // (a TypeError, reproduced on small files read four at a time: a few reads in a thousand). Until a row has been
  // handed out, reading the file again from its start loses nothing; after that an error is the file's.
  for (let attempt = 1; ; attempt++) {
    let yielded = false;
    try {
      for await (const row of readWorksheetRows(path, limits)) {
        yielded = true;
        yield row;
      }
      return;
    } catch (error) {
      if (yielded || attempt >= xlsxReadAttempts || !(error instanceof TypeError)) throw error;
    }
  }
}

/** Reads of an .xlsx tried before its reader's error stands (see readRows). */
const xlsxReadAttempts = 3;

/** The rows of the first worksheet with data in an .xlsx file, its cells counted against the limits. */
async function* readWorksheetRows(path: string, limits: SpreadsheetLimits): AsyncGenerator<SheetRow> {
  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  for await (const worksheet of reader) {
    let found = false;
    for await (const row of worksheet) {
      // Array.from fills the holes exceljs leaves for empty cells.
      const positions = (row.values as unknown[]).length;
      cells += positions;
      if (cells > limits.cells) throw new SpreadsheetTooLarge('cells');
      const values = Array.from(row.values as unknown[])
        .slice(1)
        .map(cellText);
      if (values.some((v) => v !== '')) {
        found = true;
        yield { row: row.number, cells: values };
      }
    }
    if (found) break; // a leading empty sheet (a cover page) is passed over
  }
}

/** How well a row reads as the header row: how many of its cells are known column names. */
export type HeaderScore = (cells: string[]) => number;

/** Exports often open with a title line and a date line: the header is looked for in this many rows. */
const headerSearchRows = 10;

/**
 * The rows from the header on: of the first rows, the one with the best score (the first of
 * equals; the first row when none scores) comes first, then every row after it. Title lines
 * above the header are left out.
 */
export async function* rowsFromHeader(rows: AsyncIterable<SheetRow>, score: HeaderScore): AsyncGenerator<SheetRow> {
  const iterator = rows[Symbol.asyncIterator]();
  try {
    const head: SheetRow[] = [];
    while (head.length < headerSearchRows) {
      const next = await iterator.next();
      if (next.done) break;
      head.push(next.value);
    }
    let best = 0;
    let bestScore = 0;
    head.forEach((row, i) => {
      const rowScore = score(row.cells);
      if (rowScore > bestScore) {
        best = i;
        bestScore = rowScore;
      }
    });
    yield* head.slice(best);
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await iterator.return?.();
  }
}

/** A header score for a known mapping: how many of the row's cells it names. */
export const mappingScore =
  (mapping: Record<string, string>): HeaderScore =>
  (cells) =>
    cells.filter((cell) => Object.hasOwn(mapping, cell)).length;

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[]; hyperlink?: string };
    if (v.richText)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
    return '';
  }
  return String(value).trim();
}
