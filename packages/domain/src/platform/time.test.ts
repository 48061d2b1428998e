import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWholeDays,
  addZonedDays,
  addZonedMonths,
  atZonedTime,
  fixedClock,
  formatBusinessDateTime,
  formatDateTime,
  formatTimeAgo,
  isTimeZone,
  nowInZone,
  startOfZonedDate,
  timeZoneLabel,
  wholeDaysUntil,
  zonedDate,
  zonedDayEnd,
  zonedDayStart,
} from './time';

describe('days in a time zone', () => {
  it('knows IANA names and refuses others', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('puts an instant on its local day', () => {
    const at = new Date('2026-05-04T17:30:00Z');
    expect(zonedDate('UTC', at)).toBe('2026-05-04');
    expect(zonedDate('Asia/Shanghai', at)).toBe('2026-05-05');
    expect(zonedDate('America/Los_Angeles', at)).toBe('2026-05-04');
  });

  it('finds the start of the local day and of the days after it', () => {
    const at = new Date('2026-05-04T17:30:00Z');
    expect(zonedDayStart('UTC', at).toISOString()).toBe('2026-05-04T00:00:00.000Z');
    expect(zonedDayStart('Asia/Shanghai', at).toISOString()).toBe('2026-05-04T16:00:00.000Z');
    expect(zonedDayStart('Asia/Shanghai', at, 1).toISOString()).toBe('2026-05-05T16:00:00.000Z');
    expect(zonedDayStart('America/New_York', at, -1).toISOString()).toBe('2026-05-03T04:00:00.000Z');
  });

  it('honours daylight saving: the day clocks spring forward has 23 hours', () => {
    // Europe/Berlin moves from +01:00 to +02:00 on 2026-03-29.
    const day = new Date('2026-03-29T12:00:00Z');
    const start = zonedDayStart('Europe/Berlin', day);
    const next = zonedDayStart('Europe/Berlin', day, 1);
    expect(start.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(next.getTime() - start.getTime()).toBe(23 * 3_600_000);
  });

  it('always returns a local midnight on or before the instant, less than a day (plus DST) away', () => {
    const zones = ['UTC', 'Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 3 * 365 * 86_400_000 }), (zone, ms) => {
        const at = new Date(Date.UTC(2025, 0, 1) + ms);
        const start = zonedDayStart(zone, at);
        expect(start.getTime()).toBeLessThanOrEqual(at.getTime());
        expect(at.getTime() - start.getTime()).toBeLessThan(25 * 3_600_000);
        expect(zonedDate(zone, start)).toBe(zonedDate(zone, at));
        const local = new Intl.DateTimeFormat('en-GB', {
          timeZone: zone,
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        });
        expect(local.format(start)).toBe('00:00');
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('ends the local day at its last millisecond', () => {
    const at = new Date('2026-05-04T17:30:00Z');
    expect(zonedDayEnd('Asia/Shanghai', at).toISOString()).toBe('2026-05-05T15:59:59.999Z');
    expect(zonedDayEnd('Europe/Berlin', new Date('2026-10-25T12:00:00Z')).toISOString()).toBe(
      '2026-10-25T22:59:59.999Z',
    );
  });

  it('reads the clock in a zone', () => {
    const clock = fixedClock(new Date('2026-05-04T17:30:00Z'));
    const local = nowInZone(clock, 'Asia/Shanghai');
    expect([local.getDate(), local.getHours(), local.getMinutes()]).toEqual([5, 1, 30]);
    expect(clock.now().getTime()).toBe(local.getTime());
  });
});

describe('calendar arithmetic in a zone', () => {
  it('keeps the wall-clock time when a day is added across daylight saving', () => {
    // 09:00 in Berlin the day before clocks spring forward, and the day before they fall back.
    const spring = new Date('2026-03-28T08:00:00Z');
    expect(addZonedDays('Europe/Berlin', spring, 1).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    const autumn = new Date('2026-10-24T07:00:00Z');
    expect(addZonedDays('Europe/Berlin', autumn, 1).toISOString()).toBe('2026-10-25T08:00:00.000Z');
    // Whole days are 24 hours whatever the zone does.
    expect(addWholeDays(spring, 1).toISOString()).toBe('2026-03-29T08:00:00.000Z');
  });

  it('adds months by the calendar, the 31st becoming the last day of a shorter month', () => {
    const endOfJanuary = new Date('2026-01-31T01:00:00Z'); // 09:00 in Shanghai
    expect(addZonedMonths('Asia/Shanghai', endOfJanuary, 1).toISOString()).toBe('2026-02-28T01:00:00.000Z');
    const newYork = new Date('2026-02-15T14:00:00Z'); // 09:00 EST
    expect(addZonedMonths('America/New_York', newYork, 1).toISOString()).toBe('2026-03-15T13:00:00.000Z'); // 09:00 EDT
  });

  it('sets a wall-clock time on the local day', () => {
    const at = new Date('2026-05-04T17:30:00Z'); // 01:30 on 5 May in Shanghai
    expect(atZonedTime('Asia/Shanghai', at, 9).toISOString()).toBe('2026-05-05T01:00:00.000Z');
    expect(atZonedTime('UTC', at, 9, 15).toISOString()).toBe('2026-05-04T09:15:00.000Z');
  });

  it('adding calendar days then going back returns the same instant away from transitions', () => {
    const zones = ['UTC', 'Asia/Shanghai', 'Europe/Berlin', 'America/New_York'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 3 * 365 }),
        fc.integer({ min: -400, max: 400 }),
        (zone, day, days) => {
          // Noon avoids the hours daylight saving skips or repeats.
          const at = atZonedTime(zone, new Date(Date.UTC(2025, 0, 1) + day * 86_400_000), 12);
          const moved = addZonedDays(zone, at, days);
          expect(formatDateTime(moved, zone).slice(11)).toBe('12:00:00');
          expect(addZonedDays(zone, moved, -days).getTime()).toBe(at.getTime());
          expect(Math.abs(moved.getTime() - addWholeDays(at, days).getTime())).toBeLessThanOrEqual(3_600_000);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it('counts started 24-hour periods', () => {
    const from = new Date('2026-05-01T00:00:00Z');
    expect(wholeDaysUntil(from, new Date('2026-05-03T00:00:00Z'))).toBe(2);
    expect(wholeDaysUntil(from, new Date('2026-05-03T00:00:01Z'))).toBe(3);
  });
});

describe('business formatting', () => {
  it('shows a moment in the organisation zone, in the reader language', () => {
    const at = new Date('2026-05-05T01:30:00Z');
    expect(formatBusinessDateTime(at, 'zh-CN', 'Asia/Shanghai')).toBe('2026年5月5日 09:30');
    expect(formatBusinessDateTime(at, 'en', 'Asia/Shanghai')).toBe('5 May 2026, 09:30');
    expect(formatBusinessDateTime(at, 'en', 'Europe/Berlin')).toBe('5 May 2026, 03:30');
    expect(timeZoneLabel('Asia/Shanghai', 'zh-CN', at)).toBe('北京时间');
    expect(startOfZonedDate('Asia/Shanghai', '2026-05-05').toISOString()).toBe('2026-05-04T16:00:00.000Z');
    expect(startOfZonedDate('America/New_York', '2026-03-08', 1).toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(startOfZonedDate('Pacific/Kiritimati', '2026-12-31').toISOString()).toBe('2026-12-30T10:00:00.000Z');
    expect(timeZoneLabel('Asia/Shanghai', 'en', at)).toBe('Asia/Shanghai, UTC+08:00');
    expect(timeZoneLabel('Europe/Berlin', 'en', at)).toBe('Europe/Berlin, UTC+02:00');
  });

  it('shows date and time in a zone', () => {
    expect(formatDateTime(new Date('2026-03-05T00:09:10Z'), 'Asia/Shanghai')).toBe('2026-03-05 08:09:10');
  });

  it('says how long ago, in the reader language', () => {
    const now = new Date('2026-05-05T01:30:00Z');
    const before = new Date(now.getTime() - 3 * 60_000);
    expect(formatTimeAgo(before, now, 'en')).toBe('3 minutes ago');
    expect(formatTimeAgo(before, now, 'zh-CN')).toBe('3 分钟前');
  });
});
