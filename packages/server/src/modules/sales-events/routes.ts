import {
  captureLeadInputSchema,
  checklistInputSchema,
  createSalesEventInputSchema,
  idParamSchema,
  pageOf,
  rosterInputSchema,
  rosterSchema,
  salesEventLeadListQuerySchema,
  salesEventLeadSchema,
  salesEventListQuerySchema,
  salesEventParticipantsInputSchema,
  salesEventReportSchema,
  salesEventSchema,
  updateSalesEventInputSchema,
} from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Sales events'];
  const read = { access: { permission: ['salesEvents', 'read'] as ['salesEvents', 'read'] } };
  const update = { access: { permission: ['salesEvents', 'update'] as ['salesEvents', 'update'] } };

  r.get(
    '/api/sales-events',
    {
      schema: {
        tags,
        summary: 'Sales events the caller sees (in scope, or taking part): upcoming soonest first, else latest first',
        querystring: salesEventListQuerySchema,
        response: { 200: pageOf(salesEventSchema) },
      },
      config: read,
    },
    (request) => findSalesEvents(request.ctx, request.query),
  );
  r.post(
    '/api/sales-events',
    {
      schema: {
        tags,
        summary: 'Plan a visit, trade show or presentation',
        body: createSalesEventInputSchema,
        response: { 201: salesEventSchema },
      },
      config: { access: { permission: ['salesEvents', 'create'] } },
    },
    async (request, reply) =>
      reply.code(201).send(sendWithEtag(reply, await createSalesEvent(request.ctx, request.body))),
  );
  r.get(
    '/api/sales-events/:id',
    {
      schema: { tags, summary: 'One sales event', params: idParamSchema, response: { 200: salesEventSchema } },
      config: read,
    },
    async (request, reply) => sendWithEtag(reply, await getSalesEvent(request.ctx, request.params.id)),
  );
  r.patch(
    '/api/sales-events/:id',
    {
      schema: {
        tags,
        summary: 'Change a sales event (If-Match); a new start clears the reminder so participants get one for it',
        params: idParamSchema,
        body: updateSalesEventInputSchema,
        response: { 200: salesEventSchema },
      },
      config: update,
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await updateSalesEvent(request.ctx, request.params.id, requiredVersion(request), request.body),
      ),
  );
  r.delete(
    '/api/sales-events/:id',
    {
      schema: {
        tags,
        summary: 'Delete a sales event (If-Match); 409 sales_event.has_leads once leads were captured',
        params: idParamSchema,
      },
      config: { access: { permission: ['salesEvents', 'delete'] } },
    },
    async (request, reply) => {
      await deleteSalesEvent(request.ctx, request.params.id, expectedVersion(request));
      return reply.code(204).send();
    },
  );
  r.put(
    '/api/sales-events/:id/participants',
    {
      schema: {
        tags,
        summary: "Replace the event's participants (If-Match: the event's version); leavers leave the roster",
        params: idParamSchema,
        body: salesEventParticipantsInputSchema,
        response: { 200: salesEventSchema },
      },
      config: update,
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await setParticipants(request.ctx, request.params.id, requiredVersion(request), request.body),
      ),
  );
  r.get(
    '/api/sales-events/:id/shifts',
    {
      schema: {
        tags,
        summary: "The duty roster, with the event's version to send when changing it",
        params: idParamSchema,
        response: { 200: rosterSchema },
      },
      config: read,
    },
    async (request, reply) => sendWithEtag(reply, await getRoster(request.ctx, request.params.id)),
  );
  r.put(
    '/api/sales-events/:id/shifts',
    {
      schema: {
        tags,
        summary:
          'Replace the duty roster (If-Match): shifts within the event, of participants, not overlapping for one person',
        params: idParamSchema,
        body: rosterInputSchema,
        response: { 200: rosterSchema },
      },
      config: update,
    },
    async (request, reply) =>
      sendWithEtag(reply, await saveRoster(request.ctx, request.params.id, requiredVersion(request), request.body)),
  );
  r.put(
    '/api/sales-events/:id/checklist',
    {
      schema: {
        tags,
        summary: 'Replace the preparation checklist (If-Match); ticking records who and when; participants may tick',
        params: idParamSchema,
        body: checklistInputSchema,
        response: { 200: salesEventSchema },
      },
      config: read,
    },
    async (request, reply) =>
      sendWithEtag(reply, await saveChecklist(request.ctx, request.params.id, requiredVersion(request), request.body)),
  );
  r.get(
    '/api/sales-events/:id/leads',
    {
      schema: {
        tags,
        summary: 'Leads captured at the event, newest first',
        params: idParamSchema,
        querystring: salesEventLeadListQuerySchema,
        response: { 200: pageOf(salesEventLeadSchema) },
      },
      config: read,
    },
    (request) => findLeads(request.ctx, request.params.id, request.query),
  );
  r.post(
    '/api/sales-events/:id/leads',
    {
      schema: {
        tags,
        summary:
          'Quick lead form: finds the company (credit code or normalised name) or creates a prospect; a lane opens an inquiry',
        params: idParamSchema,
        body: captureLeadInputSchema,
        response: { 201: salesEventLeadSchema },
      },
      config: read,
    },
    async (request, reply) => reply.code(201).send(await captureLead(request.ctx, request.params.id, request.body)),
  );
  r.get(
    '/api/sales-events/:id/report',
    {
      schema: {
        tags,
        summary: 'What the event brought: leads, prospects, inquiries, opportunities, won revenue, cost per lead',
        params: idParamSchema,
        response: { 200: salesEventReportSchema },
      },
      config: read,
    },
    (request) => salesEventReport(request.ctx, request.params.id),
  );
}
