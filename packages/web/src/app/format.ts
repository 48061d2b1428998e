import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';

dayjs.extend(relativeTime);

const dateTimeFormat = 'YYYY-MM-DD HH:mm:ss';
const empty = '—';

/** Local date and time of an ISO timestamp; a dash when there is none. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return empty;
  const date = dayjs(value);
  return date.isValid() ? date.format(dateTimeFormat) : value;
}

/** "3 minutes ago" in the UI language (dayjs follows it); a dash when there is none. */
export function formatRelative(value: string | null | undefined): string {
  if (!value) return empty;
  const date = dayjs(value);
  return date.isValid() ? date.fromNow() : value;
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
