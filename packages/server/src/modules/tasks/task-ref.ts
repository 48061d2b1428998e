import { pgView, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns';

/**
 * What other modules may read of the tasks table in their own SQL (a customer's next follow-up): a read-only handle
 * on the same relation with only these columns (`task-ref.test.ts` holds them to `tables.ts`).
 */
export const taskRef = pgView('tasks', {
  orgId: uuid('org_id').notNull(),
  id: uuid('id').notNull(),
  customerId: uuid('customer_id'),
  status: text('status').notNull(),
  dueAt: ts('due_at'),
}).existing();
