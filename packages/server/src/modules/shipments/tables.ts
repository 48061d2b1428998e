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
import { referencesCustomer } from '../customers';

/**
 * A customer's shipment, fed from the company's operating systems (TMS, freight system, carrier tracking) by API,
 * webhook or file and identified there by (source, external_id). It follows the scope of its customer
 * (docs/decisions/0007-shipments.md): `customer_id` is the booking customer, else the shipper, else the consignee.
 * Money is numeric with its currency. Tracking state (status, ETA, actual times, exception flags) is what the
 * shipment's events add up to (domain `applyEvents`).
 */
export const shipments = pgTable(
  'shipments',
  {
    orgId: orgId(),
    id: id(),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    mode: text('mode').notNull(),
    status: text('status').notNull().default('booked'),
    customerId: uuid('customer_id'),
    bookingNumber: text('booking_number'),
    masterBl: text('master_bl'),
    houseBl: text('house_bl'),
    pol: text('pol'),
    pod: text('pod'),
    placeOfReceipt: text('place_of_receipt'),
    placeOfDelivery: text('place_of_delivery'),
    /** `CNSHA-USLAX:fcl` (domain `laneKey`), null while POL or POD is unknown. */
    laneKey: text('lane_key'),
    carrier: text('carrier'),
    vessel: text('vessel'),
    voyage: text('voyage'),
    flightNumber: text('flight_number'),
    etd: ts('etd'),
    eta: ts('eta'),
    atd: ts('atd'),
    ata: ts('ata'),
    promisedEta: ts('promised_eta'),
    /** When the ETA was last corrected by hand: only `eta_changed` events that occurred after it move the ETA again. */
    etaCorrectedAt: ts('eta_corrected_at'),
    packages: integer('packages'),
    grossWeightKg: numeric('gross_weight_kg', { precision: 14, scale: 3 }),
    volumeCbm: numeric('volume_cbm', { precision: 12, scale: 3 }),
    chargeableWeightKg: numeric('chargeable_weight_kg', { precision: 14, scale: 3 }),
    teu: numeric('teu', { precision: 8, scale: 2 }).notNull().default('0'),
    commodity: text('commodity'),
    hsCode: text('hs_code'),
    incoterm: text('incoterm'),
    revenueAmount: numeric('revenue_amount', { precision: 18, scale: 4 }),
    revenueCurrency: text('revenue_currency'),
    costAmount: numeric('cost_amount', { precision: 18, scale: 4 }),
    costCurrency: text('cost_currency'),
    onTime: boolean('on_time'),
    damaged: boolean('damaged').notNull().default(false),
    lost: boolean('lost').notNull().default(false),
    customsHold: boolean('customs_hold').notNull().default(false),
    rolled: boolean('rolled').notNull().default(false),
    lastEventAt: ts('last_event_at'),
    /** When the owner was last told of a delay, so one slip notifies once. */
    delayNotifiedAt: ts('delay_notified_at'),
    /** A hash of what the feed last sent, so a re-sent item answers "unchanged" without a write. */
    feedHash: text('feed_hash'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('shipments_org_source_external_uq').on(t.orgId, t.source, t.externalId),
    index('shipments_org_customer_etd_idx').on(t.orgId, t.customerId, t.etd.desc(), t.id.desc()),
    index('shipments_org_id_idx').on(t.orgId, t.id.desc()),
    index('shipments_org_lane_idx').on(t.orgId, t.pol, t.pod, t.id.desc()),
    index('shipments_org_etd_idx').on(t.orgId, t.etd),
    // Exceptions are rare: without it the exception filter reads every shipment of the organisation when few have one.
    // A tracking update that leaves the flags alone can still be HOT (the predicate's columns are compared by value).
    index('shipments_org_exception_idx').on(t.orgId, t.id.desc()).where(sql`rolled or customs_hold or damaged or lost`),
    index('shipments_org_booking_idx').on(t.orgId, t.bookingNumber).where(sql`booking_number is not null`),
    index('shipments_org_master_bl_idx').on(t.orgId, t.masterBl).where(sql`master_bl is not null`),
    index('shipments_org_house_bl_idx').on(t.orgId, t.houseBl).where(sql`house_bl is not null`),
    referencesCustomer(t.orgId, t.customerId),
  ],
);

export const shipmentContainers = pgTable(
  'shipment_containers',
  {
    orgId: orgId(),
    shipmentId: uuid('shipment_id').notNull(),
    position: integer('position').notNull(),
    number: text('number').notNull(),
    type: text('type').notNull(),
    seal: text('seal'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.shipmentId, t.position] }),
    index('shipment_containers_org_number_idx').on(t.orgId, t.number),
    foreignKey({ columns: [t.orgId, t.shipmentId], foreignColumns: [shipments.orgId, shipments.id] }).onDelete(
      'cascade',
    ),
  ],
);

/**
 * A milestone a shipment missed (departure after ETD, arrival after ETA, each beyond the organisation's delay
 * threshold, with no actual time), once per shipment and milestone: the row is the record that its customer's owner
 * was told, so a later run does not tell them again.
 */
export const shipmentMilestoneAlerts = pgTable(
  'shipment_milestone_alerts',
  {
    orgId: orgId(),
    shipmentId: uuid('shipment_id').notNull(),
    /** `departed` or `arrived`: the milestone that did not happen in time. */
    milestone: text('milestone').notNull(),
    /** The planned time it was judged against (ETD or ETA at that moment). */
    plannedAt: ts('planned_at').notNull(),
    alertedAt: ts('alerted_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.shipmentId, t.milestone] }),
    foreignKey({ columns: [t.orgId, t.shipmentId], foreignColumns: [shipments.orgId, shipments.id] }).onDelete(
      'cascade',
    ),
  ],
);

/**
 * A party named on a shipment not yet linked to a customer: kept as written (by its name key) and queued for review.
 * Linking it to a customer links every shipment that names it; ignoring it stops the queue asking.
 */
export const unmatchedParties = pgTable(
  'unmatched_parties',
  {
    orgId: orgId(),
    id: id(),
    /** The normalised name (domain `normalizeCompanyName`), or `code:<credit code>` when only that was given. */
    matchKey: text('match_key').notNull(),
    name: text('name').notNull(),
    creditCode: text('credit_code'),
    customerCode: text('customer_code'),
    /** open, linked or ignored. */
    status: text('status').notNull().default('open'),
    customerId: uuid('customer_id'),
    /** The roles it was named in, e.g. {consignee, notify_party}. */
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: ts('resolved_at'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('unmatched_parties_org_key_uq').on(t.orgId, t.matchKey),
    index('unmatched_parties_org_status_idx').on(t.orgId, t.status, t.id.desc()),
    referencesCustomer(t.orgId, t.customerId),
  ],
);

export const shipmentParties = pgTable(
  'shipment_parties',
  {
    orgId: orgId(),
    shipmentId: uuid('shipment_id').notNull(),
    role: text('role').notNull(),
    customerId: uuid('customer_id'),
    unmatchedPartyId: uuid('unmatched_party_id'),
    /** As the feed wrote it. */
    name: text('name'),
    customerCode: text('customer_code'),
    creditCode: text('credit_code'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.shipmentId, t.role] }),
    index('shipment_parties_org_customer_idx').on(t.orgId, t.customerId).where(sql`customer_id is not null`),
    index('shipment_parties_org_unmatched_idx')
      .on(t.orgId, t.unmatchedPartyId)
      .where(sql`unmatched_party_id is not null`),
    foreignKey({ columns: [t.orgId, t.shipmentId], foreignColumns: [shipments.orgId, shipments.id] }).onDelete(
      'cascade',
    ),
    referencesCustomer(t.orgId, t.customerId),
    foreignKey({
      columns: [t.orgId, t.unmatchedPartyId],
      foreignColumns: [unmatchedParties.orgId, unmatchedParties.id],
    }),
  ],
);

/**
 * Tracking events as the feeds sent them, once each by (source, event_id). An event may arrive before its shipment:
 * it waits with `shipment_id` null and is applied when the shipment (`shipment_source`, `shipment_external_id`)
 * arrives. Not row-audited (volume): the table is its own record.
 */
export const shipmentEvents = pgTable(
  'shipment_events',
  {
    orgId: orgId(),
    source: text('source').notNull(),
    eventId: text('event_id').notNull(),
    shipmentExternalId: text('shipment_external_id').notNull(),
    shipmentId: uuid('shipment_id'),
    type: text('type').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    location: text('location'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    receivedAt: ts('received_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.source, t.eventId] }),
    index('shipment_events_org_shipment_idx').on(t.orgId, t.shipmentId, t.occurredAt),
    index('shipment_events_org_waiting_idx')
      .on(t.orgId, t.source, t.shipmentExternalId)
      .where(sql`shipment_id is null`),
    foreignKey({ columns: [t.orgId, t.shipmentId], foreignColumns: [shipments.orgId, shipments.id] }).onDelete(
      'cascade',
    ),
  ],
);

/**
 * Customers whose shipment roll-ups are due to be computed again: tracking events move a shipment's date (its ATD)
 * by the thousand, so the event feed queues the customers here (once each, however many batches touch them) and one
 * coalesced job (`shipments.customer-rollups-due`) recomputes them a few seconds later.
 */
export const customerRollupsDue = pgTable(
  'customer_rollups_due',
  {
    orgId: orgId(),
    customerId: uuid('customer_id').notNull(),
    queuedAt: ts('queued_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.customerId] }),
    referencesCustomer(t.orgId, t.customerId).onDelete('cascade'),
  ],
);

/**
 * The shipments report's aggregate (docs/decisions/0007-shipments.md): per organisation, ETD day (in the business
 * time zone), customer, POL, POD, mode and the currencies of revenue and cost, the count, TEU, CBM, kg and amounts
 * of those shipments, kept by triggers on `shipments` (migration 0036). The key columns are never null so that they
 * can be the primary key: no customer is the nil UUID, no POL, POD or currency (no amount) is ''.
 */
export const shipmentReportDays = pgTable(
  'shipment_report_days',
  {
    orgId: orgId(),
    day: date('day', { mode: 'string' }).notNull(),
    customerId: uuid('customer_id').notNull(),
    pol: text('pol').notNull(),
    pod: text('pod').notNull(),
    mode: text('mode').notNull(),
    revenueCurrency: text('revenue_currency').notNull(),
    costCurrency: text('cost_currency').notNull(),
    shipments: integer('shipments').notNull(),
    teu: numeric('teu').notNull(),
    cbm: numeric('cbm').notNull(),
    kg: numeric('kg').notNull(),
    revenueAmount: numeric('revenue_amount').notNull(),
    costAmount: numeric('cost_amount').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'shipment_report_days_pk',
      columns: [t.orgId, t.day, t.customerId, t.pol, t.pod, t.mode, t.revenueCurrency, t.costCurrency],
    }),
  ],
);
