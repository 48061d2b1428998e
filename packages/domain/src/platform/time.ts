import { TZDate, tz, tzOffset } from '@date-fns/tz';
import { addDays, addMonths, endOfDay, format, formatDistance, set, startOfDay, startOfMonth } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import { zhCN } from 'date-fns/locale/zh-CN';
import type { Locale } from './locale';

/**
 * Where the current instant comes from. Use cases read it from their context and jobs from the job
 * runner, never from `new Date()`, so a test can set the time instead of waiting for it.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that always says `at`: a job run "as of" an instant, a test. */
export function fixedClock(at: Date): Clock {
  const ms = at.getTime();
  return { now: () => new Date(ms) };
}

export const minuteMs = 60_000;
export const hourMs = 3_600_000;
/** 24 hours. Calendar days in a zone can be 23 or 25 hours long: use `addZonedDays` for those. */
export const dayMs = 86_400_000;

/**
 * The time zone a new organisation starts with (China's, which keeps no daylight saving). Each
 * organisation records its own in its settings and each user may choose theirs; code that works for
 * a person or an organisation reads those (server: `orgSettings(ctx)`, `timeZonesOfUsers`), never this.
 */
export const businessTimeZone = 'Asia/Shanghai';

/** Whether `name` is an IANA time zone this runtime knows ("Asia/Shanghai", "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The clock's instant as a date whose fields (year, hours…) are read in the zone. */
export function nowInZone(clock: Clock, timeZone: string): TZDate {
  return new TZDate(clock.now().getTime(), timeZone);
}

/** A plain Date: a TZDate prints its offset in toISOString and JSON, which API answers must not. */
const instant = (date: Date): Date => new Date(date.getTime());

/** The local date (YYYY-MM-DD) of an instant in the zone. */
export function zonedDate(timeZone: string, at: Date): string {
  return format(at, 'yyyy-MM-dd', { in: tz(timeZone) });
}

/**
 * The instant the local day of `at` starts in the zone, moved by `addDays` calendar days.
 * Daylight-saving changes are honoured (a local day may be 23 or 25 hours long).
 */
export function zonedDayStart(timeZone: string, at: Date, days = 0): Date {
  const zone = tz(timeZone);
  return instant(startOfDay(addDays(at, days, { in: zone }), { in: zone }));
}

/** The instant the local calendar month of `at` starts in the zone, moved by `months` months ("this month", "last month"). */
export function zonedMonthStart(timeZone: string, at: Date, months = 0): Date {
  const zone = tz(timeZone);
  return instant(startOfMonth(addMonths(startOfMonth(at, { in: zone }), months, { in: zone }), { in: zone }));
}

/** The local month (YYYY-MM) of an instant in the zone. */
export function zonedMonth(timeZone: string, at: Date): string {
  return format(at, 'yyyy-MM', { in: tz(timeZone) });
}

/** The instant a local date (YYYY-MM-DD) starts in the zone, `days` calendar days later when given. */
export function startOfZonedDate(timeZone: string, date: string, days = 0): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return instant(new TZDate(year, month - 1, day + days, timeZone));
}

/** The last millisecond of the local day of `at` in the zone. */
export function zonedDayEnd(timeZone: string, at: Date): Date {
  return instant(endOfDay(at, { in: tz(timeZone) }));
}

/** The same local time `days` calendar days later (earlier when negative), across daylight-saving changes. */
export function addZonedDays(timeZone: string, at: Date, days: number): Date {
  return instant(addDays(at, days, { in: tz(timeZone) }));
}

/** The same local time `months` calendar months later; the 31st becomes the month's last day when it has none. */
export function addZonedMonths(timeZone: string, at: Date, months: number): Date {
  return instant(addMonths(at, months, { in: tz(timeZone) }));
}

/** The local day of `at` at the given wall-clock time in the zone. */
export function atZonedTime(timeZone: string, at: Date, hours: number, minutes = 0): Date {
  return instant(set(at, { hours, minutes, seconds: 0, milliseconds: 0 }, { in: tz(timeZone) }));
}

/**
 * `days` whole 24-hour periods after `at`: how the pool's idle days and the next-step rules count,
 * the same in every zone and equal to `n * interval '24 hours'` in SQL whatever the session's
 * TimeZone (where `interval '1 day'` is a calendar day of that zone).
 */
export function addWholeDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * dayMs);
}

/** How many 24-hour periods from `from` until `to`, a started one counting whole. */
export function wholeDaysUntil(from: Date, to: Date): number {
  return Math.ceil((to.getTime() - from.getTime()) / dayMs);
}

export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * minuteMs);
}

const dateFnsLocales = { 'zh-CN': zhCN, en: enUS } as const;

/** Date and time as `2026-03-05 08:09:10` in the zone, or in the runtime's own zone when none is given. */
export function formatDateTime(at: Date, timeZone?: string): string {
  return format(at, 'yyyy-MM-dd HH:mm:ss', timeZone ? { in: tz(timeZone) } : undefined);
}

const businessPatterns: Record<Locale, string> = { 'zh-CN': 'yyyy年M月d日 HH:mm', en: 'd MMM yyyy, HH:mm' };

/**
 * A moment for a reader in e-mails and notifications — "2026年5月5日 09:30", "5 May 2026, 09:30" —
 * in the reader's time zone.
 */
export function formatBusinessDateTime(at: Date, locale: Locale, timeZone: string): string {
  return format(at, businessPatterns[locale], { in: tz(timeZone), locale: dateFnsLocales[locale] });
}

/**
 * How a message names the zone of the times it shows: "北京时间" for China's in Chinese, otherwise
 * the IANA name and its UTC offset at `at` ("Europe/Berlin, UTC+02:00").
 */
export function timeZoneLabel(timeZone: string, locale: Locale, at: Date): string {
  if (locale === 'zh-CN' && timeZone === 'Asia/Shanghai') return '北京时间';
  if (timeZone === 'UTC') return 'UTC';
  return `${timeZone}, UTC${format(at, 'xxx', { in: tz(timeZone) })}`;
}

/** "3 minutes ago", "3 分钟前": how long before `now` the moment was (or "in 3 minutes"). */
export function formatTimeAgo(at: Date, now: Date, locale: Locale): string {
  return formatDistance(at, now, { addSuffix: true, locale: dateFnsLocales[locale] });
}

/**
 * The local date and time of `at` in the zone, as a Date whose UTC fields hold them: what a spreadsheet cell
 * stores, since a spreadsheet date has no zone (`2026-12-06T16:37:31Z` in Asia/Shanghai → `2026-12-07T00:37:31Z`).
 */
export function wallClockOf(at: Date, timeZone: string): Date {
  return new Date(at.getTime() + tzOffset(timeZone, at) * minuteMs);
}

/** A wall-clock reading: what a date picker shows, without a zone. Months count from 1. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock of `at` in the zone (the inverse of `instantOfWallClock`). */
export function wallClockIn(at: Date, timeZone: string): WallClock {
  const wall = wallClockOf(at, timeZone);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/**
 * The instant at which the zone's clocks show this wall-clock time: a date picker's reading taken in the user's zone
 * rather than the machine's. A time skipped by a daylight-saving change reads as the time after it.
 */
export function instantOfWallClock(timeZone: string, wall: WallClock): Date {
  return new Date(
    new TZDate(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, timeZone).getTime(),
  );
}
