import {
  createInquiryInputSchema,
  createOpportunityInputSchema,
  forecastQuerySchema,
  forecastSchema,
  idParamSchema,
  inquiryListQuerySchema,
  inquirySchema,
  opportunityListQuerySchema,
  opportunitySchema,
  pageOf,
  stageHistorySchema,
  statsQuerySchema,
  statsSchema,
  updateOpportunityInputSchema,
} from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { expectedVersion, requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { createOpportunity } from './create-opportunity';
import { deleteOpportunity } from './delete-opportunity';
import { findOpportunities, stageHistory } from './find-opportunities';
import { pipelineForecast } from './forecast';
import { getOpportunity } from './get-opportunity';
import { createInquiry, findInquiries } from './inquiries';
import { pipelineSettingsRoutes } from './settings-routes';
import { pipelineStats } from './stats';
import { updateOpportunity } from './update-opportunity';

/** The sales pipeline: opportunities, their board moves and history, inquiries, forecast and win rates. */
export function opportunityRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Opportunities'];

  r.get(
    '/api/opportunities',
    {
      schema: {
        tags,
        summary: 'List opportunities (each board column is this list filtered by stage)',
        querystring: opportunityListQuerySchema,
        response: { 200: pageOf(opportunitySchema) },
      },
      config: { access: { permission: ['opportunities', 'read'] } },
    },
    (request) => findOpportunities(request.ctx, request.query),
  );
  r.post(
    '/api/opportunities',
    {
      schema: {
        tags,
        summary: 'Create an opportunity',
        body: createOpportunityInputSchema,
        response: { 201: opportunitySchema },
      },
      config: { access: { permission: ['opportunities', 'create'] } },
    },
    async (request, reply) =>
      reply.code(201).send(sendWithEtag(reply, await createOpportunity(request.ctx, request.body))),
  );
  r.get(
    '/api/opportunities/forecast',
    {
      schema: {
        tags,
        summary: 'Weighted pipeline by month, owner, team or lane, per currency',
        querystring: forecastQuerySchema,
        response: { 200: forecastSchema },
      },
      config: { access: { permission: ['opportunities', 'read'] } },
    },
    (request) => pipelineForecast(request.ctx, request.query),
  );
  r.get(
    '/api/opportunities/stats',
    {
      schema: {
        tags,
        summary: 'Win rate, average cycle time and days per stage, by stage, lane, source or owner',
        querystring: statsQuerySchema,
        response: { 200: statsSchema },
      },
      config: { access: { permission: ['opportunities', 'read'] } },
    },
    (request) => pipelineStats(request.ctx, request.query),
  );
  r.get(
    '/api/opportunities/:id',
    {
      schema: { tags, summary: 'Get an opportunity', params: idParamSchema, response: { 200: opportunitySchema } },
      config: { access: { permission: ['opportunities', 'read'] } },
    },
    async (request, reply) => sendWithEtag(reply, await getOpportunity(request.ctx, request.params.id)),
  );
  r.patch(
    '/api/opportunities/:id',
    {
      schema: {
        tags,
        summary: 'Update or move an opportunity ({stage}; lost needs lostReasonId) (If-Match: "<version>")',
        params: idParamSchema,
        body: updateOpportunityInputSchema,
        response: { 200: opportunitySchema },
      },
      config: { access: { permission: ['opportunities', 'update'] } },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await updateOpportunity(request.ctx, request.params.id, requiredVersion(request), request.body),
      ),
  );
  r.delete(
    '/api/opportunities/:id',
    {
      schema: { tags, summary: 'Delete an opportunity (If-Match: "<version>")', params: idParamSchema },
      config: { access: { permission: ['opportunities', 'delete'] } },
    },
    async (request, reply) => {
      await deleteOpportunity(request.ctx, request.params.id, expectedVersion(request));
      return reply.code(204).send();
    },
  );
  r.get(
    '/api/opportunities/:id/stage-changes',
    {
      schema: {
        tags,
        summary: "An opportunity's stage history with the time spent in each stage, oldest first",
        params: idParamSchema,
        response: { 200: stageHistorySchema },
      },
      config: { access: { permission: ['opportunities', 'read'] } },
    },
    (request) => stageHistory(request.ctx, request.params.id),
  );

  const inquiryTags = ['Inquiries'];
  r.get(
    '/api/inquiries',
    {
      schema: {
        tags: inquiryTags,
        summary: 'List inquiries, newest first',
        querystring: inquiryListQuerySchema,
        response: { 200: pageOf(inquirySchema) },
      },
      config: { access: { permission: ['inquiries', 'read'] } },
    },
    (request) => findInquiries(request.ctx, request.query),
  );
  r.post(
    '/api/inquiries',
    {
      schema: {
        tags: inquiryTags,
        summary: "Record a customer's price inquiry; it joins or opens an opportunity for the lane",
        body: createInquiryInputSchema,
        response: { 201: inquirySchema },
      },
      config: { access: { permission: ['inquiries', 'create'] } },
    },
    async (request, reply) =>
      reply.code(201).send(
        await createInquiry(request.ctx, request.body, {
          channel: request.ctx.actor.type === 'user' ? 'console' : 'api',
        }),
      ),
  );

  pipelineSettingsRoutes(app);
}
