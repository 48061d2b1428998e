/** Query key roots of tasks, the calendar and next-step rules. */
export const taskKeys = {
  all: ['tasks'] as const,
  myDay: (tz: string) => ['tasks', 'my-day', tz] as const,
  calendar: ['tasks', 'calendar'] as const,
  feed: ['tasks', 'calendar-feed'] as const,
  rules: ['next-step-rules'] as const,
};

/** The browser's IANA time zone ("Asia/Shanghai"); days in "my day" and the calendar follow it. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
