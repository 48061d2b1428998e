import { E164_PATTERN, EMAIL_PATTERN } from '@berth/domain';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
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

/** Customer master data: owned by the customers module; other modules use its use cases. */

export interface TradeProfileJson {
  commodities: string[];
  /** HS chapters of the goods ("84") and special-cargo kinds; lists filter on them through `customers_trade_profile_idx`. */
  hsChapters?: string[];
  specialCargo?: string[];
  importFrequency?: string | null;
  exportFrequency?: string | null;
  preferredModes: string[];
  specialNeeds?: string | null;
}
export interface BillingJson {
  invoiceTitle?: string | null;
  taxNumber?: string | null;
  billingAddress?: string | null;
  settlementType?: string | null;
  paymentTermsDays?: number | null;
}

/**
 * Conditions of invalid stored values (the data quality report), written once for the partial
 * indexes and the queries so the planner matches them. The patterns are constants of the domain.
 */
export const invalidCreditCodeSql = 'credit_code is not null and not berth_credit_code_valid(credit_code)';
export const invalidPhoneSql = `phone is not null and phone !~ '${E164_PATTERN}'`;
export const invalidEmailSql = `email is not null and email !~ '${EMAIL_PATTERN}'`;

/** Per-organisation counters, e.g. the next customer code. */
export const counters = pgTable(
  'counters',
  {
    orgId: orgId(),
    name: text('name').notNull(),
    value: bigint('value', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.name] })],
);

export const customers = pgTable(
  'customers',
  {
    orgId: orgId(),
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    creditCode: text('credit_code'),
    address: text('address'),
    country: text('country'),
    website: text('website'),
    /** E.164 without extension: duplicate checks and the data quality report compare numbers on it. */
    phone: text('phone'),
    /** The extension (转 / 分机) of the company's number, digits only. */
    phoneExtension: text('phone_extension'),
    email: text('email'),
    industry: text('industry'),
    employees: integer('employees'),
    annualRevenue: numeric('annual_revenue', { precision: 18, scale: 4 }),
    revenueCurrency: text('revenue_currency'),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    relationshipType: text('relationship_type'),
    status: text('status').notNull().default('prospect'),
    ownerId: uuid('owner_id'),
    teamId: uuid('team_id'),
    tradeProfile: jsonb('trade_profile').$type<TradeProfileJson>().notNull(),
    /** Invoice details and terms; the credit limit is in its own columns (a guarded amount, `numeric`). */
    billing: jsonb('billing').$type<BillingJson>().notNull(),
    creditLimit: numeric('credit_limit', { precision: 18, scale: 4 }),
    creditLimitCurrency: text('credit_limit_currency'),
    /** Normalised name (suffixes, width, case, traditional/simplified folded) for duplicate checks. */
    nameKey: text('name_key').notNull(),
    nameEnKey: text('name_en_key'),
    /** Pinyin of the Chinese name, so 华为 matches another record's English name HUAWEI. */
    namePinyin: text('name_pinyin'),
    /** Everything a person may type to find the customer, normalised, for trigram search. */
    searchText: text('search_text').notNull(),
    /** Two-character grams of the name and search text, for searches too short for trigrams. */
    searchGrams: text('search_grams').array().generatedAlwaysAs(sql`berth_search_grams("name_key", "search_text")`),
    /**
     * The search texts and grams of the customer's contacts, kept by a trigger on contacts, so a
     * search walking the list checks one row instead of looking up contacts for every customer:
     * their names, and apart from them their personal data (phones, emails, WeChat), which only
     * callers who may see it unmasked may search by.
     */
    contactSearchText: text('contact_search_text').notNull().default(''),
    contactSearchGrams: text('contact_search_grams').array().notNull().default(sql`'{}'::text[]`),
    contactPersonalText: text('contact_personal_text').notNull().default(''),
    contactPersonalGrams: text('contact_personal_grams').array().notNull().default(sql`'{}'::text[]`),
    /** The order of names as Chinese users read them: pinyin of a Chinese name, else the normalised name. */
    nameSortKey: text('name_sort_key').generatedAlwaysAs(sql`coalesce("name_pinyin", "name_key")`),
    mergedIntoId: uuid('merged_into_id'),
    /** Ownership and the public pool (公海): when the current owner got it and until when it is protected. */
    ownerSince: ts('owner_since'),
    protectedUntil: ts('protected_until'),
    /** Latest follow-up (note, activity) and latest deal; the pool rules measure idleness from them. */
    lastFollowUpAt: ts('last_follow_up_at'),
    lastDealAt: ts('last_deal_at'),
    /** Set while the customer sits in its team's pool without an owner. */
    pooledAt: ts('pooled_at'),
    /** When the owner was last warned that the customer is about to return to the pool. */
    poolWarnedAt: ts('pool_warned_at'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('customers_org_code_uq').on(t.orgId, t.code),
    uniqueIndex('customers_org_credit_code_uq')
      .on(t.orgId, t.creditCode)
      .where(sql`credit_code is not null and merged_into_id is null`),
    /** The live list newest first, narrow: a search measures its walk windows on it without heap visits. */
    index('customers_org_live_idx').on(t.orgId, t.id.desc()).where(sql`merged_into_id is null`),
    index('customers_org_owner_idx').on(t.orgId, t.ownerId, t.id.desc()),
    index('customers_org_merged_into_idx').on(t.orgId, t.mergedIntoId).where(sql`merged_into_id is not null`),
    index('customers_org_team_idx').on(t.orgId, t.teamId, t.id.desc()),
    index('customers_org_status_idx').on(t.orgId, t.status, t.id.desc()),
    /** The list by last follow-up (never followed up as the oldest), keyset on (sort key, id). */
    index('customers_org_last_follow_up_idx').on(
      t.orgId,
      sql`coalesce(${t.lastFollowUpAt}, '1970-01-01T00:00:00Z'::timestamptz)`,
      t.id,
    ),
    index('customers_org_country_idx').on(t.orgId, t.country, t.id.desc()),
    /** The public pool list (see the pool module): unowned customers that sit in a team's pool. */
    index('customers_org_pool_idx')
      .on(t.orgId, t.teamId, t.pooledAt.desc(), t.id.desc())
      .where(sql`owner_id is null and pooled_at is not null`),
    index('customers_org_name_key_idx').on(t.orgId, t.nameKey),
    /** The list sorted by name in pinyin order (keyset on the sort key, id). */
    index('customers_org_name_sort_idx').on(t.orgId, t.nameSortKey, t.id),
    index('customers_org_name_en_key_idx').on(t.orgId, t.nameEnKey),
    index('customers_org_name_pinyin_idx').on(t.orgId, t.namePinyin),
    index('customers_name_key_trgm_idx').using('gin', sql`${t.nameKey} gin_trgm_ops`),
    index('customers_org_phone_idx').on(t.orgId, t.phone),
    /** Invalid values for the data quality report (see the data-quality module): small, as such rows are few. */
    index('customers_invalid_credit_code_idx').on(t.orgId, t.id.desc()).where(sql.raw(invalidCreditCodeSql)),
    index('customers_invalid_phone_idx').on(t.orgId, t.id.desc()).where(sql.raw(invalidPhoneSql)),
    index('customers_invalid_email_idx').on(t.orgId, t.id.desc()).where(sql.raw(invalidEmailSql)),
    index('customers_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('customers_search_grams_idx').using('gin', t.searchGrams),
    /** HS chapter and special-cargo filters: containment (`@>`) on the trade profile. */
    index('customers_trade_profile_idx').using('gin', sql`${t.tradeProfile} jsonb_path_ops`),
  ],
);

export const customerLanes = pgTable(
  'customer_lanes',
  {
    orgId: orgId(),
    id: id(),
    customerId: uuid('customer_id').notNull(),
    position: integer('position').notNull(),
    pol: text('pol').notNull(),
    pod: text('pod').notNull(),
    mode: text('mode').notNull(),
    volume: doublePrecision('volume'),
    volumeUnit: text('volume_unit'),
    /** `month` or `year`: the period the volume is counted over; null for lanes recorded before it was asked. */
    volumePeriod: text('volume_period'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('customer_lanes_org_customer_idx').on(t.orgId, t.customerId),
    index('customer_lanes_org_pol_pod_idx').on(t.orgId, t.pol, t.pod),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }).onDelete(
      'cascade',
    ),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    orgId: orgId(),
    id: id(),
    customerId: uuid('customer_id').notNull(),
    name: text('name').notNull(),
    title: text('title'),
    phones: text('phones').array().notNull().default(sql`'{}'::text[]`),
    emails: text('emails').array().notNull().default(sql`'{}'::text[]`),
    wechat: text('wechat'),
    birthday: date('birthday', { mode: 'string' }),
    isPrimary: boolean('is_primary').notNull().default(false),
    preferredChannel: text('preferred_channel'),
    marketingConsent: boolean('marketing_consent').notNull().default(false),
    consentAt: ts('consent_at'),
    status: text('status').notNull().default('active'),
    leftAt: ts('left_at'),
    /** The normalised name: what anyone who reads the contact may search by. */
    searchText: text('search_text').notNull(),
    searchGrams: text('search_grams').array().generatedAlwaysAs(sql`berth_search_grams("name", "search_text")`),
    /** Phones, emails and WeChat: searchable only by callers who see them unmasked (personalData.read). */
    personalSearchText: text('personal_search_text').notNull().default(''),
    personalSearchGrams: text('personal_search_grams')
      .array()
      .generatedAlwaysAs(sql`berth_search_grams(null, "personal_search_text")`),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('contacts_org_customer_idx').on(t.orgId, t.customerId, t.id),
    index('contacts_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('contacts_search_grams_idx').using('gin', t.searchGrams),
    index('contacts_personal_search_trgm_idx').using('gin', sql`${t.personalSearchText} gin_trgm_ops`),
    index('contacts_personal_search_grams_idx').using('gin', t.personalSearchGrams),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }),
  ],
);

/**
 * The search keys of live customers (migration 0032): every pair of adjacent Chinese characters in
 * their search texts and their contacts' (company suffixes such as 有限公司 excepted), kept by
 * statement-level triggers on customers, one set-based statement per written batch. A Chinese term
 * walks its rarest pair's entries newest first along the primary key, whatever the planner thinks.
 */
export const customerSearchKeys = pgTable(
  'customer_search_keys',
  {
    orgId: orgId(),
    key: text('key').notNull(),
    customerId: uuid('customer_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.key, t.customerId] })],
);

export const tags = pgTable(
  'tags',
  {
    orgId: orgId(),
    id: id(),
    name: text('name').notNull(),
    color: text('color').notNull().default('blue'),
    groupName: text('group_name'),
    ...versioned(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), uniqueIndex('tags_org_name_uq').on(t.orgId, sql`lower(${t.name})`)],
);

export const customerTags = pgTable(
  'customer_tags',
  {
    orgId: orgId(),
    customerId: uuid('customer_id').notNull(),
    tagId: uuid('tag_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.customerId, t.tagId] }),
    index('customer_tags_org_tag_idx').on(t.orgId, t.tagId, t.customerId),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.orgId, t.tagId], foreignColumns: [tags.orgId, tags.id] }).onDelete('cascade'),
  ],
);

/**
 * Each customer's shipments at a glance, computed by the shipments module (event `shipment.customer_rollups`)
 * and kept beside the record, not in it: they change as shipments arrive without changing the customer's
 * version (no 412 for someone editing the customer) and without an audit entry. One row per customer that has
 * or had shipments; the customer list filters and sorts on them through the indexes below.
 */
export const customerShipmentRollups = pgTable(
  'customer_shipment_rollups',
  {
    orgId: orgId(),
    customerId: uuid('customer_id').notNull(),
    firstShipmentAt: ts('first_shipment_at'),
    lastShipmentAt: ts('last_shipment_at'),
    shipments12m: integer('shipments_12m').notNull().default(0),
    teu12m: numeric('teu_12m').notNull().default('0'),
    revenue12mAmount: numeric('revenue_12m_amount').notNull().default('0'),
    revenue12mCurrency: text('revenue_12m_currency').notNull(),
    revenueComplete: boolean('revenue_complete').notNull().default(true),
    computedAt: ts('computed_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.customerId] }),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }).onDelete(
      'cascade',
    ),
    index('customer_shipment_rollups_last_idx').on(t.orgId, t.lastShipmentAt, t.customerId),
    index('customer_shipment_rollups_count_idx').on(t.orgId, t.shipments12m, t.customerId),
    index('customer_shipment_rollups_teu_idx').on(t.orgId, t.teu12m, t.customerId),
    index('customer_shipment_rollups_revenue_idx').on(t.orgId, t.revenue12mAmount, t.customerId),
  ],
);
