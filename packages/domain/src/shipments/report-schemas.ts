import { z } from 'zod';
import { moneyJsonSchema } from '../money/money-schemas';
import { isCurrencyCode } from '../reference/currencies';

/**
 * The shipments report (SPEC M5, the reporting base): volume, revenue and gross profit per month, customer or lane,
 * in one reporting currency. A shipment counts on its ETD's day in the organisation's calendar; its money converts
 * at the rate of that day or the last one before it. Each group carries the shipment list's filters that show its
 * shipments (`filter`), so the console drills down with the list endpoint as it is.
 */
export const shipmentReportGroupings = ['month', 'customer', 'lane'] as const;
export type ShipmentReportGrouping = (typeof shipmentReportGroupings)[number];

export const shipmentReportQuerySchema = z
  .object({
    groupBy: z.enum(shipmentReportGroupings).default('month'),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isCurrencyCode, { message: 'money.currency_invalid' })
      .optional()
      .describe("The reporting currency; the organisation's when left out"),
    from: z.iso.date().optional().describe('First ETD day (YYYY-MM-DD, the organisation’s calendar)'),
    to: z.iso.date().optional().describe('Last ETD day, included'),
    mode: z.enum(['fcl', 'lcl', 'air', 'rail', 'road', 'express']).optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'validation.invalid_value',
    path: ['to'],
  });
export type ShipmentReportQuery = z.infer<typeof shipmentReportQuerySchema>;

/** The shipment list's filters (GET /api/shipments) that list a group's shipments. */
export const shipmentReportFilterSchema = z.object({
  customerId: z.uuid().optional(),
  mode: z.enum(['fcl', 'lcl', 'air', 'rail', 'road', 'express']).optional(),
  lane: z.string().optional(),
  etdFrom: z.string().optional(),
  etdTo: z.string().optional(),
});
export type ShipmentReportFilter = z.infer<typeof shipmentReportFilterSchema>;

const figuresSchema = z.object({
  shipments: z.number().int(),
  teu: z.number(),
  cbm: z.number(),
  kg: z.number(),
  revenue: moneyJsonSchema.nullable().describe('Null without the right to see revenue'),
  cost: moneyJsonSchema.nullable().describe('Null without the right to see cost and margin'),
  grossProfit: moneyJsonSchema.nullable().describe('Revenue less cost; null without both rights'),
  moneyHidden: z
    .number()
    .int()
    .describe('Shipments in the group whose money the caller may not see (left out of the amounts)'),
});

export const shipmentReportGroupSchema = figuresSchema.extend({
  /** `2026-03`, a customer id (`none` for shipments without a known customer) or a lane key `CNSHA-USLAX:fcl`. */
  key: z.string(),
  label: z.string(),
  month: z.string().nullable(),
  customerId: z.uuid().nullable(),
  pol: z.string().nullable(),
  pod: z.string().nullable(),
  mode: z.string().nullable(),
  filter: shipmentReportFilterSchema,
});
export type ShipmentReportGroup = z.infer<typeof shipmentReportGroupSchema>;

export const shipmentReportSchema = z.object({
  groupBy: z.enum(shipmentReportGroupings),
  currency: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  mode: z.string().nullable(),
  groups: z.array(shipmentReportGroupSchema),
  totals: figuresSchema,
});
export type ShipmentReport = z.infer<typeof shipmentReportSchema>;
