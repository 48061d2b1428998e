import { z } from 'zod';

export const importEntities = ['customers'] as const;
export const importPolicies = ['skip', 'update', 'create'] as const;

export const importSchema = z.object({
  id: z.uuid(),
  entity: z.enum(importEntities),
  policy: z.enum(importPolicies),
  fileName: z.string(),
  encoding: z.string().nullable(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  total: z.number().int().nullable(),
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  message: z.string().nullable(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportRecord = z.infer<typeof importSchema>;

export const importPreviewSchema = z.object({
  encoding: z.string(),
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  suggestedMapping: z.record(z.string(), z.string()),
  fields: z.array(z.string()),
});
