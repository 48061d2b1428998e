import { formatDateTime as formatInstant, formatTimeAgo, type Locale } from '@berth/domain';

const empty = '—';

/** The signed-in user's time zone (their own, or their organisation's); the runtime's until one is known. */
let displayZone: string | undefined;

/** Dates and times in the console follow this zone from now on (set when the signed-in user is loaded). */
export function setDisplayTimeZone(timeZone: string | null | undefined): void {
  displayZone = timeZone ?? undefined;
}

/** The zone the console shows times in: the user's, the organisation's, or the browser's before sign-in. */
export function displayTimeZone(): string {
  return displayZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

function dateOf(value: string): Date | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Date and time of an ISO timestamp in the user's time zone; a dash when there is none. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return empty;
  const date = dateOf(value);
  return date ? formatInstant(date, displayZone) : value;
}

/** "3 minutes ago" in the UI language; a dash when there is none. */
export function formatRelative(value: string | null | undefined, locale: string): string {
  if (!value) return empty;
  const date = dateOf(value);
  return date ? formatTimeAgo(date, new Date(), (locale === 'en' ? 'en' : 'zh-CN') satisfies Locale) : value;
}

/** A number with digit grouping in the UI language; a dash when there is none. */
export function formatNumber(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return empty;
  return new Intl.NumberFormat(locale).format(value);
}

const byteUnits = ['B', 'KB', 'MB', 'GB', 'TB'];

/** A size in bytes in binary multiples (1536 → "1.5 KB"), digits grouped in the UI language; a dash when there is none. */
export function formatBytes(bytes: number | null | undefined, locale: string): string {
  if (bytes === null || bytes === undefined) return empty;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < byteUnits.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${byteUnits[unit]}`;
}

/** Shows any JSON value briefly, for audit changes. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return empty;
  if (typeof value === 'string') return value === '' ? '""' : value;
  return JSON.stringify(value);
}
