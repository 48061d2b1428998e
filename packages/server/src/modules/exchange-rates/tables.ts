import { date, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { id, orgId, ts } from '../../db/columns';

/**
 * Dated exchange rates per organisation: 1 `base` = `rate` `quote` from `date` until the pair's next rate. A rate
 * is replaced by posting the same pair and day again.
 */
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    orgId: orgId(),
    /** Names the rate in the audit log; the key is the pair and the day. */
    id: id(),
    base: text('base').notNull(),
    quote: text('quote').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    rate: numeric('rate', { precision: 24, scale: 10 }).notNull(),
    /** console, import or api. */
    source: text('source').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.base, t.quote, t.date] })],
);
