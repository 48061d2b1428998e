import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { id, orgId, ts } from '../../db/columns';

/**
 * A reviewer's decision that a group of customers sharing a credit code, name or phone are not
 * the same company. The group stays hidden while all its members were part of the decision.
 */
export const duplicateDismissals = pgTable(
  'duplicate_dismissals',
  {
    orgId: orgId(),
    id: id(),
    kind: text('kind').notNull(),
    matchKey: text('match_key').notNull(),
    customerIds: uuid('customer_ids').array().notNull(),
    dismissedBy: uuid('dismissed_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('duplicate_dismissals_org_kind_key_idx').on(t.orgId, t.kind, t.matchKey),
  ],
);
