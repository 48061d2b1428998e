import { type AnyPgColumn, foreignKey, integer, jsonb, pgTable, pgView, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns';
import type { BillingJson } from './tables';
import { contacts, customers } from './tables';

/**
 * What other modules may use of the customers and contacts tables in their own SQL. These name
 * the same relations as `tables.ts` (so a query reads `"customers"."name"` exactly as before, and
 * the customers scope conditions apply to it) but only with the columns listed here. They are not
 * schema: drizzle-kit reads `tables.ts` only, and `customer-ref.test.ts` holds each column to the
 * table's definition.
 */

/**
 * The customer record, read-only (a view handle: it cannot be inserted into or updated), for
 * joins and lists of other modules: its name in their lists, owner and team for scope, the pool's
 * clocks, and the fields the data quality report checks. Writes go through the customers module.
 */
export const customerRef = pgView('customers', {
  orgId: uuid('org_id').notNull(),
  id: uuid('id').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  status: text('status').notNull(),
  country: text('country'),
  industry: text('industry'),
  ownerId: uuid('owner_id'),
  teamId: uuid('team_id'),
  mergedIntoId: uuid('merged_into_id'),
  // The fields the data quality report checks.
  creditCode: text('credit_code'),
  address: text('address'),
  phone: text('phone'),
  email: text('email'),
  website: text('website'),
  billing: jsonb('billing').$type<BillingJson>().notNull(),
  nameKey: text('name_key').notNull(),
  searchText: text('search_text').notNull(),
  // The pool's clocks.
  ownerSince: ts('owner_since'),
  protectedUntil: ts('protected_until'),
  pooledAt: ts('pooled_at'),
  poolWarnedAt: ts('pool_warned_at'),
  lastFollowUpAt: ts('last_follow_up_at'),
  lastDealAt: ts('last_deal_at'),
  version: integer('version').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}).existing();

/** A contact, read-only: who it is and whose contact it is. */
export const contactRef = pgView('contacts', {
  orgId: uuid('org_id').notNull(),
  id: uuid('id').notNull(),
  customerId: uuid('customer_id').notNull(),
  name: text('name').notNull(),
  status: text('status').notNull(),
}).existing();

/** A lane the customer ships on, read-only (opportunities start from them). */
export const customerLaneRef = pgView('customer_lanes', {
  orgId: uuid('org_id').notNull(),
  customerId: uuid('customer_id').notNull(),
  position: integer('position').notNull(),
  pol: text('pol').notNull(),
  pod: text('pod').notNull(),
  mode: text('mode').notNull(),
}).existing();

/**
 * The columns of the customer record that the public pool keeps: owner and team, when the owner
 * got it, its protection, its time in the pool and the follow-up and deal clocks. The pool module
 * writes these (claims, releases, hand-overs, the sweep) and nothing else of the record.
 */
export const customerOwnership = pgTable('customers', {
  orgId: uuid('org_id').notNull(),
  id: uuid('id').notNull(),
  ownerId: uuid('owner_id'),
  teamId: uuid('team_id'),
  ownerSince: ts('owner_since'),
  protectedUntil: ts('protected_until'),
  pooledAt: ts('pooled_at'),
  poolWarnedAt: ts('pool_warned_at'),
  lastFollowUpAt: ts('last_follow_up_at'),
  lastDealAt: ts('last_deal_at'),
  mergedIntoId: uuid('merged_into_id'),
  version: integer('version').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** The foreign key `(org_id, <customer id column>)` → customers, for a table that hangs records off a customer. */
export function referencesCustomer(orgId: AnyPgColumn, customerId: AnyPgColumn) {
  return foreignKey({ columns: [orgId, customerId], foreignColumns: [customers.orgId, customers.id] });
}

/** The foreign key `(org_id, <contact id column>)` → contacts. */
export function referencesContact(orgId: AnyPgColumn, contactId: AnyPgColumn) {
  return foreignKey({ columns: [orgId, contactId], foreignColumns: [contacts.orgId, contacts.id] });
}
