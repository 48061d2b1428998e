import { shipmentEndpoints, shipmentPartyEndpoints, shipmentReportEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { Access } from '../../platform/http/access';
import { route } from '../../platform/http/route';
import { requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { findCustomerShipments, findShipments, getShipment, shipmentEventList } from './find-shipments';
import { ingestShipmentEvents } from './ingest-events';
import { shipmentReport } from './shipment-report';
import {
  createCustomerFromParty,
  findUnmatchedParties,
  ignoreUnmatchedParty,
  linkUnmatchedParty,
} from './unmatched-parties';
import { createShipment, updateShipment } from './update-shipment';
import { upsertShipments } from './upsert-shipments';

const read: Access = { permission: ['shipments', 'read'] };
const update: Access = { permission: ['shipments', 'update'] };

/** Shipments: the feeds (batch, events), the list and record, and the review queue of unmatched parties. */
export function shipmentRoutes(app: FastifyInstance) {
  route(app, shipmentEndpoints.list, { access: read, handler: (request) => findShipments(request.ctx, request.query) });
  route(app, shipmentEndpoints.create, {
    access: { permission: ['shipments', 'create'] },
    handler: async (request, reply) => sendWithEtag(reply, await createShipment(request.ctx, request.body)),
  });
  route(app, shipmentEndpoints.batch, {
    access: { permission: ['shipments', 'create'] },
    handler: (request) => upsertShipments(request.ctx, request.body.items),
  });
  route(app, shipmentEndpoints.events, {
    access: update,
    handler: (request) => ingestShipmentEvents(request.ctx, request.body.events),
  });
  route(app, shipmentEndpoints.get, {
    access: read,
    handler: async (request, reply) => sendWithEtag(reply, await getShipment(request.ctx, request.params.id)),
  });
  route(app, shipmentEndpoints.update, {
    access: update,
    handler: async (request, reply) =>
      sendWithEtag(reply, await updateShipment(request.ctx, request.params.id, requiredVersion(request), request.body)),
  });
  route(app, shipmentEndpoints.eventList, {
    access: read,
    handler: (request) => shipmentEventList(request.ctx, request.params.id),
  });
  route(app, shipmentEndpoints.ofCustomer, {
    access: read,
    handler: (request) => findCustomerShipments(request.ctx, request.params.id, request.query),
  });
  route(app, shipmentPartyEndpoints.unmatched, {
    access: update,
    handler: (request) => findUnmatchedParties(request.ctx, request.query),
  });
  route(app, shipmentPartyEndpoints.link, {
    access: update,
    handler: (request) => linkUnmatchedParty(request.ctx, request.params.id, request.body.customerId),
  });
  route(app, shipmentPartyEndpoints.createCustomer, {
    access: { permission: ['customers', 'create'] },
    handler: (request) => createCustomerFromParty(request.ctx, request.params.id),
  });
  route(app, shipmentPartyEndpoints.ignore, {
    access: update,
    handler: (request) => ignoreUnmatchedParty(request.ctx, request.params.id),
  });
  route(app, shipmentReportEndpoints.shipments, {
    access: read,
    handler: (request) => shipmentReport(request.ctx, request.query),
  });
}
