import { inquiryEndpoints, opportunityEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import { route } from '../../platform/http/route';
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
  route(app, opportunityEndpoints.list, {
    access: { permission: ['opportunities', 'read'] },
    handler: (request) => findOpportunities(request.ctx, request.query),
  });
  route(app, opportunityEndpoints.create, {
    access: { permission: ['opportunities', 'create'] },
    handler: async (request, reply) => sendWithEtag(reply, await createOpportunity(request.ctx, request.body)),
  });
  route(app, opportunityEndpoints.forecast, {
    access: { permission: ['opportunities', 'read'] },
    handler: (request) => pipelineForecast(request.ctx, request.query),
  });
  route(app, opportunityEndpoints.stats, {
    access: { permission: ['opportunities', 'read'] },
    handler: (request) => pipelineStats(request.ctx, request.query),
  });
  route(app, opportunityEndpoints.get, {
    access: { permission: ['opportunities', 'read'] },
    handler: async (request, reply) => sendWithEtag(reply, await getOpportunity(request.ctx, request.params.id)),
  });
  route(app, opportunityEndpoints.update, {
    access: { permission: ['opportunities', 'update'] },
    handler: async (request, reply) =>
      sendWithEtag(
        reply,
        await updateOpportunity(request.ctx, request.params.id, requiredVersion(request), request.body),
      ),
  });
  route(app, opportunityEndpoints.delete, {
    access: { permission: ['opportunities', 'delete'] },
    handler: (request) => deleteOpportunity(request.ctx, request.params.id, expectedVersion(request)),
  });
  route(app, opportunityEndpoints.stageChanges, {
    access: { permission: ['opportunities', 'read'] },
    handler: (request) => stageHistory(request.ctx, request.params.id),
  });
  route(app, inquiryEndpoints.list, {
    access: { permission: ['inquiries', 'read'] },
    handler: (request) => findInquiries(request.ctx, request.query),
  });
  route(app, inquiryEndpoints.create, {
    access: { permission: ['inquiries', 'create'] },
    handler: (request) =>
      createInquiry(request.ctx, request.body, {
        channel: request.body.channel ?? (request.ctx.actor.type === 'user' ? 'console' : 'api'),
      }),
  });

  pipelineSettingsRoutes(app);
}
