import type { Permissions } from '@berth/domain';
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
import { id, orgId, ts, versioned } from './columns';

/**
 * Platform tables. Every business table carries `org_id` and includes it in its primary and
 * unique keys, so the schema can be distributed by tenant. Ids are time-ordered UUIDs (v7)
 * made by `berth_uuidv7()` (see the first migration) or by the application.
 */

export const organizations = pgTable('organizations', {
  id: id().primaryKey(),
  name: text('name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const teams = pgTable(
  'teams',
  {
    orgId: orgId(),
    id: id(),
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
    managerId: uuid('manager_id'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('teams_org_name_uq').on(t.orgId, sql`lower(${t.name})`),
    index('teams_org_parent_idx').on(t.orgId, t.parentId),
    foreignKey({ columns: [t.orgId, t.parentId], foreignColumns: [t.orgId, t.id] }),
  ],
);

export const roles = pgTable(
  'roles',
  {
    orgId: orgId(),
    id: id(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    description: text('description').notNull().default(''),
    builtin: boolean('builtin').notNull().default(false),
    permissions: jsonb('permissions').notNull().$type<Permissions>(),
    /** For built-in roles: the resources whose default permissions have been applied. */
    builtinResources: text('builtin_resources').array().notNull().default(sql`'{}'::text[]`),
    ...versioned(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), uniqueIndex('roles_org_key_uq').on(t.orgId, t.key)],
);

export const users = pgTable(
  'users',
  {
    orgId: orgId(),
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roleId: uuid('role_id').notNull(),
    teamId: uuid('team_id'),
    locale: text('locale').notNull().default('zh-CN'),
    /** The user's IANA time zone; null follows the organisation's (org_settings.time_zone). */
    timeZone: text('time_zone'),
    status: text('status').notNull().default('active'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: ts('locked_until'),
    lastLoginAt: ts('last_login_at'),
    passwordChangedAt: ts('password_changed_at').notNull().defaultNow(),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('users_org_email_uq').on(t.orgId, t.email),
    // Sign-in looks a user up by email alone, before the tenant is known.
    index('users_email_idx').on(t.email),
    index('users_org_team_idx').on(t.orgId, t.teamId),
    index('users_org_role_idx').on(t.orgId, t.roleId),
    foreignKey({ columns: [t.orgId, t.roleId], foreignColumns: [roles.orgId, roles.id] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    orgId: orgId(),
    id: id(),
    userId: uuid('user_id').notNull(),
    secretHash: text('secret_hash').notNull(),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('sessions_org_user_idx').on(t.orgId, t.userId),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
  ],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    orgId: orgId(),
    id: id(),
    name: text('name').notNull(),
    roleId: uuid('role_id').notNull(),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
    expiresAt: ts('expires_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.roleId], foreignColumns: [roles.orgId, roles.id] }),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    orgId: orgId(),
    id: id(),
    at: ts('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorType: text('actor_type').notNull().default('user'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    changes: jsonb('changes').$type<Record<string, [unknown, unknown]>>(),
    meta: jsonb('meta').$type<Record<string, unknown>>(),
    ip: text('ip'),
    requestId: text('request_id'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('audit_org_at_idx').on(t.orgId, t.at.desc(), t.id.desc()),
    index('audit_org_entity_idx').on(t.orgId, t.entity, t.entityId),
    index('audit_org_actor_idx').on(t.orgId, t.actorId, t.at.desc()),
  ],
);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    orgId: orgId(),
    actorId: uuid('actor_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    responseBody: text('response_body'),
    responseHeaders: jsonb('response_headers').$type<Record<string, string>>(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.actorId, t.key] }), index('idempotency_created_idx').on(t.createdAt)],
);

export const outbox = pgTable(
  'outbox',
  {
    orgId: orgId(),
    id: id(),
    channel: text('channel').notNull().default('email'),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: ts('sent_at'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('outbox_org_status_idx').on(t.orgId, t.status, t.id.desc()),
    index('outbox_org_id_idx').on(t.orgId, t.id.desc()),
  ],
);

/**
 * Durable jobs: a platform table (not tenant data), claimed with FOR UPDATE SKIP LOCKED.
 * `org_id` is set when the job works on one tenant's data.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: id().primaryKey(),
    orgId: uuid('org_id'),
    name: text('name').notNull(),
    payload: jsonb('payload').notNull().$type<Record<string, unknown>>().default({}),
    status: text('status').notNull().default('queued'),
    runAt: ts('run_at').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    singletonKey: text('singleton_key'),
    lastError: text('last_error'),
    lockedAt: ts('locked_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    index('jobs_due_idx').on(t.runAt).where(sql`status = 'queued'`),
    uniqueIndex('jobs_singleton_uq').on(t.singletonKey).where(sql`status in ('queued', 'running')`),
  ],
);
