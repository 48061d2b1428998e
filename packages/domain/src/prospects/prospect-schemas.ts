import { z } from 'zod';
import { listQuerySchema } from '../platform/pagination';

/**
 * Prospects (客户开发): customers with status prospect, to be developed by a rep. Unassigned ones
 * (no owner) are handed out by a manager, by hand or spread evenly over chosen reps.
 */
const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const prospectListQuerySchema = listQuerySchema.extend({
  country: z.string().trim().toUpperCase().length(2).optional(),
  ownerId: z.uuid().optional(),
  /** Only prospects without an owner. */
  unassigned: flag,
  /** Only prospects captured as leads at this sales event. */
  salesEventId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
});
export type ProspectListQuery = z.infer<typeof prospectListQuerySchema>;

export const prospectSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  country: z.string().nullable(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  teamId: z.uuid().nullable(),
  /** The latest sales event the prospect was captured at. */
  sourceEvent: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Prospect = z.infer<typeof prospectSchema>;

export const prospectAssignModes = ['manual', 'round_robin'] as const;

export const assignProspectsInputSchema = z
  .object({
    customerIds: z.array(z.uuid()).min(1).max(1000),
    /** manual: exactly one rep gets them all; round_robin: spread evenly over these reps. */
    userIds: z.array(z.uuid()).min(1).max(100),
    mode: z.enum(prospectAssignModes),
    /** Round robin by country: prospects of the same country go to the same rep where the even spread allows. */
    by: z.enum(['country']).optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .strict();
export type AssignProspectsInput = z.infer<typeof assignProspectsInputSchema>;

export const assignProspectsResultSchema = z.object({
  /** How many prospects changed hands (already owned by their new rep: not counted). */
  count: z.number().int(),
  assignments: z.array(z.object({ customerId: z.uuid(), ownerId: z.uuid() })),
});
export type AssignProspectsResult = z.infer<typeof assignProspectsResultSchema>;
