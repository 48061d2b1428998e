import { z } from 'zod';
import { defineEndpoint, idParamSchema } from '../platform/contract';
import { homeCardTags } from '../platform/home-cards';
import { pageOf } from '../platform/pagination';
import { shipmentHomeCardSchema } from './home-card-schemas';
import { shipmentReportQuerySchema, shipmentReportSchema } from './report-schemas';
import {
  linkPartyInputSchema,
  shipmentBatchInputSchema,
  shipmentBatchResultSchema,
  shipmentEventSchema,
  shipmentEventsInputSchema,
  shipmentEventsResultSchema,
  shipmentInputSchema,
  shipmentListQuerySchema,
  shipmentSchema,
  unmatchedPartyListQuerySchema,
  unmatchedPartySchema,
  updateShipmentInputSchema,
} from './shipment-schemas';

const tags = ['Shipments'];

/** A shipment keyed in by hand: source `manual` unless given. */
export const manualShipmentInputSchema = shipmentInputSchema.extend({
  source: shipmentInputSchema.shape.source.default('manual'),
});

export const shipmentEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/shipments',
    tags,
    summary:
      'List shipments (customer, mode, lane, status, ETD and ETA ranges, exceptions; B/L, booking or container number)',
    query: shipmentListQuerySchema,
    response: pageOf(shipmentSchema),
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/shipments',
    tags,
    summary: 'Create a shipment by hand (source "manual" unless given)',
    body: manualShipmentInputSchema,
    response: shipmentSchema,
    status: 201,
  }),
  batch: defineEndpoint({
    method: 'POST',
    path: '/api/shipments/batch',
    tags,
    summary: 'Upsert up to 1,000 shipments by (source, externalId); answers per item',
    description:
      'Each item is checked on its own: one bad item never rejects the others. Status per item: created, updated, unchanged (same content as last time) or error (errors name the field by path, e.g. containers.1.number). Needs organisation scope for shipments create and update.',
    body: shipmentBatchInputSchema,
    response: shipmentBatchResultSchema,
  }),
  events: defineEndpoint({
    method: 'POST',
    path: '/api/shipments/events',
    tags,
    summary: 'Store up to 5,000 tracking events, idempotent by (source, eventId), applied in event-time order',
    description:
      'Per event: applied, pending (its shipment has not arrived yet; applied when it does), duplicate (sent before) or error. A late event about an earlier milestone never moves the status back.',
    body: shipmentEventsInputSchema,
    response: shipmentEventsResultSchema,
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/shipments/:id',
    tags,
    summary: 'Get a shipment',
    params: idParamSchema,
    response: shipmentSchema,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/shipments/:id',
    tags,
    summary: 'Correct a shipment (If-Match: "<version>")',
    params: idParamSchema,
    body: updateShipmentInputSchema,
    response: shipmentSchema,
  }),
  eventList: defineEndpoint({
    method: 'GET',
    path: '/api/shipments/:id/events',
    tags,
    summary: "A shipment's tracking events in the order they happened",
    params: idParamSchema,
    response: z.object({ items: z.array(shipmentEventSchema) }),
  }),
  ofCustomer: defineEndpoint({
    method: 'GET',
    path: '/api/customers/:id/shipments',
    tags,
    summary: "A customer's shipments, newest first",
    params: idParamSchema,
    query: shipmentListQuerySchema.omit({ customerId: true }),
    response: pageOf(shipmentSchema),
  }),
};

export const shipmentPartyEndpoints = {
  unmatched: defineEndpoint({
    method: 'GET',
    path: '/api/shipment-parties/unmatched',
    tags,
    summary: 'Parties named on shipments that match no customer (review queue)',
    query: unmatchedPartyListQuerySchema,
    response: pageOf(unmatchedPartySchema),
  }),
  link: defineEndpoint({
    method: 'POST',
    path: '/api/shipment-parties/unmatched/:id/link',
    tags,
    summary: 'Link an unmatched party to a customer; every shipment naming it follows',
    params: idParamSchema,
    body: linkPartyInputSchema,
    response: unmatchedPartySchema,
  }),
  createCustomer: defineEndpoint({
    method: 'POST',
    path: '/api/shipment-parties/unmatched/:id/create',
    tags,
    summary: 'Create a customer from an unmatched party and link it',
    params: idParamSchema,
    response: unmatchedPartySchema,
  }),
  ignore: defineEndpoint({
    method: 'POST',
    path: '/api/shipment-parties/unmatched/:id/ignore',
    tags,
    summary: 'Stop asking about an unmatched party (its shipments keep the name as written)',
    params: idParamSchema,
    response: unmatchedPartySchema,
  }),
};

export const shipmentReportEndpoints = {
  shipments: defineEndpoint({
    method: 'GET',
    path: '/api/reports/shipments',
    tags: ['Reports'],
    summary: 'Shipments report: volume, revenue and gross profit by month, customer or lane, in one currency',
    description:
      "Counts the shipments the caller may read by their ETD day, converting each amount at the rate of that day or the last one before it into `currency` (the organisation's reporting currency when left out). Converted amounts are summed exactly and each figure (a group's, the totals') is rounded once to the minor units of `currency`, not shipment by shipment: each figure is within half a minor unit of the exact conversion and every grouping gives the same totals (a total may differ from the sum of its rounded groups by up to half a minor unit per group); grossProfit is the rounded revenue less the rounded cost. A missing rate answers 422 money.rate_missing naming the pair and day. Amounts follow the caller's field rights; each group's `filter` lists its shipments with GET /api/shipments.",
    query: shipmentReportQuerySchema,
    response: shipmentReportSchema,
  }),
};

/** The shipments card of the home page. */
export const shipmentHomeCardEndpoints = {
  shipments: defineEndpoint({
    method: 'GET',
    path: '/api/home/shipments',
    operationId: 'home.shipments',
    tags: homeCardTags,
    summary: 'Home: shipments of the caller’s customers with an exception this week, and arriving in the next 7 days',
    response: shipmentHomeCardSchema,
  }),
};
