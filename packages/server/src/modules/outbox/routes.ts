import { outboxEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import { route } from '../../platform/http/route';
import { findOutboxMessages, retryOutboxMessage } from './outbox-admin';

export function outboxRoutes(app: FastifyInstance) {
  route(app, outboxEndpoints.list, {
    access: { permission: ['outbox', 'read'] },
    handler: (request) => findOutboxMessages(request.ctx, request.query),
  });
  route(app, outboxEndpoints.retry, {
    access: { permission: ['outbox', 'update'] },
    handler: (request) => retryOutboxMessage(request.ctx, request.params.id),
  });
}
