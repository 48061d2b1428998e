import { salesEventEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { Access } from '../../platform/http/access';
import { route } from '../../platform/http/route';
import { expectedVersion, requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { captureLead } from './capture-lead';
import { saveChecklist } from './checklist';
import { salesEventReport } from './event-report';
import { findLeads } from './find-leads';
import { findSalesEvents, getSalesEvent } from './find-sales-events';
import { setParticipants } from './participants';
import { getRoster, saveRoster } from './roster';
import { createSalesEvent, deleteSalesEvent, updateSalesEvent } from './write-sales-event';

/**
 * Sales events (销售活动): the event, its participants, duty roster and checklist (all guarded by
 * the event's version), the leads captured there and what the event brought.
 */
export function salesEventRoutes(app: FastifyInstance) {
  const readAccess: Access = { permission: ['salesEvents', 'read'] };
  const updateAccess: Access = { permission: ['salesEvents', 'update'] };

  route(app, salesEventEndpoints.list, {
    access: readAccess,
    handler: (request) => findSalesEvents(request.ctx, request.query),
  });
  route(app, salesEventEndpoints.create, {
    access: { permission: ['salesEvents', 'create'] },
    handler: async (request, reply) => sendWithEtag(reply, await createSalesEvent(request.ctx, request.body)),
  });
  route(app, salesEventEndpoints.get, {
    access: readAccess,
    handler: async (request, reply) => sendWithEtag(reply, await getSalesEvent(request.ctx, request.params.id)),
  });
  route(app, salesEventEndpoints.update, {
    access: updateAccess,
    handler: async (request, reply) =>
      sendWithEtag(
        reply,
        await updateSalesEvent(request.ctx, request.params.id, requiredVersion(request), request.body),
      ),
  });
  route(app, salesEventEndpoints.delete, {
    access: { permission: ['salesEvents', 'delete'] },
    handler: (request) => deleteSalesEvent(request.ctx, request.params.id, expectedVersion(request)),
  });
  route(app, salesEventEndpoints.participants, {
    access: updateAccess,
    handler: async (request, reply) =>
      sendWithEtag(
        reply,
        await setParticipants(request.ctx, request.params.id, requiredVersion(request), request.body),
      ),
  });
  route(app, salesEventEndpoints.shifts, {
    access: readAccess,
    handler: async (request, reply) => sendWithEtag(reply, await getRoster(request.ctx, request.params.id)),
  });
  route(app, salesEventEndpoints.saveShifts, {
    access: updateAccess,
    handler: async (request, reply) =>
      sendWithEtag(reply, await saveRoster(request.ctx, request.params.id, requiredVersion(request), request.body)),
  });
  route(app, salesEventEndpoints.checklist, {
    access: readAccess,
    handler: async (request, reply) =>
      sendWithEtag(reply, await saveChecklist(request.ctx, request.params.id, requiredVersion(request), request.body)),
  });
  route(app, salesEventEndpoints.leads, {
    access: readAccess,
    handler: (request) => findLeads(request.ctx, request.params.id, request.query),
  });
  route(app, salesEventEndpoints.captureLead, {
    access: readAccess,
    handler: (request) => captureLead(request.ctx, request.params.id, request.body),
  });
  route(app, salesEventEndpoints.report, {
    access: readAccess,
    handler: (request) => salesEventReport(request.ctx, request.params.id),
  });
}
