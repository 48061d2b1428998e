import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export interface SheetRow {
  /** The row number a person sees in Excel: the header is row 1. */
  row: number;
  cells: string[];
}

export type FileKind = 'csv' | 'xlsx';

export function fileKindOf(fileName: string): FileKind | null {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  return null;
}

/**
 * Files saved by Chinese Excel are often GBK; anything that is not valid UTF-8 in its first
 * 64 KiB is read as GB18030 (a superset of GBK and GB2312).
 */
export async function detectEncoding(path: string): Promise<'utf-8' | 'gb18030'> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const buffer = Buffer.alloc(65536);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
      return 'utf-8';
    } catch {
      return 'gb18030';
    }
  } finally {
    await handle.close();
  }
}

/** The rows of a CSV or the first worksheet of an .xlsx file, streamed: never the whole file in memory. */
export async function* readRows(path: string, kind: FileKind, encoding: string): AsyncGenerator<SheetRow> {
  if (kind === 'csv') {
    const input = fs.createReadStream(path).pipe(iconv.decodeStream(encoding)) as unknown as Readable;
    const parser = input.pipe(
      parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: false }),
    );
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { row: record.info.lines, cells: record.record.map((c) => c.trim()) };
    }
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      // Array.from fills the holes exceljs leaves for empty cells.
      const values = Array.from(row.values as unknown[])
        .slice(1)
        .map(cellText);
      if (values.some((v) => v !== '')) yield { row: row.number, cells: values };
    }
    break; // the first worksheet only
  }
}

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
