import { defineEndpoint, idParamSchema } from '../platform/contract';
import { pageOf } from '../platform/pagination';
import {
  captureLeadInputSchema,
  salesEventLeadListQuerySchema,
  salesEventLeadSchema,
  salesEventReportSchema,
} from './lead-schemas';
import {
  checklistInputSchema,
  createSalesEventInputSchema,
  rosterInputSchema,
  rosterSchema,
  salesEventListQuerySchema,
  salesEventParticipantsInputSchema,
  salesEventSchema,
  updateSalesEventInputSchema,
} from './sales-event-schemas';

const salesEventsTags = ['Sales events'];

export const salesEventEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/sales-events',
    tags: salesEventsTags,
    summary: 'Sales events the caller sees (in scope, or taking part): upcoming soonest first, else latest first',
    query: salesEventListQuerySchema,
    response: pageOf(salesEventSchema),
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/sales-events',
    tags: salesEventsTags,
    summary: 'Plan a visit, trade show or presentation',
    body: createSalesEventInputSchema,
    response: salesEventSchema,
    status: 201,
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/sales-events/:id',
    tags: salesEventsTags,
    summary: 'One sales event',
    params: idParamSchema,
    response: salesEventSchema,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/sales-events/:id',
    tags: salesEventsTags,
    summary: 'Change a sales event (If-Match); a new start clears the reminder so participants get one for it',
    params: idParamSchema,
    body: updateSalesEventInputSchema,
    response: salesEventSchema,
  }),
  delete: defineEndpoint({
    method: 'DELETE',
    path: '/api/sales-events/:id',
    tags: salesEventsTags,
    summary: 'Delete a sales event (If-Match); 409 sales_event.has_leads once leads were captured',
    params: idParamSchema,
  }),
  participants: defineEndpoint({
    method: 'PUT',
    path: '/api/sales-events/:id/participants',
    tags: salesEventsTags,
    summary: "Replace the event's participants (If-Match: the event's version); leavers leave the roster",
    params: idParamSchema,
    body: salesEventParticipantsInputSchema,
    response: salesEventSchema,
  }),
  shifts: defineEndpoint({
    method: 'GET',
    path: '/api/sales-events/:id/shifts',
    tags: salesEventsTags,
    summary: "The duty roster, with the event's version to send when changing it",
    params: idParamSchema,
    response: rosterSchema,
  }),
  saveShifts: defineEndpoint({
    method: 'PUT',
    path: '/api/sales-events/:id/shifts',
    tags: salesEventsTags,
    summary:
      'Replace the duty roster (If-Match): shifts within the event, of participants, not overlapping for one person',
    params: idParamSchema,
    body: rosterInputSchema,
    response: rosterSchema,
  }),
  checklist: defineEndpoint({
    method: 'PUT',
    path: '/api/sales-events/:id/checklist',
    tags: salesEventsTags,
    summary: 'Replace the preparation checklist (If-Match); ticking records who and when; participants may tick',
    params: idParamSchema,
    body: checklistInputSchema,
    response: salesEventSchema,
  }),
  leads: defineEndpoint({
    method: 'GET',
    path: '/api/sales-events/:id/leads',
    tags: salesEventsTags,
    summary: 'Leads captured at the event, newest first',
    params: idParamSchema,
    query: salesEventLeadListQuerySchema,
    response: pageOf(salesEventLeadSchema),
  }),
  captureLead: defineEndpoint({
    method: 'POST',
    path: '/api/sales-events/:id/leads',
    tags: salesEventsTags,
    summary:
      'Quick lead form: finds the company (credit code or normalised name) or creates a prospect; a lane opens an inquiry',
    params: idParamSchema,
    body: captureLeadInputSchema,
    response: salesEventLeadSchema,
    status: 201,
  }),
  report: defineEndpoint({
    method: 'GET',
    path: '/api/sales-events/:id/report',
    tags: salesEventsTags,
    summary: 'What the event brought: leads, prospects, inquiries, opportunities, won revenue, cost per lead',
    params: idParamSchema,
    response: salesEventReportSchema,
  }),
};
