import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { id, orgId, ts } from '../../db/columns';

/**
 * In-app notifications for one user. The text is rendered from `kind` + `params` in the reader's
 * language, so a notification written by a job reads right in Chinese and in English.
 */
export const notifications = pgTable(
  'notifications',
  {
    orgId: orgId(),
    id: id(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    /** What the notification is about, for the link: e.g. ('customer', id). */
    subjectType: text('subject_type'),
    subjectId: uuid('subject_id'),
    readAt: ts('read_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('notifications_org_user_idx').on(t.orgId, t.userId, t.id.desc()),
    index('notifications_org_user_unread_idx').on(t.orgId, t.userId).where(sql`read_at is null`),
  ],
);
