import { z } from 'zod';
import { customerFiltersSchema } from './segment-schemas';

/** Lists that can have saved views; each names the filter shape its views store. */
export const savedViewResources = ['customers'] as const;
export type SavedViewResource = (typeof savedViewResources)[number];

const columnKey = z.string().trim().min(1).max(50);

/** What a saved view restores: the filters, the sort and the visible columns of the list. */
export const savedViewStateSchema = z.object({
  filters: customerFiltersSchema.default({}),
  sort: z.string().trim().max(50).nullable().optional(),
  columns: z.array(columnKey).max(50).nullable().optional(),
});
export type SavedViewState = z.infer<typeof savedViewStateSchema>;

export const createSavedViewInputSchema = z.object({
  resource: z.enum(savedViewResources),
  name: z.string().trim().min(1).max(100),
  shared: z.boolean().default(false),
  state: savedViewStateSchema,
});
export type CreateSavedViewInput = z.infer<typeof createSavedViewInputSchema>;

export const updateSavedViewInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    shared: z.boolean(),
    state: savedViewStateSchema,
  })
  .partial()
  .strict();
export type UpdateSavedViewInput = z.infer<typeof updateSavedViewInputSchema>;

export const savedViewSchema = z.object({
  id: z.uuid(),
  resource: z.enum(savedViewResources),
  name: z.string(),
  shared: z.boolean(),
  ownerId: z.uuid(),
  /** Whether the caller owns it (only the owner renames, shares or deletes a view). */
  mine: z.boolean(),
  state: savedViewStateSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const savedViewListQuerySchema = z.object({ resource: z.enum(savedViewResources) });
