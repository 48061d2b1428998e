import {
  apiKeySchema,
  createApiKeyInputSchema,
  createdApiKeySchema,
  idParamSchema,
  listQuerySchema,
  pageOf,
} from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createApiKey, findApiKeys, revokeApiKey } from './api-keys';

export function apiKeyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['API keys'];
  r.get(
    '/api/api-keys',
    {
      schema: {
        tags,
        summary: 'List API keys, newest first (keyset: cursor → nextCursor)',
        querystring: listQuerySchema,
        response: { 200: pageOf(apiKeySchema) },
      },
      config: { access: { permission: ['apiKeys', 'read'] } },
    },
    (request) => findApiKeys(request.ctx, request.query),
  );
  r.post(
    '/api/api-keys',
    {
      schema: {
        tags,
        summary: 'Create an API key (the secret is shown once)',
        body: createApiKeyInputSchema,
        response: { 201: createdApiKeySchema },
      },
      config: { access: { permission: ['apiKeys', 'create'] } },
    },
    async (request, reply) => reply.code(201).send(await createApiKey(request.ctx, request.body)),
  );
  r.delete(
    '/api/api-keys/:id',
    {
      schema: { tags, summary: 'Revoke an API key', params: idParamSchema },
      config: { access: { permission: ['apiKeys', 'delete'] } },
    },
    async (request, reply) => {
      await revokeApiKey(request.ctx, request.params.id);
      return reply.code(204).send();
    },
  );
}
