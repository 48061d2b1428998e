import { z } from 'zod';
import { homeCardScopeSchema } from '../platform/home-cards';
import { poolReturnRules } from './pool-schemas';

/** An owned customer the pool rule will return to the pool soon. */
export const poolReturnRowSchema = z.object({
  customerId: z.uuid(),
  code: z.string(),
  name: z.string(),
  ownerId: z.uuid(),
  ownerName: z.string().nullable(),
  /** When the sweep returns it unless someone follows up (or wins a deal) first. */
  dueAt: z.string(),
  rule: z.enum(poolReturnRules),
  ruleDays: z.number().int(),
});
export type PoolReturnRow = z.infer<typeof poolReturnRowSchema>;

/**
 * Customers in the caller's read scope that fall due within the rule's warning period (at least
 * poolReturnHorizonDays), soonest first.
 */
export const poolReturnCardSchema = z.object({
  scope: homeCardScopeSchema,
  count: z.number().int(),
  items: z.array(poolReturnRowSchema),
});
export type PoolReturnCard = z.infer<typeof poolReturnCardSchema>;

/** The home card looks at least this many days ahead, even where the rule warns later (or not at all). */
export const poolReturnHorizonDays = 7;
