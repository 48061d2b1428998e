/** Calendar days in a user's time zone, from the IANA name the browser reports. */

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(timeZone: string, at: number): WallClock {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(at))
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  ) as unknown as WallClock;
  return parts;
}

/** How far the zone's wall clock is ahead of UTC at that instant, in ms. */
function offsetAt(timeZone: string, at: number): number {
  const w = wallClock(timeZone, at);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** The local date (YYYY-MM-DD) of an instant in the zone. */
export function zonedDate(timeZone: string, at: Date): string {
  const w = wallClock(timeZone, at.getTime());
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/**
 * The instant the local day starts in the zone: the day of `at`, moved by `addDays` calendar days.
 * Daylight-saving changes are honoured (a local day may be 23 or 25 hours long).
 */
export function zonedDayStart(timeZone: string, at: Date, addDays = 0): Date {
  const w = wallClock(timeZone, at.getTime());
  const midnight = Date.UTC(w.year, w.month - 1, w.day + addDays);
  const guess = midnight - offsetAt(timeZone, midnight);
  return new Date(midnight - offsetAt(timeZone, guess));
}
