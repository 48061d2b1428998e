import { tz } from '@date-fns/tz';
import { getISODay } from 'date-fns';

/**
 * When the organisation works: ISO weekdays (1 = Monday … 7 = Sunday), plus dated exceptions —
 * public holidays that fall on a working weekday, and make-up working days (调休) that fall on a
 * weekend. A date in both lists is a holiday.
 */
export interface WorkingCalendar {
  workingWeekdays: number[];
  /** YYYY-MM-DD days off although their weekday is a working one (春节, 国庆节…). */
  holidays: string[];
  /** YYYY-MM-DD days worked although their weekday is not (调休上班). */
  workingDays: string[];
}

export const defaultWorkingCalendar: WorkingCalendar = {
  workingWeekdays: [1, 2, 3, 4, 5],
  holidays: [],
  workingDays: [],
};

/** The ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD date, whatever the runtime's zone. */
export function isoWeekdayOf(date: string): number {
  return getISODay(new Date(`${date}T12:00:00Z`), { in: tz('UTC') });
}

/** Whether a local date (YYYY-MM-DD) is a working day in the calendar. */
export function isWorkingDay(calendar: WorkingCalendar, date: string): boolean {
  if (calendar.holidays.includes(date)) return false;
  if (calendar.workingDays.includes(date)) return true;
  return calendar.workingWeekdays.includes(isoWeekdayOf(date));
}
