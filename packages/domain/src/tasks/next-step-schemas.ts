import { z } from 'zod';
import { taskPriorities, taskTitleMaxLength } from './task-schemas';

/**
 * Next-step rules of the sales process, per stage. `no_activity`: an open opportunity in the stage
 * had no activity for N days (counted from the later of entering the stage and the last activity).
 * `no_answer`: nothing happened for N days since the opportunity entered the stage (e.g. proposal =
 * quote sent). Either makes one task for the owner per occasion.
 */
export const nextStepRuleKinds = ['no_activity', 'no_answer'] as const;
export type NextStepRuleKind = (typeof nextStepRuleKinds)[number];

export const nextStepRuleInputSchema = z
  .object({
    stageKey: z.string().trim().min(1).max(50),
    kind: z.enum(nextStepRuleKinds),
    days: z.number().int().min(1).max(365),
    /** The task's title; null: made from the rule in the owner's language. */
    taskTitle: z.string().trim().min(1).max(taskTitleMaxLength).nullable().optional(),
    taskPriority: z.enum(taskPriorities).default('normal'),
    enabled: z.boolean().default(true),
  })
  .strict();
export type NextStepRuleInput = z.infer<typeof nextStepRuleInputSchema>;

export const updateNextStepRuleInputSchema = z
  .object({
    stageKey: z.string().trim().min(1).max(50),
    kind: z.enum(nextStepRuleKinds),
    days: z.number().int().min(1).max(365),
    taskTitle: z.string().trim().min(1).max(taskTitleMaxLength).nullable(),
    taskPriority: z.enum(taskPriorities),
    enabled: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateNextStepRuleInput = z.infer<typeof updateNextStepRuleInputSchema>;

export const nextStepRuleSchema = z.object({
  id: z.uuid(),
  stageKey: z.string(),
  kind: z.enum(nextStepRuleKinds),
  days: z.number().int(),
  taskTitle: z.string().nullable(),
  taskPriority: z.enum(taskPriorities),
  enabled: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NextStepRule = z.infer<typeof nextStepRuleSchema>;
export const nextStepRuleListSchema = z.object({ items: z.array(nextStepRuleSchema) });
