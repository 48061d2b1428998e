import { type AnyPgColumn, foreignKey, integer, jsonb, numeric, pgView, text, uuid } from 'drizzle-orm/pg-core';
import { opportunities } from './tables';

/**
 * What other modules may use of the opportunities tables in their own SQL: read-only handles on
 * the same relations with only the columns listed (not schema: drizzle-kit reads `tables.ts`;
 * `opportunity-ref.test.ts` holds them to it).
 */

/**
 * An opportunity as other modules show, scope or sum it: its code and title, customer, owner, team, stage, outcome
 * and expected revenue.
 */
export const opportunityRef = pgView('opportunities', {
  orgId: uuid('org_id').notNull(),
  id: uuid('id').notNull(),
  code: text('code').notNull(),
  title: text('title').notNull(),
  /** What the title is made of when the product made it: show it with `readerTitle`. */
  titleParts: jsonb('title_parts'),
  customerId: uuid('customer_id').notNull(),
  ownerId: uuid('owner_id'),
  teamId: uuid('team_id'),
  stageKey: text('stage_key').notNull(),
  status: text('status').notNull(),
  /** Guarded by the revenue right (platform/field-access): read it only under `maySeeSql(ctx, 'revenue', …)`. */
  expectedRevenue: numeric('expected_revenue', { precision: 18, scale: 4 }),
  revenueCurrency: text('revenue_currency'),
}).existing();

/** A stage of the pipeline: its key, whether opportunities in it are open, won or lost, and its place. */
export const opportunityStageRef = pgView('opportunity_stages', {
  orgId: uuid('org_id').notNull(),
  key: text('key').notNull(),
  kind: text('kind').notNull(),
  position: integer('position').notNull(),
}).existing();

/** The foreign key `(org_id, <opportunity id column>)` → opportunities, for records linked to an opportunity. */
export function referencesOpportunity(orgId: AnyPgColumn, opportunityId: AnyPgColumn) {
  return foreignKey({ columns: [orgId, opportunityId], foreignColumns: [opportunities.orgId, opportunities.id] });
}
