import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTimeZone, zonedDate, zonedDayStart } from './zoned-day';

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
});
