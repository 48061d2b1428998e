import { notificationEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import { route } from '../../platform/http/route';
import { findNotifications, markAllRead, markRead, unreadCount } from './notifications';

export function notificationRoutes(app: FastifyInstance) {
  const access = { signedIn: true } as const;

  route(app, notificationEndpoints.list, {
    access,
    handler: (request) => findNotifications(request.ctx, request.query),
  });
  route(app, notificationEndpoints.unreadCount, {
    access,
    handler: async (request) => ({ count: await unreadCount(request.ctx) }),
  });
  route(app, notificationEndpoints.readAll, {
    access,
    handler: async (request) => ({ updated: await markAllRead(request.ctx) }),
  });
  route(app, notificationEndpoints.read, {
    access,
    handler: (request) => markRead(request.ctx, request.params.id),
  });
}
