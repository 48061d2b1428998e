import { z } from 'zod';
import { timestampInputSchema } from '../activities/activity-schemas';
import { listQuerySchema } from '../platform/pagination';
import { isTimeZone } from '../platform/time';

/** Tasks: a to-do with a due time for one user, linked to a record. */
export const taskPriorities = ['low', 'normal', 'high'] as const;
export type TaskPriority = (typeof taskPriorities)[number];
export const taskStatuses = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];
/** The kinds of record a task can be about. */
export const taskRelatedTypes = ['customer', 'opportunity', 'sales_event'] as const;
export type TaskRelatedType = (typeof taskRelatedTypes)[number];
/** manual: made by a person; rule: made by a next-step rule of the sales process. */
export const taskSources = ['manual', 'rule'] as const;

export const taskTitleMaxLength = 200;
export const taskDescriptionMaxLength = 5000;

export const taskRelatedInputSchema = z.object({ type: z.enum(taskRelatedTypes), id: z.uuid() });

const taskFields = {
  title: z.string().trim().min(1).max(taskTitleMaxLength),
  description: z.string().trim().max(taskDescriptionMaxLength).nullable().optional(),
  dueAt: timestampInputSchema.nullable().optional(),
  /** Defaults to the caller. Own scope: only yourself; team scope: your teams' members; org: anyone. */
  assigneeId: z.uuid().optional(),
  priority: z.enum(taskPriorities).optional(),
  related: taskRelatedInputSchema.nullable().optional(),
};

export const createTaskInputSchema = z.object(taskFields).strict();
export type CreateTaskInput = z.infer<typeof createTaskInputSchema>;

/** `status: done` completes a task, `open` reopens it. */
export const updateTaskInputSchema = z
  .object({ ...taskFields, status: z.enum(taskStatuses) })
  .partial()
  .strict();
export type UpdateTaskInput = z.infer<typeof updateTaskInputSchema>;

export const taskRelatedSchema = z.object({
  type: z.enum(taskRelatedTypes),
  id: z.uuid(),
  /** The record's name, or null when it is gone or not visible to the caller. */
  name: z.string().nullable(),
});

export const taskSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  dueAt: z.string().nullable(),
  assigneeId: z.uuid(),
  assigneeName: z.string().nullable(),
  priority: z.enum(taskPriorities),
  status: z.enum(taskStatuses),
  related: taskRelatedSchema.nullable(),
  /** The customer the task is about, directly or through its opportunity. */
  customerId: z.uuid().nullable(),
  source: z.enum(taskSources),
  ruleId: z.uuid().nullable(),
  completedAt: z.string().nullable(),
  createdBy: z.uuid().nullable(),
  canUpdate: z.boolean(),
  canDelete: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof taskSchema>;

/** Soonest due first, tasks without a due time last. */
export const taskListQuerySchema = listQuerySchema.extend({
  /** `me` (default), `any` (everyone the caller may see) or a user's id. */
  assignee: z.union([z.enum(['me', 'any']), z.uuid()]).default('me'),
  status: z.enum(taskStatuses).optional(),
  dueFrom: timestampInputSchema.optional(),
  dueTo: timestampInputSchema.optional(),
  relatedType: z.enum(taskRelatedTypes).optional(),
  relatedId: z.uuid().optional(),
  customerId: z.uuid().optional(),
});
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;

export const myDayGroupLimit = 200;

export const myDayQuerySchema = z.object({
  /** The browser's IANA time zone (e.g. Asia/Shanghai); UTC when not given. */
  tz: z.string().trim().min(1).max(64).refine(isTimeZone, 'task.time_zone_invalid').optional(),
  /** How many days after today "upcoming" covers. */
  days: z.coerce.number().int().min(1).max(31).default(7),
});

/** The caller's open tasks by due day in their time zone (at most myDayGroupLimit each). */
export const myDaySchema = z.object({
  timeZone: z.string(),
  /** Today in that time zone, YYYY-MM-DD. */
  date: z.string(),
  overdue: z.array(taskSchema),
  today: z.array(taskSchema),
  upcoming: z.array(taskSchema),
});
export type MyDay = z.infer<typeof myDaySchema>;
