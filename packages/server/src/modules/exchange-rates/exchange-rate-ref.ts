import { date, numeric, pgView, text, uuid } from 'drizzle-orm/pg-core';

/**
 * The dated rates, read-only, for other modules' SQL: a report joins them to convert set-based, in the query, at
 * the rate of each record's day (the last one on or before it). Same relation as `tables.ts`, only these columns.
 */
export const exchangeRateRef = pgView('exchange_rates', {
  orgId: uuid('org_id').notNull(),
  base: text('base').notNull(),
  quote: text('quote').notNull(),
  date: date('date', { mode: 'string' }).notNull(),
  rate: numeric('rate', { precision: 24, scale: 10 }).notNull(),
}).existing();
