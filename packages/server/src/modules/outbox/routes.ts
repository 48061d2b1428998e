import { idParamSchema, outboxListQuerySchema, outboxMessageSchema, pageOf } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { findOutboxMessages, retryOutboxMessage } from './outbox-admin';

export function outboxRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Outbox'];
  r.get(
    '/api/outbox',
    {
      schema: {
        tags,
        summary: 'Messages waiting, sent, held or failed',
        querystring: outboxListQuerySchema,
        response: { 200: pageOf(outboxMessageSchema) },
      },
      config: { access: { permission: ['outbox', 'read'] } },
    },
    (request) => findOutboxMessages(request.ctx, request.query),
  );
  r.post(
    '/api/outbox/:id/retry',
    {
      schema: {
        tags,
        summary: 'Send a held or failed message again',
        params: idParamSchema,
        response: { 200: outboxMessageSchema },
      },
      config: { access: { permission: ['outbox', 'update'] } },
    },
    (request) => retryOutboxMessage(request.ctx, request.params.id),
  );
}
