import { z } from 'zod';
import { optionalText, transportModes, unlocodeSchema } from '../customers/customer-schemas';
import type { TransportMode } from '../logistics/lane';
import { moneyJsonSchema, storedMoneyInputSchema } from '../money/money-schemas';
import { listQuerySchema } from '../platform/pagination';

/** Sales opportunities (SPEC M3): the schemas shared by the API and the console. */
export const opportunitySources = ['inquiry', 'referral', 'event', 'campaign', 'cold_call'] as const;
export type OpportunitySource = (typeof opportunitySources)[number];
export const opportunityStatuses = ['open', 'won', 'lost'] as const;
export type OpportunityStatus = (typeof opportunityStatuses)[number];

export type { TransportMode };

const upperModes = ['FCL', 'LCL', 'AIR', 'RAIL', 'ROAD', 'EXPRESS'] as const;

/** A transport mode as stored (fcl, lcl, air, rail, road, express); FCL, LCL, AIR … are accepted too. */
export const transportModeInputSchema = z
  .enum([...transportModes, ...upperModes])
  .transform((mode) => mode.toLowerCase() as TransportMode);

/** A stage key: lower case letters, digits and underscores, starting with a letter. */
export const stageKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/);

/** A calendar day as YYYY-MM-DD, within years the database and the browsers agree on. */
export const calendarDateSchema = z.iso
  .date()
  .refine((value) => value >= '1900-01-01' && value <= '2999-12-31', { message: 'opportunity.date_invalid' });

export const opportunityLaneInputSchema = z.object({
  pol: unlocodeSchema,
  pod: unlocodeSchema,
  mode: transportModeInputSchema,
});
export type OpportunityLaneInput = z.infer<typeof opportunityLaneInputSchema>;

const quantity = (max: number) => z.number().nonnegative().max(max).nullable().optional();

/** Expected volumes per month. */
export const opportunityVolumeSchema = z
  .object({
    teu: quantity(9_999_999_999),
    cbm: quantity(9_999_999_999),
    kg: quantity(999_999_999_999),
    shipmentsPerMonth: quantity(99_999_999),
  })
  .strict();
export type OpportunityVolume = z.infer<typeof opportunityVolumeSchema>;

/** `{ "amount": "1234.50", "currency": "USD" }`; revenue is not negative, a margin may be. */
const revenue = storedMoneyInputSchema();
const margin = storedMoneyInputSchema({ negative: true });

const editableFields = {
  title: z.string().trim().min(1).max(200),
  contactId: z.uuid().nullable().optional(),
  lanes: z.array(opportunityLaneInputSchema).max(20),
  volume: opportunityVolumeSchema,
  /** Needs the `revenue` right: callers who may not see it may not set it either. */
  expectedRevenue: revenue.nullable().optional(),
  /** Needs the `costMargin` right. */
  expectedMargin: margin.nullable().optional(),
  /** Percent; follows the stage's default unless given. */
  probability: z.number().int().min(0).max(100),
  expectedCloseDate: calendarDateSchema.nullable().optional(),
  ownerId: z.uuid().nullable().optional(),
  teamId: z.uuid().nullable().optional(),
  source: z.enum(opportunitySources),
  /** Stage key; `lost` (any stage of kind lost) needs lostReasonId. */
  stage: stageKeySchema,
  lostReasonId: z.uuid().nullable().optional(),
  lostNote: optionalText(1000),
  salesEventId: z.uuid().nullable().optional(),
  description: optionalText(5000),
};

export const createOpportunityInputSchema = z
  .object({
    ...editableFields,
    customerId: z.uuid(),
    lanes: editableFields.lanes.default([]),
    volume: opportunityVolumeSchema.default({}),
    probability: editableFields.probability.optional(),
    /** The first open stage when omitted. */
    stage: stageKeySchema.optional(),
  })
  .strict();
export type CreateOpportunityInput = z.infer<typeof createOpportunityInputSchema>;

/**
 * Partial update. A move on the board is `{stage}` (with `lostReasonId` when it is lost); the
 * customer of an opportunity does not change.
 */
export const updateOpportunityInputSchema = z
  .object({
    ...editableFields,
    title: editableFields.title.optional(),
    lanes: editableFields.lanes.optional(),
    volume: opportunityVolumeSchema.optional(),
    probability: editableFields.probability.optional(),
    source: editableFields.source.optional(),
    stage: stageKeySchema.optional(),
  })
  .strict();
export type UpdateOpportunityInput = z.infer<typeof updateOpportunityInputSchema>;

export const opportunityLaneSchema = z.object({ pol: z.string(), pod: z.string(), mode: z.string() });

export const opportunitySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  customerId: z.uuid(),
  customerName: z.string(),
  customerStatus: z.string(),
  contactId: z.uuid().nullable(),
  lanes: z.array(opportunityLaneSchema),
  volume: z.object({
    teu: z.number().nullable(),
    cbm: z.number().nullable(),
    kg: z.number().nullable(),
    shipmentsPerMonth: z.number().nullable(),
  }),
  /** Null when unknown or when the caller may not see revenue on this opportunity (the `revenue` right). */
  expectedRevenue: moneyJsonSchema.nullable(),
  /** Null when unknown or when the caller may not see cost and margin on it (the `costMargin` right). */
  expectedMargin: moneyJsonSchema.nullable(),
  probability: z.number().int(),
  expectedCloseDate: z.string().nullable(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  teamId: z.uuid().nullable(),
  source: z.string(),
  stage: z.string(),
  stageEnteredAt: z.string(),
  status: z.enum(opportunityStatuses),
  lostReasonId: z.uuid().nullable(),
  lostNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  salesEventId: z.uuid().nullable(),
  lastActivityAt: z.string().nullable(),
  description: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Opportunity = z.infer<typeof opportunitySchema>;

/** `lane`: POL, or POL-POD, as UN/LOCODEs. */
export const laneFilterSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{5}(-[A-Z0-9]{5})?$/)
  .describe('POL or POL-POD as UN/LOCODEs, e.g. CNSHA-USLAX');

export const opportunityListQuerySchema = listQuerySchema.extend({
  customerId: z.uuid().optional(),
  owner: z
    .union([z.uuid(), z.literal('me')])
    .optional()
    .describe('An owner id, or "me"'),
  stage: stageKeySchema.optional(),
  lane: laneFilterSchema.optional(),
  status: z.enum(opportunityStatuses).optional(),
  teamId: z.uuid().optional(),
  source: z.enum(opportunitySources).optional(),
  salesEventId: z.uuid().optional(),
  q: z.string().trim().max(100).optional().describe('Part of the title, the code or the customer name'),
});
export type OpportunityListQuery = z.infer<typeof opportunityListQuerySchema>;

/** One entry of an opportunity's stage history. */
export const stageChangeSchema = z.object({
  id: z.uuid(),
  fromStage: z.string().nullable(),
  toStage: z.string(),
  changedAt: z.string(),
  changedBy: z.uuid().nullable(),
  changedByName: z.string().nullable(),
  /** Seconds spent in fromStage; null for the first entry. */
  secondsInStage: z.number().int().nullable(),
});
export type StageChange = z.infer<typeof stageChangeSchema>;
export const stageHistorySchema = z.object({ items: z.array(stageChangeSchema) });
