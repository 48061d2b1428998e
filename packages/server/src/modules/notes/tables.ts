import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { id, orgId, ts, versioned } from '../../db/columns';
import { referencesCustomer } from '../customers';

/**
 * Notes on a customer. A deleted note keeps its row (`deleted_at`) so its history stays on the customer's
 * timeline; lists leave it out.
 */
export const notes = pgTable(
  'notes',
  {
    orgId: orgId(),
    id: id(),
    customerId: uuid('customer_id').notNull(),
    authorId: uuid('author_id'),
    body: text('body').notNull(),
    /** Users mentioned with @; each was notified when the note was written or the mention added. */
    mentions: uuid('mentions').array().notNull().default(sql`'{}'::uuid[]`),
    deletedAt: ts('deleted_at'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('notes_org_customer_idx').on(t.orgId, t.customerId, t.id.desc()),
    referencesCustomer(t.orgId, t.customerId),
  ],
);
