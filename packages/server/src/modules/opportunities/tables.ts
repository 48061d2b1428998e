import type { SystemTitleParts } from '@berth/domain';
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, orgId, ts, versioned } from '../../db/columns';
import { teams, users } from '../../db/schema';
import { referencesContact, referencesCustomer } from '../customers';

/**
 * The stages of the sales pipeline, per organisation (defaults: inquiry → proposal → negotiation →
 * won / lost). `kind` says whether an opportunity in the stage is still open, won or lost; the
 * key is stable and used in the API, names and probability are configurable.
 */
export const opportunityStages = pgTable(
  'opportunity_stages',
  {
    orgId: orgId(),
    id: id(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    /** Default win probability in percent for opportunities entering the stage. */
    probability: integer('probability').notNull(),
    position: integer('position').notNull(),
    kind: text('kind').notNull().default('open'),
    active: boolean('active').notNull().default(true),
    ...versioned(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), uniqueIndex('opportunity_stages_org_key_uq').on(t.orgId, t.key)],
);

/** Why opportunities are lost: a configurable list per organisation. */
export const lostReasons = pgTable(
  'lost_reasons',
  {
    orgId: orgId(),
    id: id(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
    ...versioned(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

/**
 * A sales opportunity on a customer (a prospect is a customer with status prospect). Money is
 * numeric with its currency; volumes are expected per month.
 */
export const opportunities = pgTable(
  'opportunities',
  {
    orgId: orgId(),
    id: id(),
    /** O000001, O000002, … per organisation (counter `opportunity_code`). */
    code: text('code').notNull(),
    title: text('title').notNull(),
    /** For a title the product made (an inquiry's): what it is made of, to show it in the reader's language. Null once edited. */
    titleParts: jsonb('title_parts').$type<SystemTitleParts>(),
    customerId: uuid('customer_id').notNull(),
    contactId: uuid('contact_id'),
    volumeTeu: numeric('volume_teu', { precision: 12, scale: 2 }),
    volumeCbm: numeric('volume_cbm', { precision: 12, scale: 2 }),
    volumeKg: numeric('volume_kg', { precision: 14, scale: 2 }),
    shipmentsPerMonth: numeric('shipments_per_month', { precision: 10, scale: 2 }),
    /** Each amount with its own currency, as shipments keep theirs; null together. */
    expectedRevenue: numeric('expected_revenue', { precision: 18, scale: 4 }),
    revenueCurrency: text('revenue_currency'),
    expectedMargin: numeric('expected_margin', { precision: 18, scale: 4 }),
    marginCurrency: text('margin_currency'),
    probability: integer('probability').notNull(),
    expectedCloseDate: date('expected_close_date', { mode: 'string' }),
    ownerId: uuid('owner_id'),
    teamId: uuid('team_id'),
    /** inquiry, referral, event, campaign, cold_call. */
    source: text('source').notNull(),
    stageKey: text('stage_key').notNull(),
    stageEnteredAt: ts('stage_entered_at').notNull().defaultNow(),
    /** open, won or lost: the kind of the current stage, kept here for filters and the forecast. */
    status: text('status').notNull().default('open'),
    lostReasonId: uuid('lost_reason_id'),
    lostNote: text('lost_note'),
    closedAt: ts('closed_at'),
    /** The sales event the opportunity came from, for the event's report. */
    salesEventId: uuid('sales_event_id'),
    lastActivityAt: ts('last_activity_at'),
    description: text('description'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('opportunities_org_code_uq').on(t.orgId, t.code),
    index('opportunities_org_owner_idx').on(t.orgId, t.ownerId, t.id.desc()),
    index('opportunities_org_team_idx').on(t.orgId, t.teamId, t.id.desc()),
    index('opportunities_org_customer_idx').on(t.orgId, t.customerId, t.id.desc()),
    index('opportunities_org_stage_idx').on(t.orgId, t.stageKey, t.id.desc()),
    index('opportunities_org_status_close_idx').on(t.orgId, t.status, t.expectedCloseDate),
    index('opportunities_org_event_idx').on(t.orgId, t.salesEventId).where(sql`sales_event_id is not null`),
    referencesCustomer(t.orgId, t.customerId),
    referencesContact(t.orgId, t.contactId),
    foreignKey({ columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    foreignKey({ columns: [t.orgId, t.lostReasonId], foreignColumns: [lostReasons.orgId, lostReasons.id] }),
  ],
);

/** The lanes of an opportunity: POL → POD as UN/LOCODEs with the transport mode. */
export const opportunityLanes = pgTable(
  'opportunity_lanes',
  {
    orgId: orgId(),
    id: id(),
    opportunityId: uuid('opportunity_id').notNull(),
    position: integer('position').notNull().default(0),
    pol: text('pol').notNull(),
    pod: text('pod').notNull(),
    /** FCL, LCL, air, rail, road, express. */
    mode: text('mode').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('opportunity_lanes_org_opportunity_idx').on(t.orgId, t.opportunityId),
    index('opportunity_lanes_org_lane_idx').on(t.orgId, t.pol, t.pod),
    foreignKey({
      columns: [t.orgId, t.opportunityId],
      foreignColumns: [opportunities.orgId, opportunities.id],
    }).onDelete('cascade'),
  ],
);

/** Every stage change, with the time spent in the stage it left (for cycle-time reports). */
export const opportunityStageChanges = pgTable(
  'opportunity_stage_changes',
  {
    orgId: orgId(),
    id: id(),
    opportunityId: uuid('opportunity_id').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    changedAt: ts('changed_at').notNull().defaultNow(),
    changedBy: uuid('changed_by'),
    /** Seconds the opportunity spent in from_stage; null for the first entry. */
    secondsInStage: integer('seconds_in_stage'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('opportunity_stage_changes_org_opp_idx').on(t.orgId, t.opportunityId, t.changedAt),
    foreignKey({
      columns: [t.orgId, t.opportunityId],
      foreignColumns: [opportunities.orgId, opportunities.id],
    }).onDelete('cascade'),
  ],
);

/**
 * A customer's price inquiry for a lane or a new service. It is attached to an open opportunity of
 * the same customer and lane, or opens one.
 */
export const inquiries = pgTable(
  'inquiries',
  {
    orgId: orgId(),
    id: id(),
    customerId: uuid('customer_id').notNull(),
    contactId: uuid('contact_id'),
    pol: text('pol').notNull(),
    pod: text('pod').notNull(),
    mode: text('mode').notNull(),
    message: text('message'),
    /** { teu?, cbm?, kg?, shipmentsPerMonth? } */
    volume: jsonb('volume').$type<Record<string, number>>(),
    opportunityId: uuid('opportunity_id').notNull(),
    /** Whether this inquiry opened the opportunity (false: attached to an open one). */
    openedOpportunity: boolean('opened_opportunity').notNull(),
    /** api, console, portal, web_form, event. */
    channel: text('channel').notNull().default('api'),
    salesEventId: uuid('sales_event_id'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('inquiries_org_customer_idx').on(t.orgId, t.customerId, t.id.desc()),
    index('inquiries_org_opportunity_idx').on(t.orgId, t.opportunityId),
    index('inquiries_org_event_idx').on(t.orgId, t.salesEventId).where(sql`sales_event_id is not null`),
    referencesCustomer(t.orgId, t.customerId),
    foreignKey({ columns: [t.orgId, t.opportunityId], foreignColumns: [opportunities.orgId, opportunities.id] }),
  ],
);
