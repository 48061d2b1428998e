import { z } from 'zod';
import { customerListQuerySchema } from '../customers/customer-schemas';
import { listQuerySchema } from '../platform/pagination';

/**
 * The customer list filters without paging: what a segment and a saved view store, the same
 * shape as the query of GET /api/customers. Without `segment`: a segment is never built on
 * another one, so its members never depend on a segment its owner may later lose sight of.
 */
export const customerFiltersSchema = customerListQuerySchema.omit({
  limit: true,
  cursor: true,
  sort: true,
  segment: true,
});
export type CustomerFilters = z.infer<typeof customerFiltersSchema>;

/** Segments (SPEC M2): a named, shareable customer filter whose members are computed live. */
export const createSegmentInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  description: z
    .string()
    .trim()
    .max(500)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  filters: customerFiltersSchema.default({}),
  /** true: every colleague may use it; false: only its owner sees it. */
  shared: z.boolean().default(true),
});
export type CreateSegmentInput = z.infer<typeof createSegmentInputSchema>;

export const updateSegmentInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z
      .string()
      .trim()
      .max(500)
      .transform((v) => (v === '' ? null : v))
      .nullable(),
    filters: customerFiltersSchema,
    shared: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateSegmentInput = z.infer<typeof updateSegmentInputSchema>;

export const segmentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  filters: customerFiltersSchema,
  shared: z.boolean(),
  ownerId: z.uuid(),
  /** Customers matching the filters now, among those the caller may see; only on GET /api/segments/{id}. */
  memberCount: z.number().int().nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Segment = z.infer<typeof segmentSchema>;

export const segmentListQuerySchema = listQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  /** Only the caller's own segments. */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

/** The customer list's query, within the segment of the path. */
export const segmentMembersQuerySchema = customerListQuerySchema.omit({ segment: true });
