import { displayTimeZone } from '../../app/format';

/** Query key roots of tasks, the calendar and next-step rules. */
export const taskKeys = {
  all: ['tasks'] as const,
  myDay: (tz: string) => ['tasks', 'my-day', tz] as const,
  calendar: ['tasks', 'calendar'] as const,
  feed: ['tasks', 'calendar-feed'] as const,
  rules: ['next-step-rules'] as const,
};

/** The user's IANA time zone (their own or their organisation's); days in "my day" and the calendar follow it. */
export function userTimeZone(): string {
  return displayTimeZone();
}
