import { z } from 'zod';
import { taskSchema } from './task-schemas';

/** A group of the caller's open tasks on the home page: how many, and the first few by due time. */
const taskGroupSchema = z.object({ count: z.number().int(), items: z.array(taskSchema) });

/** The caller's open tasks overdue and due today, by days of their time zone (their own, else the organisation's). */
export const taskHomeCardSchema = z.object({
  timeZone: z.string(),
  /** Today in that time zone, YYYY-MM-DD. */
  date: z.string(),
  overdue: taskGroupSchema,
  today: taskGroupSchema,
});
export type TaskHomeCard = z.infer<typeof taskHomeCardSchema>;
