import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { id, orgId, ts, versioned } from '../../db/columns';
import { users } from '../../db/schema';
import { referencesContact, referencesCustomer } from '../customers';
import { referencesOpportunity } from '../opportunities';

/** A call, email, meeting or visit with a customer, optionally about an opportunity. */
export const activities = pgTable(
  'activities',
  {
    orgId: orgId(),
    id: id(),
    /** call, email, meeting, visit, wechat, wecom. */
    kind: text('kind').notNull(),
    /** Null when logged without one: the reader sees one made from kind, counterpart and notes. */
    subject: text('subject'),
    occurredAt: ts('occurred_at').notNull(),
    durationMinutes: integer('duration_minutes'),
    customerId: uuid('customer_id').notNull(),
    opportunityId: uuid('opportunity_id'),
    /** Notes or minutes. */
    minutes: text('minutes'),
    outcome: text('outcome'),
    /** Who logged it and owns it (data scope "own"). */
    ownerId: uuid('owner_id'),
    teamId: uuid('team_id'),
    deletedAt: ts('deleted_at'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('activities_org_customer_idx').on(t.orgId, t.customerId, t.occurredAt.desc()),
    index('activities_org_opportunity_idx').on(t.orgId, t.opportunityId, t.occurredAt.desc()),
    index('activities_org_owner_idx').on(t.orgId, t.ownerId, t.occurredAt.desc()),
    index('activities_org_team_idx').on(t.orgId, t.teamId, t.occurredAt.desc()),
    referencesCustomer(t.orgId, t.customerId),
    referencesOpportunity(t.orgId, t.opportunityId),
  ],
);

/** Who took part: colleagues (user_id) and the customer's people (contact_id), one of the two per row. */
export const activityParticipants = pgTable(
  'activity_participants',
  {
    orgId: orgId(),
    id: id(),
    activityId: uuid('activity_id').notNull(),
    userId: uuid('user_id'),
    contactId: uuid('contact_id'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('activity_participants_org_activity_idx').on(t.orgId, t.activityId),
    index('activity_participants_org_user_idx').on(t.orgId, t.userId).where(sql`user_id is not null`),
    check('activity_participants_one_kind', sql`(user_id is null) <> (contact_id is null)`),
    foreignKey({ columns: [t.orgId, t.activityId], foreignColumns: [activities.orgId, activities.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }),
    referencesContact(t.orgId, t.contactId),
  ],
);
