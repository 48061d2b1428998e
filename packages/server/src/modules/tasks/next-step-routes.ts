import { nextStepRuleEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import { route } from '../../platform/http/route';
import { expectedVersion, requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import {
  createNextStepRule,
  deleteNextStepRule,
  findNextStepRules,
  getNextStepRule,
  updateNextStepRule,
} from './next-step-rules';

export function nextStepRuleRoutes(app: FastifyInstance) {
  route(app, nextStepRuleEndpoints.list, {
    access: { permission: ['opportunities', 'read'] },
    handler: (request) => findNextStepRules(request.ctx),
  });
  route(app, nextStepRuleEndpoints.create, {
    access: { permission: ['opportunities', 'configure'] },
    handler: async (request, reply) => sendWithEtag(reply, await createNextStepRule(request.ctx, request.body)),
  });
  route(app, nextStepRuleEndpoints.get, {
    access: { permission: ['opportunities', 'read'] },
    handler: async (request, reply) => sendWithEtag(reply, await getNextStepRule(request.ctx, request.params.id)),
  });
  route(app, nextStepRuleEndpoints.update, {
    access: { permission: ['opportunities', 'configure'] },
    handler: async (request, reply) =>
      sendWithEtag(
        reply,
        await updateNextStepRule(request.ctx, request.params.id, requiredVersion(request), request.body),
      ),
  });
  route(app, nextStepRuleEndpoints.delete, {
    access: { permission: ['opportunities', 'configure'] },
    handler: (request) => deleteNextStepRule(request.ctx, request.params.id, expectedVersion(request)),
  });
}
