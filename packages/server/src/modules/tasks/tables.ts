import type { SystemTitleParts } from '@berth/domain';
import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, orgId, ts, versioned } from '../../db/columns';
import { users } from '../../db/schema';

/**
 * A to-do with a due time for one user, linked to a record (customer, opportunity, sales event…).
 * Tasks made by a next-step rule carry the rule and a dedup key so a rule fires once per occasion.
 */
export const tasks = pgTable(
  'tasks',
  {
    orgId: orgId(),
    id: id(),
    title: text('title').notNull(),
    /** For a title the product made (a next-step task's): what it is made of, to show it in the reader's language. Null once edited. */
    titleParts: jsonb('title_parts').$type<SystemTitleParts>(),
    description: text('description'),
    dueAt: ts('due_at'),
    assigneeId: uuid('assignee_id').notNull(),
    teamId: uuid('team_id'),
    /** low, normal, high. */
    priority: text('priority').notNull().default('normal'),
    /** open, done, cancelled. */
    status: text('status').notNull().default('open'),
    /** customer, opportunity, sales_event, … and its id. */
    relatedType: text('related_type'),
    relatedId: uuid('related_id'),
    /** The customer the task is about, when there is one: its timeline shows the task. */
    customerId: uuid('customer_id'),
    /** manual or rule. */
    source: text('source').notNull().default('manual'),
    ruleId: uuid('rule_id'),
    /** For rule tasks: rule + record + occasion, so a rule never makes the same task twice. */
    dedupKey: text('dedup_key'),
    remindedAt: ts('reminded_at'),
    completedAt: ts('completed_at'),
    createdBy: uuid('created_by'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('tasks_org_assignee_due_idx').on(t.orgId, t.assigneeId, t.status, t.dueAt),
    index('tasks_org_related_idx').on(t.orgId, t.relatedType, t.relatedId),
    index('tasks_org_customer_idx').on(t.orgId, t.customerId).where(sql`customer_id is not null`),
    /** A customer's next follow-up: its earliest open task (the customer list's column and order). */
    index('tasks_org_customer_open_due_idx')
      .on(t.orgId, t.customerId, t.dueAt)
      .where(sql`status = 'open' and customer_id is not null`),
    index('tasks_due_reminder_idx').on(t.dueAt).where(sql`status = 'open' and reminded_at is null`),
    uniqueIndex('tasks_org_dedup_uq').on(t.orgId, t.dedupKey).where(sql`dedup_key is not null`),
    foreignKey({ columns: [t.orgId, t.assigneeId], foreignColumns: [users.orgId, users.id] }),
  ],
);

/**
 * Next-step rules of the sales process, per stage: "no activity for N days" or "quote sent and no
 * answer after N days" make a task (and a notification) for the opportunity's owner.
 */
export const nextStepRules = pgTable(
  'next_step_rules',
  {
    orgId: orgId(),
    id: id(),
    stageKey: text('stage_key').notNull(),
    /** no_activity, no_answer. */
    kind: text('kind').notNull(),
    days: integer('days').notNull(),
    /** null: a title made from the rule in the assignee's language. */
    taskTitle: text('task_title'),
    taskPriority: text('task_priority').notNull().default('normal'),
    enabled: boolean('enabled').notNull().default(true),
    ...versioned(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('next_step_rules_org_stage_idx').on(t.orgId, t.stageKey)],
);

/**
 * A user's private iCalendar feed: the token in the URL (`<orgId>.<id>.<secret>`) is kept only as the hash of its
 * secret. Feeds made before the token named its organisation hashed a bare secret; they are still found by that
 * hash (`calendar_feeds_token_idx`) until their user makes a new address.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    orgId: orgId(),
    id: id(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('calendar_feeds_org_token_uq').on(t.orgId, t.tokenHash),
    index('calendar_feeds_token_idx').on(t.tokenHash),
    index('calendar_feeds_org_user_idx').on(t.orgId, t.userId),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
  ],
);
