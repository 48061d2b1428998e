import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { id, orgId, ts, versioned } from '../../db/columns';

/** An organisation's outgoing webhook: where to POST which events, signed with its secret (Standard Webhooks). */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    orgId: orgId(),
    id: id(),
    url: text('url').notNull(),
    description: text('description'),
    events: text('events').array().notNull(),
    /** `whsec_` + base64: shown once on creation, kept to sign deliveries. */
    secret: text('secret').notNull(),
    /** active, or disabled (by a person, or after repeated failures). */
    status: text('status').notNull().default('active'),
    disabledReason: text('disabled_reason'),
    /** Deliveries that failed for good in a row; reset by a success. */
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    createdBy: uuid('created_by'),
    ...versioned(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

/** One event sent (or to be sent) to one subscription, with its attempts: the delivery log. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    orgId: orgId(),
    id: id(),
    subscriptionId: uuid('subscription_id').notNull(),
    /** The `webhook-id` header: the same on every attempt and replay, so receivers can de-duplicate. */
    messageId: text('message_id').notNull(),
    event: text('event').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** pending, delivered or failed. */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    lastAttemptAt: ts('last_attempt_at'),
    deliveredAt: ts('delivered_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('webhook_deliveries_org_subscription_idx').on(t.orgId, t.subscriptionId, t.id.desc()),
    index('webhook_deliveries_org_pending_idx').on(t.orgId, t.id).where(sql`status = 'pending'`),
    foreignKey({
      columns: [t.orgId, t.subscriptionId],
      foreignColumns: [webhookSubscriptions.orgId, webhookSubscriptions.id],
    }).onDelete('cascade'),
  ],
);

/**
 * A system that pushes shipments and events to `POST /api/hooks/shipments/{source}`: its secret verifies the
 * Standard Webhooks signature of every push.
 */
export const inboundHooks = pgTable(
  'inbound_hooks',
  {
    orgId: orgId(),
    id: id(),
    source: text('source').notNull(),
    secret: text('secret').notNull(),
    status: text('status').notNull().default('active'),
    lastReceivedAt: ts('last_received_at'),
    createdBy: uuid('created_by'),
    ...versioned(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('inbound_hooks_org_source_idx').on(t.orgId, t.source)],
);
