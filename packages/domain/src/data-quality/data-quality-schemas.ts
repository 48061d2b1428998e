import { z } from 'zod';
import { listQuerySchema } from '../platform/pagination';
import {
  completenessFields,
  dataIssueKinds,
  defaultStaleMonths,
  duplicateKinds,
  maxStaleMonths,
} from './data-quality-rules';

const staleMonths = z.coerce.number().int().min(1).max(maxStaleMonths).default(defaultStaleMonths);

export const dataQualityQuerySchema = z.object({ staleMonths });

export const dataIssueItemSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  ownerId: z.uuid().nullable(),
  /** The offending value (e.g. the credit code or the unknown port), null for missing owner / staleness. */
  value: z.string().nullable(),
  updatedAt: z.string(),
  lastFollowUpAt: z.string().nullable(),
});
export type DataIssueItem = z.infer<typeof dataIssueItemSchema>;

export const duplicateGroupMemberSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  ownerId: z.uuid().nullable(),
  status: z.string(),
});

export const duplicateGroupSchema = z.object({
  kind: z.enum(duplicateKinds),
  /** The shared normalised value (credit code, name key or phone). */
  key: z.string(),
  /** How many customers share it; `customers` lists at most the first 20. */
  size: z.number().int(),
  customers: z.array(duplicateGroupMemberSchema),
});
export type DuplicateGroup = z.infer<typeof duplicateGroupSchema>;

export const dataQualityReportSchema = z.object({
  /** Customers in the caller's scope (merged records left out). */
  total: z.number().int(),
  staleMonths: z.number().int(),
  completeness: z.array(z.object({ field: z.enum(completenessFields), filled: z.number().int(), percent: z.number() })),
  issues: z.array(
    z.object({
      kind: z.enum(dataIssueKinds),
      count: z.number().int(),
      percent: z.number(),
      examples: z.array(dataIssueItemSchema),
    }),
  ),
  duplicates: z.array(
    z.object({ kind: z.enum(duplicateKinds), groups: z.number().int(), examples: z.array(duplicateGroupSchema) }),
  ),
});
export type DataQualityReport = z.infer<typeof dataQualityReportSchema>;

export const dataIssueQuerySchema = listQuerySchema.extend({ kind: z.enum(dataIssueKinds), staleMonths });

export const duplicateGroupQuerySchema = listQuerySchema.extend({ kind: z.enum(duplicateKinds) });

export const createDuplicateDismissalInputSchema = z.object({
  kind: z.enum(duplicateKinds),
  key: z.string().trim().min(1).max(500),
  customerIds: z.array(z.uuid()).min(2).max(200),
});

export const duplicateDismissalSchema = z.object({
  id: z.uuid(),
  kind: z.enum(duplicateKinds),
  key: z.string(),
  customerIds: z.array(z.uuid()),
  dismissedBy: z.uuid().nullable(),
  createdAt: z.string(),
});

export const duplicateDismissalQuerySchema = listQuerySchema.extend({ kind: z.enum(duplicateKinds).optional() });

export const duplicateDismissalItemSchema = duplicateDismissalSchema.extend({
  /** The members still on record that the caller may see (merged records left out), in `customerIds` order. */
  customers: z.array(duplicateGroupMemberSchema),
});
export type DuplicateDismissalItem = z.infer<typeof duplicateDismissalItemSchema>;
