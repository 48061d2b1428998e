import dayjs from 'dayjs';

const dateTimeFormat = 'YYYY-MM-DD HH:mm:ss';
const empty = '—';

/** Local date and time of an ISO timestamp; a dash when there is none. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return empty;
  const date = dayjs(value);
  return date.isValid() ? date.format(dateTimeFormat) : value;
}

/** Shows any JSON value briefly, for audit changes. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return empty;
  if (typeof value === 'string') return value === '' ? '""' : value;
  return JSON.stringify(value);
}
