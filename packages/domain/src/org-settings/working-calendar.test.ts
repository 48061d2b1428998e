import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoWeekdayOf, isWorkingDay, type WorkingCalendar } from './working-calendar';

// China 2026: National Day holiday 1–7 October, with Sunday 27 September and Saturday 10 October worked.
const china: WorkingCalendar = {
  workingWeekdays: [1, 2, 3, 4, 5],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  workingDays: ['2026-09-27', '2026-10-10'],
};

describe('working calendar', () => {
  it('knows the weekday of a date in every runtime zone', () => {
    expect(isoWeekdayOf('2026-10-10')).toBe(6);
    expect(isoWeekdayOf('2026-09-27')).toBe(7);
    expect(isoWeekdayOf('2026-10-05')).toBe(1);
  });

  it('takes holidays off and works the make-up weekend days (调休)', () => {
    expect(isWorkingDay(china, '2026-10-01')).toBe(false);
    expect(isWorkingDay(china, '2026-10-05')).toBe(false);
    expect(isWorkingDay(china, '2026-10-10')).toBe(true);
    expect(isWorkingDay(china, '2026-09-27')).toBe(true);
    expect(isWorkingDay(china, '2026-10-08')).toBe(true);
    expect(isWorkingDay(china, '2026-10-11')).toBe(false);
  });

  it('without exceptions, a day works exactly when its weekday does', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.subarray([1, 2, 3, 4, 5, 6, 7]),
        (at, weekdays) => {
          const date = at.toISOString().slice(0, 10);
          const calendar = { workingWeekdays: weekdays, holidays: [], workingDays: [] };
          expect(isWorkingDay(calendar, date)).toBe(weekdays.includes(isoWeekdayOf(date)));
        },
      ),
    );
  });
});
