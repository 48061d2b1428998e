import { instantOfWallClock, wallClockIn } from '@berth/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { displayTimeZone } from './format';

/**
 * antd's date pickers read and show the machine's clock; the console's times are in the user's zone (their own, else
 * the organisation's: `displayTimeZone`). A picker therefore holds the user's wall clock as a machine-local value,
 * and its reading is turned back into an instant in the user's zone (docs/decisions/0006-time-and-clock.md).
 */
export function toPickerValue(iso: string | null | undefined): Dayjs | null {
  if (!iso) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const w = wallClockIn(at, displayTimeZone());
  return dayjs(new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
}

/** The instant a picker's reading means in the user's zone, as ISO 8601 (UTC). */
export function fromPickerValue(value: Dayjs | null | undefined): string | null {
  if (!value) return null;
  return instantOfWallClock(displayTimeZone(), {
    year: value.year(),
    month: value.month() + 1,
    day: value.date(),
    hour: value.hour(),
    minute: value.minute(),
    second: value.second(),
  }).toISOString();
}

/** Now on the user's clock, as a picker value (a default "now" or "tomorrow 09:00" starts from it). */
export function pickerNow(): Dayjs {
  return toPickerValue(new Date().toISOString()) as Dayjs;
}
