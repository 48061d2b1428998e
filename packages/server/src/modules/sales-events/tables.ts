import { sql } from 'drizzle-orm';
import { foreignKey, index, jsonb, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { id, orgId, ts, versioned } from '../../db/columns';
import { users } from '../../db/schema';
import { referencesContact, referencesCustomer } from '../customers';

export interface ChecklistItem {
  id: string;
  text: string;
  done: boolean;
  doneBy?: string | null;
  doneAt?: string | null;
}

/** A customer visit, trade show or product presentation, planned and then evaluated. */
export const salesEvents = pgTable(
  'sales_events',
  {
    orgId: orgId(),
    id: id(),
    /** visit, trade_show, presentation. */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    place: text('place'),
    description: text('description'),
    cost: numeric('cost', { precision: 18, scale: 4 }),
    costCurrency: text('cost_currency'),
    ownerId: uuid('owner_id'),
    teamId: uuid('team_id'),
    checklist: jsonb('checklist').$type<ChecklistItem[]>().notNull().default(sql`'[]'::jsonb`),
    remindedAt: ts('reminded_at'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('sales_events_org_starts_idx').on(t.orgId, t.startsAt.desc()),
    index('sales_events_org_owner_idx').on(t.orgId, t.ownerId, t.startsAt.desc()),
  ],
);

/** Colleagues taking part in an event. */
export const salesEventParticipants = pgTable(
  'sales_event_participants',
  {
    orgId: orgId(),
    eventId: uuid('event_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.eventId, t.userId] }),
    index('sales_event_participants_org_user_idx').on(t.orgId, t.userId),
    foreignKey({ columns: [t.orgId, t.eventId], foreignColumns: [salesEvents.orgId, salesEvents.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** The duty roster: who staffs the booth (or the visit) when. */
export const salesEventShifts = pgTable(
  'sales_event_shifts',
  {
    orgId: orgId(),
    id: id(),
    eventId: uuid('event_id').notNull(),
    userId: uuid('user_id').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('sales_event_shifts_org_event_idx').on(t.orgId, t.eventId, t.startsAt),
    foreignKey({ columns: [t.orgId, t.eventId], foreignColumns: [salesEvents.orgId, salesEvents.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** What the capturer entered for a company they may not read, kept on the lead for its owner. */
export interface LeadHandover {
  contactName: string | null;
  phone: string | null;
  email: string | null;
  lane: { pol: string; pod: string; mode: string } | null;
  message: string | null;
}

/**
 * A lead captured at an event: the prospect (a customer) and contact it created or found. A lead
 * for a company outside the capturer's read scope is handed to the company's owner instead: no
 * contact or inquiry is written to that company, the entered details wait in `handover`.
 */
export const salesEventLeads = pgTable(
  'sales_event_leads',
  {
    orgId: orgId(),
    id: id(),
    eventId: uuid('event_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    contactId: uuid('contact_id'),
    inquiryId: uuid('inquiry_id'),
    note: text('note'),
    capturedBy: uuid('captured_by'),
    capturedAt: ts('captured_at').notNull().defaultNow(),
    /** The owner the lead was handed to; null for leads the capturer attached themselves. */
    handedToId: uuid('handed_to_id'),
    handover: jsonb('handover').$type<LeadHandover>(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('sales_event_leads_org_event_idx').on(t.orgId, t.eventId, t.capturedAt.desc()),
    foreignKey({ columns: [t.orgId, t.eventId], foreignColumns: [salesEvents.orgId, salesEvents.id] }).onDelete(
      'cascade',
    ),
    referencesCustomer(t.orgId, t.customerId),
    referencesContact(t.orgId, t.contactId),
  ],
);
