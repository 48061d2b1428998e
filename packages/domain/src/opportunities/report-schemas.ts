import { z } from 'zod';
import { moneyJsonSchema } from '../money/money-schemas';
import { calendarDateSchema } from './opportunity-schemas';

export const forecastGroupings = ['month', 'owner', 'team', 'lane'] as const;
export type ForecastGrouping = (typeof forecastGroupings)[number];

export const forecastQuerySchema = z.object({
  groupBy: z.enum(forecastGroupings).default('month'),
  /** Open opportunities by expected close date, won ones by the day they closed, within [from, to]. */
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
  ownerId: z.uuid().optional(),
  teamId: z.uuid().optional(),
});
export type ForecastQuery = z.infer<typeof forecastQuerySchema>;

/**
 * One group in one currency: amounts of different currencies are never added (nor converted: the
 * pipeline is in the currencies it was quoted in). Revenue amounts are null when the caller holds the
 * `revenue` right at no scope, margins when they hold `costMargin` at none; the sums count only the
 * opportunities whose revenue (margin) the caller sees. Rows of opportunities without money have
 * `currency` null and null amounts.
 */
export const forecastRowSchema = z.object({
  /** Month YYYY-MM, owner id, team id or lane POL-POD (the opportunity's first lane); null: none. */
  key: z.string().nullable(),
  name: z.string().nullable(),
  currency: z.string().nullable(),
  openCount: z.number().int(),
  expectedRevenue: moneyJsonSchema.nullable(),
  /** Σ expected revenue × probability of the open opportunities. */
  weightedRevenue: moneyJsonSchema.nullable(),
  expectedMargin: moneyJsonSchema.nullable(),
  weightedMargin: moneyJsonSchema.nullable(),
  wonCount: z.number().int(),
  wonRevenue: moneyJsonSchema.nullable(),
});
export type ForecastRow = z.infer<typeof forecastRowSchema>;

export const forecastSchema = z.object({
  groupBy: z.enum(forecastGroupings),
  items: z.array(forecastRowSchema),
  /** Per currency over all groups. */
  totals: z.array(forecastRowSchema),
});
export type Forecast = z.infer<typeof forecastSchema>;

export const statsGroupings = ['stage', 'lane', 'source', 'owner'] as const;
export type StatsGrouping = (typeof statsGroupings)[number];

export const statsQuerySchema = z.object({
  by: z.enum(statsGroupings).default('stage'),
  /** Opportunities created within [from, to]. */
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
  ownerId: z.uuid().optional(),
  teamId: z.uuid().optional(),
});
export type StatsQuery = z.infer<typeof statsQuerySchema>;

export const statsRowSchema = z.object({
  key: z.string().nullable(),
  name: z.string().nullable(),
  /** By stage: opportunities that ever entered the stage; otherwise those of the group. */
  total: z.number().int(),
  open: z.number().int(),
  won: z.number().int(),
  lost: z.number().int(),
  /** won / (won + lost); null while none is closed. */
  winRate: z.number().nullable(),
  /** Average days from creation to closing (won or lost). */
  avgCycleDays: z.number().nullable(),
  /** Average days spent in each stage (left stages only), by stage key. */
  avgDaysInStage: z.record(z.string(), z.number()),
});
export type StatsRow = z.infer<typeof statsRowSchema>;

export const statsSchema = z.object({
  by: z.enum(statsGroupings),
  items: z.array(statsRowSchema),
  overall: statsRowSchema,
});
export type PipelineStats = z.infer<typeof statsSchema>;
