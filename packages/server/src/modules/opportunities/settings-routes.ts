import { pipelineEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import { route } from '../../platform/http/route';
import { expectedVersion, requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { createLostReason, deleteLostReason, findLostReasons, updateLostReason } from './lost-reasons';
import { configureStages, listStages } from './stages';

/** The organisation's pipeline settings: stages and lost reasons. */
export function pipelineSettingsRoutes(app: FastifyInstance) {
  route(app, pipelineEndpoints.stages, {
    access: { permission: ['opportunities', 'read'] },
    handler: async (request, reply) =>
      sendWithEtag(reply, await listStages(request.ctx, { includeInactive: request.query.includeInactive })),
  });
  route(app, pipelineEndpoints.configureStages, {
    access: { permission: ['opportunities', 'configure'] },
    handler: async (request, reply) =>
      sendWithEtag(reply, await configureStages(request.ctx, requiredVersion(request), request.body)),
  });
  route(app, pipelineEndpoints.lostReasons, {
    access: { permission: ['opportunities', 'read'] },
    handler: (request) => findLostReasons(request.ctx, { includeInactive: request.query.includeInactive }),
  });
  route(app, pipelineEndpoints.createLostReason, {
    access: { permission: ['opportunities', 'configure'] },
    handler: async (request, reply) => sendWithEtag(reply, await createLostReason(request.ctx, request.body)),
  });
  route(app, pipelineEndpoints.updateLostReason, {
    access: { permission: ['opportunities', 'configure'] },
    handler: async (request, reply) =>
      sendWithEtag(
        reply,
        await updateLostReason(request.ctx, request.params.id, requiredVersion(request), request.body),
      ),
  });
  route(app, pipelineEndpoints.deleteLostReason, {
    access: { permission: ['opportunities', 'configure'] },
    handler: (request) => deleteLostReason(request.ctx, request.params.id, expectedVersion(request)),
  });
}
