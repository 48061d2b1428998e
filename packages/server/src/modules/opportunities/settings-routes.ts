import {
  createLostReasonInputSchema,
  idParamSchema,
  lostReasonListQuerySchema,
  lostReasonSchema,
  pageOf,
  stageConfigInputSchema,
  stageListQuerySchema,
  stageListSchema,
  updateLostReasonInputSchema,
} from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { expectedVersion, requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { createLostReason, deleteLostReason, findLostReasons, updateLostReason } from './lost-reasons';
import { configureStages, listStages } from './stages';

/** The organisation's pipeline settings: stages and lost reasons. */
export function pipelineSettingsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Opportunities'];

  r.get(
    '/api/opportunities/stages',
    {
      schema: {
        tags,
        summary: 'The pipeline stages in order, names in the caller language (ETag: the configuration version)',
        querystring: stageListQuerySchema,
        response: { 200: stageListSchema },
      },
      config: { access: { permission: ['opportunities', 'read'] } },
    },
    async (request, reply) =>
      sendWithEtag(reply, await listStages(request.ctx, { includeInactive: request.query.includeInactive })),
  );
  r.put(
    '/api/opportunities/stages',
    {
      schema: {
        tags,
        summary: 'Configure the stages: names, probabilities, order, added and deactivated stages (If-Match)',
        body: stageConfigInputSchema,
        response: { 200: stageListSchema },
      },
      config: { access: { permission: ['opportunities', 'configure'] } },
    },
    async (request, reply) =>
      sendWithEtag(reply, await configureStages(request.ctx, requiredVersion(request), request.body)),
  );
  r.get(
    '/api/opportunities/lost-reasons',
    {
      schema: {
        tags,
        summary: 'Why opportunities are lost: the configurable list',
        querystring: lostReasonListQuerySchema,
        response: { 200: pageOf(lostReasonSchema) },
      },
      config: { access: { permission: ['opportunities', 'read'] } },
    },
    (request) => findLostReasons(request.ctx, { includeInactive: request.query.includeInactive }),
  );
  r.post(
    '/api/opportunities/lost-reasons',
    {
      schema: {
        tags,
        summary: 'Add a lost reason',
        body: createLostReasonInputSchema,
        response: { 201: lostReasonSchema },
      },
      config: { access: { permission: ['opportunities', 'configure'] } },
    },
    async (request, reply) =>
      reply.code(201).send(sendWithEtag(reply, await createLostReason(request.ctx, request.body))),
  );
  r.patch(
    '/api/opportunities/lost-reasons/:id',
    {
      schema: {
        tags,
        summary: 'Rename, reorder or deactivate a lost reason (If-Match: "<version>")',
        params: idParamSchema,
        body: updateLostReasonInputSchema,
        response: { 200: lostReasonSchema },
      },
      config: { access: { permission: ['opportunities', 'configure'] } },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await updateLostReason(request.ctx, request.params.id, requiredVersion(request), request.body),
      ),
  );
  r.delete(
    '/api/opportunities/lost-reasons/:id',
    {
      schema: {
        tags,
        summary: 'Delete an unused lost reason; used ones can only be deactivated (If-Match: "<version>")',
        params: idParamSchema,
      },
      config: { access: { permission: ['opportunities', 'configure'] } },
    },
    async (request, reply) => {
      await deleteLostReason(request.ctx, request.params.id, expectedVersion(request));
      return reply.code(204).send();
    },
  );
}
