import { z } from 'zod';
import { moneyJsonSchema } from '../money/money-schemas';

/**
 * Home cards: each module that owns the data declares the endpoint of its card beside its other endpoints, under
 * `/api/home/<card>` and the API document's `Home` tag; its server manifest serves it (`homeCards`), its web
 * manifest draws it. docs/adding-a-module.md, step 11b.
 */
export const homeCardTags = ['Home'];

/** How many rows a list card carries; the card also says how many there are in all. */
export const homeCardRowLimit = 8;

/** The scope a card's numbers were counted in: the caller's own records, their teams', or the organisation's. */
export const homeCardScopeSchema = z.enum(['own', 'team', 'org']);
export type HomeCardScope = z.infer<typeof homeCardScopeSchema>;

/** A sum and its probability-weighted sum in one currency (never added across currencies). */
export const weightedSumSchema = z.object({
  currency: z.string(),
  total: moneyJsonSchema,
  weighted: moneyJsonSchema,
});
export type WeightedSum = z.infer<typeof weightedSumSchema>;
