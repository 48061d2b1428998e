import { PassThrough, Readable } from 'node:stream';
import {
  formatDateTime,
  type Locale,
  type LocalizedText,
  type MoneyJson,
  minorUnits,
  wallClockOf,
  zonedDate,
} from '@berth/domain';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { type AuditEvent, recordEvent } from '../audit';
import type { Ctx } from '../context';
import { contentDisposition } from './content-disposition';
import { spreadsheetText } from './spreadsheet-text';

/**
 * Every file a user downloads from a list or a report is written here, so each speaks the reader's language and
 * time: headers and values in the request's language (`lang`, else Accept-Language), instants in the reader's
 * time zone, dates as Excel dates and numbers as numbers, money as a number with its currency in the next column,
 * a file name in the reader's language and day. Rows are read page by page while the file streams out, and the
 * export is recorded in the audit log with the number of rows once the last one is written.
 */
export type ExportFormat = 'csv' | 'xlsx';

/**
 * How a column's value is written:
 * - `text`: a string (text that starts like a formula stays text in CSV, see spreadsheetText);
 * - `number`: a number or a decimal string (`"12.5"`), written as a number;
 * - `datetime`: an instant (Date or ISO string), written in the reader's zone: an Excel date with time, or
 *   `2026-12-07 00:37` in CSV;
 * - `date`: an instant (its day in the reader's zone) or a calendar day `YYYY-MM-DD`;
 * - `money`: `{amount, currency}`, two columns: the amount as a number (with the currency's minor units) and
 *   the currency's code in a column of its own.
 */
export type ExportKind = 'text' | 'number' | 'datetime' | 'date' | 'money';

export interface ExportColumn<Row> {
  header: LocalizedText;
  kind?: ExportKind;
  /** Width in characters in the workbook. */
  width?: number;
  value: (row: Row) => unknown;
}

export interface ExportSpec<Row> {
  ctx: Ctx;
  format: ExportFormat;
  /** The reader's IANA zone, where instants are shown. */
  timeZone: string;
  sheetName: LocalizedText;
  columns: readonly ExportColumn<Row>[];
  /** The rows, read lazily (a page at a time) while the file is written. */
  rows: () => AsyncIterable<Row>;
  /** The audit event of the export; its `meta` gets the format and the number of rows written. */
  audit: AuditEvent;
}

const currencyHeader: LocalizedText = { 'zh-CN': '币种', en: 'Currency' };
const dateTimeFormat = 'yyyy-mm-dd hh:mm';
const dateFormat = 'yyyy-mm-dd';

interface PhysicalColumn {
  header: string;
  width: number;
  numFmt?: string;
}

function physicalColumns<Row>(columns: readonly ExportColumn<Row>[], locale: Locale): PhysicalColumn[] {
  return columns.flatMap((column): PhysicalColumn[] => {
    const header = column.header[locale];
    const width = column.width ?? Math.max(10, Math.min(40, header.length * 2 + 4));
    switch (column.kind ?? 'text') {
      case 'datetime':
        return [{ header, width: Math.max(width, 18), numFmt: dateTimeFormat }];
      case 'date':
        return [{ header, width: Math.max(width, 12), numFmt: dateFormat }];
      case 'money':
        return [
          { header, width: Math.max(width, 14) },
          { header: `${header} (${currencyHeader[locale]})`, width: 10 },
        ];
      default:
        return [{ header, width }];
    }
  });
}

const toInstant = (value: unknown): Date | null => {
  if (value === null || value === undefined || value === '') return null;
  const at = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(at.getTime()) ? null : at;
};

const isCalendarDay = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

type Cell = string | number | Date | null;

/** One column's value as the cells it writes (two for money). */
function cellsOf(kind: ExportKind, value: unknown, format: ExportFormat, timeZone: string): Cell[] {
  if (kind === 'money') {
    const money = value as MoneyJson | null | undefined;
    if (!money) return [null, null];
    return [Number(money.amount), money.currency];
  }
  if (value === null || value === undefined || value === '') return [null];
  switch (kind) {
    case 'number':
      return [typeof value === 'number' ? value : Number(value)];
    case 'date': {
      if (isCalendarDay(value)) return [format === 'csv' ? value : new Date(`${value}T00:00:00Z`)];
      const at = toInstant(value);
      if (!at) return [null];
      const day = zonedDate(timeZone, at);
      return [format === 'csv' ? day : new Date(`${day}T00:00:00Z`)];
    }
    case 'datetime': {
      const at = toInstant(value);
      if (!at) return [null];
      return [format === 'csv' ? formatDateTime(at, timeZone).slice(0, 16) : wallClockOf(at, timeZone)];
    }
    default:
      return [String(value)];
  }
}

/** The rows of the export as cells, the header row first, counting them; the audit event follows the last one. */
async function* cellRows<Row>(spec: ExportSpec<Row>, headers: string[]): AsyncGenerator<Cell[]> {
  yield headers;
  let count = 0;
  for await (const row of spec.rows()) {
    yield spec.columns.flatMap((column) =>
      cellsOf(column.kind ?? 'text', column.value(row), spec.format, spec.timeZone),
    );
    count += 1;
  }
  await recordEvent(spec.ctx, {
    ...spec.audit,
    meta: { ...spec.audit.meta, format: spec.format, rows: count },
  });
}

/** The export as a stream: CSV (UTF-8 with BOM, so Excel shows Chinese) or an .xlsx workbook. */
export function streamExport<Row>(spec: ExportSpec<Row>): Readable {
  const locale = spec.ctx.locale;
  const columns = physicalColumns(spec.columns, locale);
  const rows = Readable.from(
    cellRows(
      spec,
      columns.map((c) => c.header),
    ),
  );
  if (spec.format === 'csv') return rows.pipe(stringify({ bom: true, cast: { string: spreadsheetText } }));
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(spec.sheetName[locale], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const moneyFormats = new Map<string, string>();
  const moneyFormat = (currency: string) => {
    let format = moneyFormats.get(currency);
    if (!format) {
      const units = minorUnits(currency);
      format = units > 0 ? `#,##0.${'0'.repeat(units)}` : '#,##0';
      moneyFormats.set(currency, format);
    }
    return format;
  };
  // Where each money amount sits and where its currency sits: the amount takes the currency's minor units.
  const moneyAt: number[] = [];
  let index = 1;
  for (const column of spec.columns) {
    if (column.kind === 'money') {
      moneyAt.push(index);
      index += 2;
    } else index += 1;
  }
  void (async () => {
    try {
      let first = true;
      for await (const cells of rows as AsyncIterable<Cell[]>) {
        const added = sheet.addRow(cells);
        if (first) added.font = { bold: true };
        else {
          columns.forEach((column, i) => {
            if (column.numFmt && cells[i] !== null) added.getCell(i + 1).numFmt = column.numFmt;
          });
          for (const at of moneyAt) {
            const currency = cells[at];
            if (typeof currency === 'string') added.getCell(at).numFmt = moneyFormat(currency);
          }
        }
        first = false;
        added.commit();
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A download's file name: its name in the reader's language and the reader's day, `客户-2026-12-07.xlsx`. */
export interface ExportFile {
  name: LocalizedText;
  /** The reader's zone, whose day dates the file. */
  timeZone: string;
  format: ExportFormat | 'ics';
}

export function exportFileName(ctx: Pick<Ctx, 'locale' | 'clock'>, file: ExportFile, locale = ctx.locale): string {
  return `${file.name[locale]}-${zonedDate(file.timeZone, ctx.clock.now())}.${file.format}`;
}

/**
 * Sends a download: its type, and `Content-Disposition: attachment` with the localised name as RFC 5987
 * `filename*` and the English one as the ASCII `filename` for clients that know no better.
 */
export function sendDownload(
  reply: FastifyReply,
  ctx: Pick<Ctx, 'locale' | 'clock'>,
  file: ExportFile & { format: ExportFormat },
  body: Readable | string,
): FastifyReply {
  return reply
    .type(contentTypes[file.format])
    .header(
      'Content-Disposition',
      contentDisposition('attachment', exportFileName(ctx, file), exportFileName(ctx, file, 'en')),
    )
    .send(body);
}
