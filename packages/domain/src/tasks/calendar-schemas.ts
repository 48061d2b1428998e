import { z } from 'zod';
import { activityKinds, timestampInputSchema } from '../activities/activity-schemas';
import { dayMs } from '../platform/time';
import { salesEventKinds } from '../sales-events/sales-event-schemas';
import { taskPriorities, taskStatuses } from './task-schemas';

/** A private iCalendar feed per user; the address holds a secret token, shown once. */
export const calendarFeedSchema = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
});
export const createdCalendarFeedSchema = z.object({
  /** The subscription address; only its hash is kept, so it is shown this once. */
  url: z.string(),
  createdAt: z.string(),
});
/**
 * A feed token names its organisation and record like a session cookie (`<orgId>.<feedId>.<secret>`, the ids in
 * base64url); feeds made before that are a bare secret and keep working.
 */
export const calendarFeedTokenParamsSchema = z.object({
  token: z.string().regex(/^(?:[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}\.)?[A-Za-z0-9_-]{20,100}$/),
});

export const calendarRangeMaxDays = 62;

export const calendarItemsQuerySchema = z
  .object({
    from: timestampInputSchema,
    to: timestampInputSchema,
  })
  .refine((q) => {
    const span = Date.parse(q.to) - Date.parse(q.from);
    return span > 0 && span <= calendarRangeMaxDays * dayMs;
  }, 'validation.invalid_value');

/**
 * What the calendar page shows: the caller's tasks by due time, activities by when they happen and
 * the sales events (visits, trade shows, presentations) they own or take part in.
 */
export const calendarItemSchema = z.object({
  type: z.enum(['task', 'activity', 'sales_event']),
  id: z.uuid(),
  title: z.string(),
  start: z.string(),
  end: z.string().nullable(),
  customerId: z.uuid().nullable(),
  customerName: z.string().nullable(),
  activityKind: z.enum(activityKinds).nullable(),
  taskStatus: z.enum(taskStatuses).nullable(),
  taskPriority: z.enum(taskPriorities).nullable(),
  salesEventKind: z.enum(salesEventKinds).nullable(),
  /** Where a sales event takes place. */
  place: z.string().nullable(),
});
export type CalendarItem = z.infer<typeof calendarItemSchema>;
export const calendarItemsSchema = z.object({ items: z.array(calendarItemSchema) });
