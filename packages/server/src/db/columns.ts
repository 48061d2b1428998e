import { sql } from 'drizzle-orm';
import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Column helpers every table uses: time-ordered ids, the tenant, timestamps and the version. */
export const id = () => uuid('id').notNull().default(sql`berth_uuidv7()`);
export const orgId = () => uuid('org_id').notNull();
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const versioned = () => ({
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
