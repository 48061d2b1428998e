import {
  idParamSchema,
  linkPartyInputSchema,
  pageOf,
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
} from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Access } from '../../platform/http/access';
import { requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { findCustomerShipments, findShipments, getShipment, shipmentEventList } from './find-shipments';
import { ingestShipmentEvents } from './ingest-events';
import {
  createCustomerFromParty,
  findUnmatchedParties,
  ignoreUnmatchedParty,
  linkUnmatchedParty,
} from './unmatched-parties';
import { createShipment, updateShipment } from './update-shipment';
import { upsertShipments } from './upsert-shipments';

const manualShipmentInputSchema = shipmentInputSchema.extend({
  source: shipmentInputSchema.shape.source.default('manual'),
});

/** Shipments: the feeds (batch, events), the list and record, and the review queue of unmatched parties. */
export function shipmentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Shipments'];
  const read: { access: Access } = { access: { permission: ['shipments', 'read'] } };
  const update: { access: Access } = { access: { permission: ['shipments', 'update'] } };

  r.get(
    '/api/shipments',
    {
      schema: {
        tags,
        summary:
          'List shipments (customer, mode, lane, status, ETD range, exceptions; B/L, booking or container number)',
        querystring: shipmentListQuerySchema,
        response: { 200: pageOf(shipmentSchema) },
      },
      config: read,
    },
    (request) => findShipments(request.ctx, request.query),
  );
  r.post(
    '/api/shipments',
    {
      schema: {
        tags,
        summary: 'Create a shipment by hand (source "manual" unless given)',
        body: manualShipmentInputSchema,
        response: { 201: shipmentSchema },
      },
      config: { access: { permission: ['shipments', 'create'] } },
    },
    async (request, reply) =>
      reply.code(201).send(sendWithEtag(reply, await createShipment(request.ctx, request.body))),
  );
  r.post(
    '/api/shipments/batch',
    {
      schema: {
        tags,
        summary: 'Upsert up to 1,000 shipments by (source, externalId); answers per item',
        description:
          'Each item is checked on its own: one bad item never rejects the others. Status per item: created, updated, unchanged (same content as last time) or error (errors name the field by path, e.g. containers.1.number). Needs organisation scope for shipments create and update.',
        body: shipmentBatchInputSchema,
        response: { 200: shipmentBatchResultSchema },
      },
      config: { access: { permission: ['shipments', 'create'] } },
    },
    (request) => upsertShipments(request.ctx, request.body.items),
  );
  r.post(
    '/api/shipments/events',
    {
      schema: {
        tags,
        summary: 'Store up to 5,000 tracking events, idempotent by (source, eventId), applied in event-time order',
        description:
          'Per event: applied, pending (its shipment has not arrived yet; applied when it does), duplicate (sent before) or error. A late event about an earlier milestone never moves the status back.',
        body: shipmentEventsInputSchema,
        response: { 200: shipmentEventsResultSchema },
      },
      config: update,
    },
    (request) => ingestShipmentEvents(request.ctx, request.body.events),
  );
  r.get(
    '/api/shipments/:id',
    {
      schema: { tags, summary: 'Get a shipment', params: idParamSchema, response: { 200: shipmentSchema } },
      config: read,
    },
    async (request, reply) => sendWithEtag(reply, await getShipment(request.ctx, request.params.id)),
  );
  r.patch(
    '/api/shipments/:id',
    {
      schema: {
        tags,
        summary: 'Correct a shipment (If-Match: "<version>")',
        params: idParamSchema,
        body: updateShipmentInputSchema,
        response: { 200: shipmentSchema },
      },
      config: update,
    },
    async (request, reply) =>
      sendWithEtag(reply, await updateShipment(request.ctx, request.params.id, requiredVersion(request), request.body)),
  );
  r.get(
    '/api/shipments/:id/events',
    {
      schema: {
        tags,
        summary: "A shipment's tracking events in the order they happened",
        params: idParamSchema,
        response: { 200: z.object({ items: z.array(shipmentEventSchema) }) },
      },
      config: read,
    },
    (request) => shipmentEventList(request.ctx, request.params.id),
  );
  r.get(
    '/api/customers/:id/shipments',
    {
      schema: {
        tags,
        summary: "A customer's shipments, newest first",
        params: idParamSchema,
        querystring: shipmentListQuerySchema.omit({ customerId: true }),
        response: { 200: pageOf(shipmentSchema) },
      },
      config: read,
    },
    (request) => findCustomerShipments(request.ctx, request.params.id, request.query),
  );
  r.get(
    '/api/shipment-parties/unmatched',
    {
      schema: {
        tags,
        summary: 'Parties named on shipments that match no customer (review queue)',
        querystring: unmatchedPartyListQuerySchema,
        response: { 200: pageOf(unmatchedPartySchema) },
      },
      config: update,
    },
    (request) => findUnmatchedParties(request.ctx, request.query),
  );
  r.post(
    '/api/shipment-parties/unmatched/:id/link',
    {
      schema: {
        tags,
        summary: 'Link an unmatched party to a customer; every shipment naming it follows',
        params: idParamSchema,
        body: linkPartyInputSchema,
        response: { 200: unmatchedPartySchema },
      },
      config: update,
    },
    (request) => linkUnmatchedParty(request.ctx, request.params.id, request.body.customerId),
  );
  r.post(
    '/api/shipment-parties/unmatched/:id/create',
    {
      schema: {
        tags,
        summary: 'Create a customer from an unmatched party and link it',
        params: idParamSchema,
        response: { 200: unmatchedPartySchema },
      },
      config: { access: { permission: ['customers', 'create'] } },
    },
    (request) => createCustomerFromParty(request.ctx, request.params.id),
  );
  r.post(
    '/api/shipment-parties/unmatched/:id/ignore',
    {
      schema: {
        tags,
        summary: 'Stop asking about an unmatched party (its shipments keep the name as written)',
        params: idParamSchema,
        response: { 200: unmatchedPartySchema },
      },
      config: update,
    },
    (request) => ignoreUnmatchedParty(request.ctx, request.params.id),
  );
}
