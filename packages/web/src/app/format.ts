import { formatDateTime as formatInstant, formatTimeAgo, type Locale } from '@berth/domain';

const empty = '—';

function dateOf(value: string): Date | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Local date and time of an ISO timestamp; a dash when there is none. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return empty;
  const date = dateOf(value);
  return date ? formatInstant(date) : value;
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

/** Shows any JSON value briefly, for audit changes. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return empty;
  if (typeof value === 'string') return value === '' ? '""' : value;
  return JSON.stringify(value);
}
