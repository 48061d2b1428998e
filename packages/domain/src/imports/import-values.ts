import { dayMs } from '../platform/time';

/**
 * Reading the cells of an import: how people write yes/no, dates and lists in a spreadsheet, and
 * matching column headers to fields. Pure functions shared by every import.
 */

/** Folds a header for matching: width, case, spaces and brackets do not matter. */
export const foldHeader = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-:：()（）/]+/g, '');

/**
 * Matches headers to fields by field name or one of its labels; each field is taken by its first
 * matching header, and unknown headers are left out.
 */
export function suggestMapping<F extends string>(
  fields: Record<F, readonly string[]>,
  headers: string[],
): Record<string, F> {
  const byLabel = new Map<string, F>();
  for (const field of Object.keys(fields) as F[]) {
    byLabel.set(foldHeader(field), field);
    for (const label of fields[field]) if (!byLabel.has(foldHeader(label))) byLabel.set(foldHeader(label), field);
  }
  const mapping: Record<string, F> = {};
  const taken = new Set<F>();
  for (const header of headers) {
    const field = byLabel.get(foldHeader(header));
    if (field && !taken.has(field)) {
      mapping[header] = field;
      taken.add(field);
    }
  }
  return mapping;
}

/** Several values in one cell, separated by commas, semicolons, 、, | or line breaks (half- or full-width). */
export const splitList = (value: string) =>
  value
    .split(/[,，;；、|\n]+/)
    .map((v) => v.trim())
    .filter(Boolean);

const trueWords = new Set(['是', '对', '有', '√', '✓', 'yes', 'y', 'true', 't', '1', 'on']);
const falseWords = new Set(['否', '不是', '错', '无', '没有', '×', '✗', 'no', 'n', 'false', 'f', '0', 'off']);

/**
 * A yes/no cell: 是/否, yes/no, Y/N, true/false, 1/0 (any case, full- or half-width). Null when the
 * text is none of these.
 */
export function parseBooleanWord(text: string): boolean | null {
  const word = text.normalize('NFKC').trim().toLowerCase();
  if (trueWords.has(word)) return true;
  if (falseWords.has(word)) return false;
  return null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Day 1 of Excel's 1900 date system; serials after 60 step over the 29 February 1900 Excel believes in. */
const excelEpoch = Date.UTC(1899, 11, 31);

/** An Excel date serial (days since 1900-01-00), as a CSV saved from Excel may hold it. */
export function excelSerialToIsoDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2_958_465) return null;
  const days = serial > 60 ? serial - 1 : serial;
  const date = new Date(excelEpoch + days * dayMs);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * A date cell as `YYYY-MM-DD`: 1990-05-01, 1990/5/1, 1990.5.1, 1990年5月1日, 19900501, an ISO
 * date-time, or an Excel date serial (33000). Null when it is not a real calendar date.
 */
export function parseDateWord(text: string): string | null {
  const value = text.normalize('NFKC').trim();
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(value);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{1,7}$/.test(value)) return excelSerialToIsoDate(Number(value));
  return null;
}
