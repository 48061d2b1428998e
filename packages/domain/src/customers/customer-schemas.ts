import { z } from 'zod';
import { transportModes } from '../logistics/lane';
import { moneyJsonSchema, storedMoneyInputSchema } from '../money/money-schemas';
import { downloadQuerySchema } from '../platform/download';
import { listQuerySchema } from '../platform/pagination';
import { isCountryCode } from '../reference/countries';
import { isCurrencyCode } from '../reference/currencies';
import { checkCreditCode, normalizeCreditCode } from './credit-code';
import { hsChapterCodes, hsChapterSchema } from './hs-chapters';
import { normalizePhone } from './phone';
import { isUnlocode } from './unlocode';

/** Customer master data (SPEC M1): the schemas shared by the API, the forms and the import. */
export const customerRoles = [
  'shipper',
  'consignee',
  'notify_party',
  'overseas_agent',
  'nvocc',
  'carrier',
  'mto',
  'third_party_logistics',
  'direct_customer',
] as const;
export const relationshipTypes = ['walk_in', 'affiliated', 'long_term', 'strategic'] as const;
export type CustomerRole = (typeof customerRoles)[number];
export type RelationshipType = (typeof relationshipTypes)[number];
/** `temporary` (临时客户): a one-off customer served without the full onboarding, e.g. a single shipment. */
export const customerStatuses = ['prospect', 'active', 'temporary', 'inactive'] as const;
// One list of modes for every module: the lane key is built from it.
export { transportModes };
export const volumeUnits = ['teu', 'cbm', 'kg', 'shipments'] as const;
/** The period a lane's volume is counted over: per month or per year. */
export const volumePeriods = ['month', 'year'] as const;
export type VolumePeriod = (typeof volumePeriods)[number];
/** Cargo that needs special handling; lists and segments filter customers by it. */
export const specialCargoKinds = ['dangerous_goods', 'reefer', 'oversize', 'time_critical'] as const;
export type SpecialCargo = (typeof specialCargoKinds)[number];
export const settlementTypes = ['per_shipment', 'monthly'] as const;
export const tradeFrequencies = ['weekly', 'monthly', 'quarterly', 'occasional'] as const;

/** Optional free text: trimmed, empty becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const creditCodeSchema = z
  .string()
  .transform((value, ctx) => {
    if (value.trim() === '') return null;
    const result = checkCreditCode(value);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: `customer.credit_code_${result.reason}` });
      return z.NEVER;
    }
    return normalizeCreditCode(value);
  })
  .nullable()
  .optional();

export const phoneSchema = z.string().transform((value, ctx) => {
  const result = normalizePhone(value);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: 'customer.phone_invalid' });
    return z.NEVER;
  }
  return result.stored;
});

/** Optional phone, normalised to E.164 with its extension (`;ext=8001`); empty becomes null. */
export const optionalPhone = z
  .string()
  .max(50)
  .transform((v, ctx) => {
    if (v.trim() === '') return null;
    const result = normalizePhone(v);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: 'customer.phone_invalid' });
      return z.NEVER;
    }
    return result.stored;
  })
  .nullable()
  .optional();

/** The email format, built once: a schema is costly to build and an import checks one a row. */
export const emailFormat = z.email();

/** Optional email, lower-cased; empty becomes null. */
export const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .transform((v, ctx) => {
    if (v === '') return null;
    if (!emailFormat.safeParse(v).success) {
      ctx.addIssue({ code: 'custom', message: 'customer.email_invalid' });
      return z.NEVER;
    }
    return v;
  })
  .nullable()
  .optional();

export const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, { message: 'customer.country_invalid' });
export const currencyCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, { message: 'customer.currency_invalid' });
export const unlocodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isUnlocode, { message: 'customer.unlocode_invalid' });

/** An amount of a customer record: `{ "amount": "500000.00", "currency": "CNY" }`, not negative (a JSON number is read too). */
export const moneySchema = storedMoneyInputSchema();

export const laneSchema = z.object({
  pol: unlocodeSchema,
  pod: unlocodeSchema,
  mode: z.enum(transportModes),
  volume: z.number().nonnegative().max(1e9).nullable().optional(),
  volumeUnit: z.enum(volumeUnits).nullable().optional(),
  volumePeriod: z.enum(volumePeriods).nullable().optional(),
});
export type Lane = z.infer<typeof laneSchema>;

export const tradeProfileSchema = z.object({
  lanes: z.array(laneSchema).max(100).default([]),
  commodities: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  /** HS chapters of the goods, two digits ("84"); a single digit is read as "0n". Sorted, without repeats. */
  hsChapters: z
    .array(hsChapterSchema)
    .max(hsChapterCodes.length)
    .default([])
    .transform((list) => [...new Set(list)].sort()),
  specialCargo: z
    .array(z.enum(specialCargoKinds))
    .max(specialCargoKinds.length)
    .default([])
    .transform((list) => specialCargoKinds.filter((kind) => list.includes(kind))),
  importFrequency: z.enum(tradeFrequencies).nullable().optional(),
  exportFrequency: z.enum(tradeFrequencies).nullable().optional(),
  preferredModes: z.array(z.enum(transportModes)).max(6).default([]),
  specialNeeds: optionalText(2000),
});

export const billingProfileSchema = z.object({
  invoiceTitle: optionalText(200),
  taxNumber: optionalText(50),
  billingAddress: optionalText(500),
  settlementType: z.enum(settlementTypes).nullable().optional(),
  paymentTermsDays: z.number().int().min(0).max(365).nullable().optional(),
  creditLimit: moneySchema.nullable().optional(),
});
export type BillingProfile = z.infer<typeof billingProfileSchema>;

export const customerFieldsSchema = z.object({
  name: z.string().trim().min(1).max(200),
  nameEn: optionalText(200),
  creditCode: creditCodeSchema,
  address: optionalText(500),
  country: countryCodeSchema.nullable().optional(),
  website: optionalText(200),
  phone: optionalPhone,
  email: optionalEmail,
  industry: optionalText(100),
  employees: z.number().int().min(0).max(10_000_000).nullable().optional(),
  annualRevenue: moneySchema.nullable().optional(),
  roles: z.array(z.enum(customerRoles)).max(customerRoles.length).default([]),
  relationshipType: z.enum(relationshipTypes).nullable().optional(),
  status: z.enum(customerStatuses).default('prospect'),
  ownerId: z.uuid().nullable().optional(),
  teamId: z.uuid().nullable().optional(),
  tradeProfile: tradeProfileSchema.default({
    lanes: [],
    commodities: [],
    hsChapters: [],
    specialCargo: [],
    preferredModes: [],
  }),
  billing: billingProfileSchema.default({}),
});

/**
 * The user saw possible duplicates while entering the customer and saved anyway: why, and which records they
 * were shown (kept in the audit log on the new customer).
 */
export const duplicateConfirmationSchema = z.object({
  reason: z.string().trim().min(1).max(500),
  customerIds: z.array(z.uuid()).max(20).default([]),
});
export type DuplicateConfirmation = z.infer<typeof duplicateConfirmationSchema>;

export const createCustomerInputSchema = customerFieldsSchema.extend({
  duplicateConfirmation: duplicateConfirmationSchema
    .optional()
    .describe('Saved although possible duplicates were shown: the reason, kept in the audit log'),
});
export type CreateCustomerInput = z.infer<typeof createCustomerInputSchema>;

/** Billing fields that finance may change without the right to edit the rest of the customer. */
export const billingOnlyFields = ['billing'] as const;

export const updateCustomerInputSchema = customerFieldsSchema
  .extend({
    tradeProfile: tradeProfileSchema,
    billing: billingProfileSchema,
    roles: z.array(z.enum(customerRoles)).max(customerRoles.length),
    status: z.enum(customerStatuses),
  })
  .partial()
  .strict();
export type UpdateCustomerInput = z.infer<typeof updateCustomerInputSchema>;

const moneyOut = moneyJsonSchema;

const calendarDay = z.iso.date();

/** First and last shipment, and shipments, TEU and revenue (reporting currency) over the last 12 months. */
export const customerShipmentRollupSchema = z.object({
  firstShipmentAt: z.string().nullable(),
  lastShipmentAt: z.string().nullable(),
  shipments12m: z.number().int(),
  teu12m: z.string().describe('A decimal string'),
  /** Null when the caller may not see revenue (the `revenue` right). */
  revenue12m: z.object({ amount: z.string(), currency: z.string() }).nullable(),
  /** False when a shipment's revenue could not be converted for want of an exchange rate (left out of the sum). */
  revenueComplete: z.boolean(),
  computedAt: z.string(),
});
export type CustomerShipmentRollup = z.infer<typeof customerShipmentRollupSchema>;

export const customerSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  creditCode: z.string().nullable(),
  address: z.string().nullable(),
  country: z.string().nullable(),
  website: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  industry: z.string().nullable(),
  employees: z.number().nullable(),
  annualRevenue: moneyOut.nullable(),
  roles: z.array(z.string()),
  relationshipType: z.string().nullable(),
  status: z.enum(customerStatuses),
  ownerId: z.uuid().nullable(),
  teamId: z.uuid().nullable(),
  tradeProfile: z.object({
    lanes: z.array(
      z.object({
        pol: z.string(),
        pod: z.string(),
        mode: z.string(),
        volume: z.number().nullable().optional(),
        volumeUnit: z.string().nullable().optional(),
        volumePeriod: z.enum(volumePeriods).nullable().optional(),
      }),
    ),
    commodities: z.array(z.string()),
    hsChapters: z.array(z.string()).default([]),
    specialCargo: z.array(z.enum(specialCargoKinds)).default([]),
    importFrequency: z.string().nullable().optional(),
    exportFrequency: z.string().nullable().optional(),
    preferredModes: z.array(z.string()),
    specialNeeds: z.string().nullable().optional(),
  }),
  /** Null when the caller may not see billing and credit on this customer (the `billingCredit` right). */
  billing: z
    .object({
      invoiceTitle: z.string().nullable().optional(),
      taxNumber: z.string().nullable().optional(),
      billingAddress: z.string().nullable().optional(),
      settlementType: z.string().nullable().optional(),
      paymentTermsDays: z.number().nullable().optional(),
      creditLimit: moneyOut.nullable().optional(),
    })
    .nullable(),
  tagIds: z.array(z.uuid()),
  /**
   * The customer's shipments at a glance, kept up to date as shipments arrive and recomputed nightly; they
   * change without changing `version`. Null while the customer has no shipment.
   */
  shipmentRollup: customerShipmentRollupSchema.nullable().optional(),
  /** The latest follow-up (note, activity), as the pool rules count it. */
  lastFollowUpAt: z.string().nullable().optional(),
  /** When the next open task on the customer is due (the earliest), null when none is planned. */
  nextFollowUpAt: z.string().nullable().optional(),
  /**
   * Expected revenue of the customer's open opportunities, one amount per currency (never converted), counting
   * only the opportunities whose revenue the caller sees; null for a caller without the revenue right.
   */
  openPipeline: z.array(moneyOut).nullable().optional(),
  /**
   * On the single record only: the expected revenue of the opportunities won this calendar year (in the caller's
   * time zone), one amount per currency, over those whose revenue the caller sees; null without the revenue right.
   */
  wonThisYear: z
    .object({ year: z.number().int(), amounts: z.array(moneyOut) })
    .nullable()
    .optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Customer = z.infer<typeof customerSchema>;

/** Orders of the customer list: a field, descending with a leading minus. Newest first by default. */
export const customerSorts = [
  '-createdAt',
  'createdAt',
  'name',
  '-name',
  'code',
  '-code',
  '-lastShipmentAt',
  'lastShipmentAt',
  '-shipments12m',
  'shipments12m',
  '-teu12m',
  'teu12m',
  '-revenue12m',
  'revenue12m',
  '-lastFollowUpAt',
  'lastFollowUpAt',
  '-nextFollowUpAt',
  'nextFollowUpAt',
] as const;
export type CustomerSort = (typeof customerSorts)[number];

export const customerListQuerySchema = listQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  sort: z.enum(customerSorts).optional().describe('Order of the list; newest first (-createdAt) when omitted'),
  status: z.enum(customerStatuses).optional(),
  ownerId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  country: z.string().trim().toUpperCase().length(2).optional(),
  relationshipType: z.enum(relationshipTypes).optional(),
  role: z.enum(customerRoles).optional(),
  tagId: z.uuid().optional(),
  hsChapter: hsChapterSchema.optional().describe('Only customers whose goods fall under this HS chapter, e.g. 84'),
  specialCargo: z.enum(specialCargoKinds).optional().describe('Only customers shipping this kind of special cargo'),
  shippedSince: calendarDay.optional().describe('Only customers whose last shipment is on or after this day'),
  notShippedSince: calendarDay
    .optional()
    .describe('Only customers with shipments but none on or after this day (churn watch)'),
  minShipments12m: z.coerce.number().int().min(0).max(10_000_000).optional(),
  minTeu12m: z.coerce.number().min(0).max(10_000_000).optional(),
  lane: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{5}(-[A-Z0-9]{5})?$/)
    .optional()
    .describe('POL or POL-POD as UN/LOCODEs, e.g. CNSHA-USLAX'),
  pod: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{5}$/)
    .optional()
    .describe('Only customers with a lane to this port of discharge (UN/LOCODE), from any port of loading'),
  segment: z
    .uuid()
    .optional()
    .describe("Only the members of this segment; the other filters narrow the segment's own further"),
});

export const duplicateQuerySchema = z.object({
  name: z.string().trim().max(200).optional(),
  nameEn: z.string().trim().max(200).optional(),
  creditCode: z.string().trim().max(30).optional(),
  phone: z.string().trim().max(50).optional(),
  email: z.string().trim().max(254).optional(),
  excludeId: z.uuid().optional(),
});

export const duplicateCandidateSchema = z.object({
  customer: z.object({ id: z.uuid(), code: z.string(), name: z.string(), nameEn: z.string().nullable() }),
  score: z.number().min(0).max(100),
  reasons: z.array(z.enum(['credit_code', 'name', 'name_en', 'cross_language_name', 'phone', 'email_domain'])),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

/**
 * The same company found outside the caller's read scope: that it exists and who owns it (null: no
 * owner, e.g. in the pool), matched only by what identifies a company (credit code, exact name),
 * without an id to open, a code or any contact data.
 */
export const foreignDuplicateSchema = z.object({
  name: z.string(),
  nameEn: z.string().nullable(),
  ownerName: z.string().nullable(),
  score: z.number().min(0).max(100),
  reasons: z.array(z.enum(['credit_code', 'name', 'name_en', 'cross_language_name'])),
});
export type ForeignDuplicate = z.infer<typeof foreignDuplicateSchema>;

export const duplicateListSchema = z.object({
  items: z.array(duplicateCandidateSchema),
  /** Exact matches among customers the caller may not read. */
  elsewhere: z.array(foreignDuplicateSchema),
});
export type DuplicateList = z.infer<typeof duplicateListSchema>;
/**
 * The fields of a customer a merge decides one by one: which record's value the kept customer has afterwards.
 * `owner` is the owner with their team; `billing` the whole billing profile (guarded by the billing right).
 */
export const mergeableCustomerFields = [
  'name',
  'nameEn',
  'creditCode',
  'status',
  'address',
  'country',
  'website',
  'phone',
  'email',
  'industry',
  'employees',
  'annualRevenue',
  'relationshipType',
  'owner',
  'billing',
] as const;
export type MergeableCustomerField = (typeof mergeableCustomerFields)[number];
export const mergeSides = ['target', 'source'] as const;
export type MergeSide = (typeof mergeSides)[number];
const mergeSide = z.enum(mergeSides).optional();

export const mergeFieldChoicesSchema = z
  .object({
    name: mergeSide,
    nameEn: mergeSide,
    creditCode: mergeSide,
    status: mergeSide,
    address: mergeSide,
    country: mergeSide,
    website: mergeSide,
    phone: mergeSide,
    email: mergeSide,
    industry: mergeSide,
    employees: mergeSide,
    annualRevenue: mergeSide,
    relationshipType: mergeSide,
    owner: mergeSide,
    billing: mergeSide,
  })
  .strict() satisfies z.ZodType<Partial<Record<MergeableCustomerField, MergeSide | undefined>>>;
export type MergeFieldChoices = z.infer<typeof mergeFieldChoicesSchema>;

export const mergeCustomerInputSchema = z.object({
  sourceId: z.uuid(),
  fields: mergeFieldChoicesSchema
    .optional()
    .describe(
      "Per field, whose value the kept customer keeps (target: this customer, source: the merged one); a field left out keeps this customer's value, or takes the other's where this one is empty",
    ),
});
export type MergeCustomerInput = z.infer<typeof mergeCustomerInputSchema>;

export const mergePreviewQuerySchema = z.object({ sourceId: z.uuid() });

/** What a merge would do: both records as the caller sees them, each field's default side, and what moves. */
export const mergePreviewSchema = z.object({
  target: customerSchema,
  source: customerSchema,
  fields: z.array(
    z.object({
      field: z.enum(mergeableCustomerFields),
      /** The side the kept customer gets when the caller does not choose. */
      suggested: z.enum(mergeSides),
      /** False when the caller may not read the source's value or write the field on the kept customer. */
      choosable: z.boolean(),
    }),
  ),
  /** Records that move to the kept customer, per kind, counted among those the caller may read. */
  moves: z.array(z.object({ kind: z.string(), count: z.number().int().min(0) })),
});
export type MergePreview = z.infer<typeof mergePreviewSchema>;

const isEmptyMergeValue = (value: unknown): boolean =>
  value === null ||
  value === undefined ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.values(value).every(isEmptyMergeValue));

/** The value of a mergeable field on a customer record (DTO or row with the same names). */
export function mergeFieldValue(customer: Record<string, unknown>, field: MergeableCustomerField): unknown {
  return field === 'owner' ? customer.ownerId : customer[field];
}

/**
 * The side a field takes when nobody chooses: the kept customer's value, or the other's where the kept one is
 * empty. Billing stays the kept customer's unless chosen.
 */
export function suggestedMergeSide(
  field: MergeableCustomerField,
  target: Record<string, unknown>,
  source: Record<string, unknown>,
): MergeSide {
  if (field === 'billing' || field === 'name' || field === 'status') return 'target';
  return isEmptyMergeValue(mergeFieldValue(target, field)) && !isEmptyMergeValue(mergeFieldValue(source, field))
    ? 'source'
    : 'target';
}

/** The customer list's filters without paging or order: what the count takes. */
export const customerCountQuerySchema = customerListQuerySchema.omit({ limit: true, cursor: true, sort: true });

/**
 * How many customers the filters select: exact when counting is cheap, else an estimate from the planner
 * (`estimated: true`), which the console shows as "about".
 */
export const customerCountSchema = z.object({ count: z.number().int().min(0), estimated: z.boolean() });
export type CustomerCount = z.infer<typeof customerCountSchema>;

export const customerExportQuerySchema = customerListQuerySchema
  .omit({ limit: true, cursor: true })
  .extend({ format: z.enum(['csv', 'xlsx']).default('xlsx') })
  .extend(downloadQuerySchema.shape);
