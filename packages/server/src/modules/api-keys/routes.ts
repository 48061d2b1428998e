import { apiKeyEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import { route } from '../../platform/http/route';
import { createApiKey, findApiKeys, revokeApiKey } from './api-keys';

export function apiKeyRoutes(app: FastifyInstance) {
  route(app, apiKeyEndpoints.list, {
    access: { permission: ['apiKeys', 'read'] },
    handler: (request) => findApiKeys(request.ctx, request.query),
  });
  route(app, apiKeyEndpoints.create, {
    access: { permission: ['apiKeys', 'create'] },
    handler: (request) => createApiKey(request.ctx, request.body),
  });
  route(app, apiKeyEndpoints.revoke, {
    access: { permission: ['apiKeys', 'delete'] },
    handler: (request) => revokeApiKey(request.ctx, request.params.id),
  });
}
