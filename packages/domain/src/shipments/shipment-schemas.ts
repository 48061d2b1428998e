import { z } from 'zod';
import { unlocodeSchema } from '../customers/customer-schemas';
import { checkContainerNumber } from '../logistics/container-number';
import { findContainerType } from '../logistics/equipment';
import { moneyJsonSchema, storedMoneyInputSchema } from '../money/money-schemas';
import { transportModeInputSchema } from '../opportunities/opportunity-schemas';
import { listQuerySchema } from '../platform/pagination';
import { shipmentEventTypes, shipmentStatuses } from './shipment-events';

/** Shipments (SPEC M5): the schemas shared by the API, the feed, the file import and the console. */
export const partyRoles = [
  'booking_customer',
  'shipper',
  'consignee',
  'notify_party',
  'overseas_agent',
  'carrier',
] as const;
export type PartyRole = (typeof partyRoles)[number];
export const incoterms = ['EXW', 'FCA', 'FAS', 'FOB', 'CFR', 'CIF', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP'] as const;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();
const instant = z.iso.datetime({ offset: true }).nullable().optional();
const quantity = (max: number) => z.number().nonnegative().max(max).nullable().optional();

/** Who names a feed: `tms`, `cargowise`, `maersk-track` — lower case, used in keys and webhook URLs. */
export const sourceSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,39}$/, { message: 'shipment.source_invalid' });

export const containerInputSchema = z.object({
  number: z
    .string()
    .max(20)
    .transform((value, context) => {
      const check = checkContainerNumber(value);
      if (check.ok) return check.value;
      context.addIssue({
        code: 'custom',
        message: check.reason === 'format' ? 'shipment.container_number_invalid' : 'shipment.container_check_digit',
      });
      return z.NEVER;
    }),
  type: z
    .string()
    .max(10)
    .transform((value, context) => {
      const type = findContainerType(value);
      if (type) return type.code;
      context.addIssue({ code: 'custom', message: 'shipment.container_type_unknown' });
      return z.NEVER;
    }),
  seal: text(40),
});

export const partyInputSchema = z
  .object({
    role: z.enum(partyRoles),
    customerId: z.uuid().optional(),
    customerCode: z.string().trim().max(20).optional(),
    creditCode: z.string().trim().max(30).optional(),
    name: z.string().trim().max(200).optional(),
  })
  .refine((party) => party.customerId || party.customerCode || party.creditCode || party.name, {
    message: 'shipment.party_reference_required',
  });
export type PartyInput = z.infer<typeof partyInputSchema>;

const hsCode = z
  .string()
  .transform((value) => value.replace(/[\s.]/g, ''))
  .refine((value) => /^\d{4,10}$/.test(value), { message: 'shipment.hs_code_invalid' })
  .nullable()
  .optional();

/** What a feed, a file row or a user sends for one shipment; absent fields keep their stored value on update. */
export const shipmentFieldsSchema = z.object({
  mode: transportModeInputSchema,
  status: z.enum(shipmentStatuses).optional(),
  bookingNumber: text(50),
  /** Master B/L, or the master AWB, CMR or rail waybill for other modes. */
  masterBl: text(50),
  houseBl: text(50),
  containers: z.array(containerInputSchema).max(500).optional(),
  pol: unlocodeSchema.nullable().optional(),
  pod: unlocodeSchema.nullable().optional(),
  placeOfReceipt: unlocodeSchema.nullable().optional(),
  placeOfDelivery: unlocodeSchema.nullable().optional(),
  carrier: text(100),
  vessel: text(100),
  voyage: text(30),
  flightNumber: text(20),
  etd: instant,
  eta: instant,
  atd: instant,
  ata: instant,
  packages: z.number().int().nonnegative().max(10_000_000).nullable().optional(),
  grossWeightKg: quantity(1e9),
  volumeCbm: quantity(1e7),
  chargeableWeightKg: quantity(1e9),
  commodity: text(200),
  hsCode,
  incoterm: z.enum(incoterms).nullable().optional(),
  revenue: storedMoneyInputSchema({ negative: true }).nullable().optional(),
  cost: storedMoneyInputSchema({ negative: true }).nullable().optional(),
  onTime: z.boolean().nullable().optional(),
  damaged: z.boolean().optional(),
  lost: z.boolean().optional(),
  parties: z
    .array(partyInputSchema)
    .max(partyRoles.length)
    .refine((parties) => new Set(parties.map((party) => party.role)).size === parties.length, {
      message: 'shipment.party_role_repeated',
    })
    .optional(),
});
export type ShipmentFields = z.infer<typeof shipmentFieldsSchema>;

export const shipmentInputSchema = shipmentFieldsSchema.extend({
  source: sourceSchema,
  externalId: z.string().trim().min(1).max(100),
});
export type ShipmentInput = z.infer<typeof shipmentInputSchema>;

export const updateShipmentInputSchema = shipmentFieldsSchema.partial();
export type UpdateShipmentInput = z.infer<typeof updateShipmentInputSchema>;

/** A batch is checked item by item on the server, so one bad item never rejects the others. */
export const shipmentBatchInputSchema = z.object({
  items: z.array(z.record(z.string(), z.unknown())).min(1).max(1000),
});

export const batchItemResultSchema = z.object({
  externalId: z.string().nullable(),
  status: z.enum(['created', 'updated', 'unchanged', 'error']),
  id: z.uuid().optional(),
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
});
export const shipmentBatchResultSchema = z.object({ items: z.array(batchItemResultSchema) });
export type ShipmentBatchResult = z.infer<typeof shipmentBatchResultSchema>;

export const shipmentEventInputSchema = z
  .object({
    eventId: z.string().trim().min(1).max(100),
    source: sourceSchema,
    externalId: z.string().trim().min(1).max(100),
    type: z.enum(shipmentEventTypes),
    occurredAt: z.iso.datetime({ offset: true }),
    location: z.string().trim().max(100).nullable().optional(),
    data: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .refine((event) => event.type !== 'eta_changed' || typeof event.data?.eta === 'string', {
    message: 'shipment.eta_required',
    path: ['data', 'eta'],
  })
  .refine((event) => event.type !== 'eta_changed' || !Number.isNaN(Date.parse(String(event.data?.eta))), {
    message: 'shipment.eta_required',
    path: ['data', 'eta'],
  });
export type ShipmentEventInput = z.infer<typeof shipmentEventInputSchema>;

export const shipmentEventsInputSchema = z.object({
  events: z.array(z.record(z.string(), z.unknown())).min(1).max(5000),
});
export const eventResultSchema = z.object({
  eventId: z.string().nullable(),
  status: z.enum(['applied', 'duplicate', 'pending', 'error']),
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
});
export const shipmentEventsResultSchema = z.object({ items: z.array(eventResultSchema) });

export const partySchema = z.object({
  role: z.enum(partyRoles),
  customerId: z.uuid().nullable(),
  customerCode: z.string().nullable(),
  /** The linked customer's name, else the name as written. */
  name: z.string().nullable(),
  /** The name as the feed, the file or a user wrote it (kept when the party is linked to a customer). */
  writtenName: z.string().nullable(),
  /** matched: linked to a customer; unmatched: kept as written, waiting for review; ignored. */
  match: z.enum(['matched', 'unmatched', 'ignored']),
});

export const containerSchema = z.object({ number: z.string(), type: z.string(), seal: z.string().nullable() });

export const shipmentSchema = z.object({
  id: z.uuid(),
  source: z.string(),
  externalId: z.string(),
  mode: z.string(),
  status: z.enum(shipmentStatuses),
  customerId: z
    .uuid()
    .nullable()
    .describe('The customer whose shipment this is: the booking customer, else the shipper, else the consignee'),
  customerName: z.string().nullable(),
  bookingNumber: z.string().nullable(),
  masterBl: z.string().nullable(),
  houseBl: z.string().nullable(),
  containers: z.array(containerSchema),
  pol: z.string().nullable(),
  pod: z.string().nullable(),
  placeOfReceipt: z.string().nullable(),
  placeOfDelivery: z.string().nullable(),
  carrier: z.string().nullable(),
  vessel: z.string().nullable(),
  voyage: z.string().nullable(),
  flightNumber: z.string().nullable(),
  etd: z.string().nullable(),
  eta: z.string().nullable(),
  atd: z.string().nullable(),
  ata: z.string().nullable(),
  /** The first ETA known: delays are measured against it. */
  promisedEta: z.string().nullable(),
  packages: z.number().nullable(),
  grossWeightKg: z.number().nullable(),
  volumeCbm: z.number().nullable(),
  chargeableWeightKg: z.number().nullable(),
  teu: z.number(),
  commodity: z.string().nullable(),
  hsCode: z.string().nullable(),
  incoterm: z.string().nullable(),
  revenue: moneyJsonSchema.nullable(),
  cost: moneyJsonSchema.nullable(),
  onTime: z.boolean().nullable(),
  damaged: z.boolean(),
  lost: z.boolean(),
  customsHold: z.boolean(),
  rolled: z.boolean(),
  lastEventAt: z.string().nullable(),
  parties: z.array(partySchema),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Shipment = z.infer<typeof shipmentSchema>;

export const shipmentEventSchema = z.object({
  eventId: z.string(),
  source: z.string(),
  type: z.enum(shipmentEventTypes),
  occurredAt: z.string(),
  location: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  receivedAt: z.string(),
});
export type ShipmentEvent = z.infer<typeof shipmentEventSchema>;

export const shipmentListQuerySchema = listQuerySchema.extend({
  customerId: z.uuid().optional(),
  mode: z.enum(['fcl', 'lcl', 'air', 'rail', 'road', 'express']).optional(),
  status: z.enum(shipmentStatuses).optional(),
  lane: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{5}(-[A-Z0-9]{5})?$/)
    .optional()
    .describe('POL or POL-POD as UN/LOCODEs, e.g. CNSHA-USLAX'),
  etdFrom: z.iso.date().optional(),
  etdTo: z.iso.date().optional(),
  etaFrom: z.iso.date().optional(),
  etaTo: z.iso.date().optional(),
  exception: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Only shipments with an exception (rolled, hold, damage, loss)'),
  q: z.string().trim().max(50).optional().describe('Booking number, B/L or container number'),
});
export type ShipmentListQuery = z.infer<typeof shipmentListQuerySchema>;

export const unmatchedPartyStatuses = ['open', 'linked', 'ignored'] as const;
export const unmatchedPartySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  creditCode: z.string().nullable(),
  customerCode: z.string().nullable(),
  roles: z.array(z.enum(partyRoles)),
  status: z.enum(unmatchedPartyStatuses),
  customerId: z.uuid().nullable(),
  shipments: z.number().int().describe('How many shipments name this party'),
  createdAt: z.string(),
});
export type UnmatchedParty = z.infer<typeof unmatchedPartySchema>;
export const unmatchedPartyListQuerySchema = listQuerySchema.extend({
  status: z.enum(unmatchedPartyStatuses).optional(),
  cursor: z.uuid().optional(),
});
export const linkPartyInputSchema = z.object({ customerId: z.uuid() });
