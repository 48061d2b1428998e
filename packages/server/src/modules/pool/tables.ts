import type { CustomerRole, RelationshipType } from '@berth/domain';
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
import { teams } from '../../db/schema';
import { referencesCustomer } from '../customers';

/**
 * The public pool rules: one row per organisation (team_id null) and optional overrides per team.
 * A customer follows the rule of its team when there is one, else the organisation's.
 */
export const poolRules = pgTable(
  'pool_rules',
  {
    orgId: orgId(),
    id: id(),
    teamId: uuid('team_id'),
    enabled: boolean('enabled').notNull().default(false),
    protectionDays: integer('protection_days').notNull().default(7),
    /** null turns the condition off. */
    noFollowUpDays: integer('no_follow_up_days'),
    noDealDays: integer('no_deal_days'),
    warnDaysBefore: integer('warn_days_before').notNull().default(3),
    /** null: no limit. */
    maxClaimedHeld: integer('max_claimed_held'),
    maxClaimsPerDay: integer('max_claims_per_day'),
    /** Customers whose every role is listed, or whose relationship is, are never returned automatically. */
    exemptRoles: text('exempt_roles')
      .array()
      .$type<CustomerRole[]>()
      .notNull()
      .default(sql`'{consignee,notify_party,overseas_agent,carrier}'::text[]`),
    exemptRelationships: text('exempt_relationships')
      .array()
      .$type<RelationshipType[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('pool_rules_org_default_uq').on(t.orgId).where(sql`team_id is null`),
    uniqueIndex('pool_rules_org_team_uq').on(t.orgId, t.teamId).where(sql`team_id is not null`),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }).onDelete('cascade'),
  ],
);

/** Every change of a customer's owner or team, with why and by whom: claim, release, assign, handover, auto return. */
export const ownershipChanges = pgTable(
  'ownership_changes',
  {
    orgId: orgId(),
    id: id(),
    customerId: uuid('customer_id').notNull(),
    kind: text('kind').notNull(),
    fromOwnerId: uuid('from_owner_id'),
    toOwnerId: uuid('to_owner_id'),
    fromTeamId: uuid('from_team_id'),
    toTeamId: uuid('to_team_id'),
    /** What the person gave as the reason. */
    reason: text('reason'),
    /** For automatic returns: the rule that applied, e.g. { rule: 'no_follow_up', days: 30 }. */
    details: jsonb('details').$type<Record<string, unknown>>(),
    actorId: uuid('actor_id'),
    actorType: text('actor_type').notNull().default('user'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('ownership_changes_org_customer_idx').on(t.orgId, t.customerId, t.id.desc()),
    index('ownership_changes_org_to_owner_idx').on(t.orgId, t.toOwnerId, t.at.desc()).where(sql`kind = 'claim'`),
    referencesCustomer(t.orgId, t.customerId).onDelete('cascade'),
  ],
);
