import { z } from 'zod';
import { stageKeySchema } from './opportunity-schemas';

/** open: the opportunity is still being worked; won / lost close it. */
export const stageKinds = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof stageKinds)[number];

export const stageSchema = z.object({
  key: z.string(),
  /** In the caller's language. */
  name: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  /** Default win probability (percent) of opportunities entering the stage. */
  probability: z.number().int(),
  /** 1, 2, 3 … along the pipeline; won and lost come last. */
  order: z.number().int(),
  kind: z.enum(stageKinds),
  active: z.boolean(),
});
export type Stage = z.infer<typeof stageSchema>;

/** The pipeline's stages with the version of the whole set (send it as If-Match to configure). */
export const stageListSchema = z.object({ items: z.array(stageSchema), version: z.number().int() });
export type StageList = z.infer<typeof stageListSchema>;

export const stageListQuerySchema = z.object({
  includeInactive: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('Also list deactivated open stages (for the settings page)'),
});

const stageName = z.string().trim().min(1).max(50);

export const stageConfigItemSchema = z
  .object({
    /** An existing stage to change; a new key (or none) adds an open stage. */
    key: stageKeySchema.optional(),
    nameZh: stageName,
    nameEn: stageName,
    probability: z.number().int().min(0).max(100),
    active: z.boolean().default(true),
  })
  .strict();
export type StageConfigItem = z.infer<typeof stageConfigItemSchema>;

/**
 * The whole pipeline in order. Open stages left out are deactivated, never deleted (their history
 * stays readable); won and lost always stay, last, with 100 % and 0 % — only their names change.
 */
export const stageConfigInputSchema = z.object({ items: z.array(stageConfigItemSchema).min(1).max(30) }).strict();
export type StageConfigInput = z.infer<typeof stageConfigInputSchema>;

export const lostReasonSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  position: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type LostReason = z.infer<typeof lostReasonSchema>;

export const lostReasonListQuerySchema = stageListQuerySchema;

const reasonName = z.string().trim().min(1).max(100);
export const createLostReasonInputSchema = z
  .object({ nameZh: reasonName, nameEn: reasonName, position: z.number().int().min(0).max(10_000).optional() })
  .strict();
export type CreateLostReasonInput = z.infer<typeof createLostReasonInputSchema>;
export const updateLostReasonInputSchema = z
  .object({
    nameZh: reasonName,
    nameEn: reasonName,
    position: z.number().int().min(0).max(10_000),
    active: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateLostReasonInput = z.infer<typeof updateLostReasonInputSchema>;
