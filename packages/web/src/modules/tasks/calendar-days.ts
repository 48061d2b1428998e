import type { CalendarItem } from '@berth/domain';
import dayjs, { type Dayjs } from 'dayjs';

/** A local calendar day, YYYY-MM-DD. */
export const dayKey = (value: string | Dayjs) => dayjs(value).format('YYYY-MM-DD');

/** At most this many days of one item are drawn (a calendar range is at most 62 days). */
const maxDays = 62;

/**
 * The local days an item is drawn on: its start day, and for a sales event every further day it
 * runs into (a three-day trade show is on three days; one ending at midnight not on the next).
 */
export function calendarDaysOf(item: Pick<CalendarItem, 'type' | 'start' | 'end'>): string[] {
  if (item.type !== 'sales_event' || !item.end) return [dayKey(item.start)];
  const days: string[] = [];
  const last = dayjs(item.end).subtract(1, 'millisecond').startOf('day');
  for (
    let day = dayjs(item.start).startOf('day');
    !day.isAfter(last) && days.length < maxDays;
    day = day.add(1, 'day')
  ) {
    days.push(dayKey(day));
  }
  return days.length > 0 ? days : [dayKey(item.start)];
}
