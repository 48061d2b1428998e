import { z } from 'zod';
import { moneyJsonSchema } from '../money/money-schemas';
import { homeCardScopeSchema, weightedSumSchema } from '../platform/home-cards';

/** An open opportunity in the inquiry stage that nobody has answered yet: no activity since its latest inquiry. */
export const waitingInquirySchema = z.object({
  opportunityId: z.uuid(),
  code: z.string(),
  title: z.string(),
  customerId: z.uuid(),
  customerName: z.string(),
  /** The lane of the latest inquiry (the opportunity's first lane when it has none). */
  pol: z.string().nullable(),
  pod: z.string().nullable(),
  mode: z.string().nullable(),
  /** The latest inquiry, or the stage entry when the opportunity has none: what has waited since. */
  waitingSince: z.string(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
});
export type WaitingInquiry = z.infer<typeof waitingInquirySchema>;

export const inquiryHomeCardSchema = z.object({
  scope: homeCardScopeSchema,
  count: z.number().int(),
  items: z.array(waitingInquirySchema),
});
export type InquiryHomeCard = z.infer<typeof inquiryHomeCardSchema>;

/**
 * Open opportunities by stage, with expected and weighted revenue per currency. `revenueVisible` is false for a
 * role without the revenue right: the card then has counts only (`amounts` empty).
 */
export const pipelineHomeCardSchema = z.object({
  scope: homeCardScopeSchema,
  revenueVisible: z.boolean(),
  stages: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      probability: z.number().int(),
      count: z.number().int(),
      amounts: z.array(weightedSumSchema),
    }),
  ),
  totals: z.object({ count: z.number().int(), amounts: z.array(weightedSumSchema) }),
});
export type PipelineHomeCard = z.infer<typeof pipelineHomeCardSchema>;

/** Opportunities won in one calendar month of the organisation's time zone, and their revenue per currency. */
export const wonMonthSchema = z.object({
  /** YYYY-MM */
  month: z.string(),
  count: z.number().int(),
  amounts: z.array(moneyJsonSchema),
});
export type WonMonth = z.infer<typeof wonMonthSchema>;

export const wonHomeCardSchema = z.object({
  scope: homeCardScopeSchema,
  timeZone: z.string(),
  revenueVisible: z.boolean(),
  thisMonth: wonMonthSchema,
  lastMonth: wonMonthSchema,
});
export type WonHomeCard = z.infer<typeof wonHomeCardSchema>;

/** One owner's numbers for a manager: open pipeline and deals won this month and last. */
export const teamMemberNumbersSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  openCount: z.number().int(),
  weighted: z.array(moneyJsonSchema),
  wonCount: z.number().int(),
  won: z.array(moneyJsonSchema),
  wonLastMonthCount: z.number().int(),
});
export type TeamMemberNumbers = z.infer<typeof teamMemberNumbersSchema>;

/**
 * The team's numbers for a manager (opportunities read scope team or organisation), owners ranked by deals won
 * this month, then open opportunities. Amounts only with the revenue right; per currency, never added up.
 */
export const teamHomeCardSchema = z.object({
  scope: homeCardScopeSchema,
  timeZone: z.string(),
  revenueVisible: z.boolean(),
  month: z.string(),
  members: z.array(teamMemberNumbersSchema),
});
export type TeamHomeCard = z.infer<typeof teamHomeCardSchema>;
