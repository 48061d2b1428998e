import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { calendarDaysOf } from './calendar-days';

const local = (text: string) => dayjs(text).format();

describe('the days a calendar item is drawn on', () => {
  it('puts tasks and activities on their start day only', () => {
    expect(calendarDaysOf({ type: 'task', start: local('2026-12-07T09:00'), end: null })).toEqual(['2026-12-07']);
    expect(
      calendarDaysOf({ type: 'activity', start: local('2026-12-07T23:30'), end: local('2026-12-08T00:30') }),
    ).toEqual(['2026-12-07']);
  });

  it('spreads a sales event over every day it runs into', () => {
    expect(
      calendarDaysOf({ type: 'sales_event', start: local('2026-12-07T09:00'), end: local('2026-12-09T17:00') }),
    ).toEqual(['2026-12-07', '2026-12-08', '2026-12-09']);
  });

  it('does not draw an event ending at midnight on the next day', () => {
    expect(
      calendarDaysOf({ type: 'sales_event', start: local('2026-12-07T09:00'), end: local('2026-12-08T00:00') }),
    ).toEqual(['2026-12-07']);
  });

  it('draws an event with a zero length on its start day', () => {
    const at = local('2026-12-07T09:00');
    expect(calendarDaysOf({ type: 'sales_event', start: at, end: at })).toEqual(['2026-12-07']);
  });
});
