import {
  idParamSchema,
  notificationListQuerySchema,
  notificationSchema,
  pageOf,
  unreadCountSchema,
} from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findNotifications, markAllRead, markRead, unreadCount } from './notifications';

export function notificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Notifications'];
  const access = { signedIn: true } as const;

  r.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: "The signed-in user's notifications, newest first (unread=true: only unread)",
        querystring: notificationListQuerySchema,
        response: { 200: pageOf(notificationSchema) },
      },
      config: { access },
    },
    (request) => findNotifications(request.ctx, request.query),
  );
  r.get(
    '/api/notifications/unread-count',
    {
      schema: { tags, summary: 'How many notifications are unread', response: { 200: unreadCountSchema } },
      config: { access },
    },
    async (request) => ({ count: await unreadCount(request.ctx) }),
  );
  r.post(
    '/api/notifications/read-all',
    {
      schema: {
        tags,
        summary: "Mark all of the signed-in user's notifications read",
        response: { 200: z.object({ updated: z.number().int() }) },
      },
      config: { access },
    },
    async (request) => ({ updated: await markAllRead(request.ctx) }),
  );
  r.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark a notification read',
        params: idParamSchema,
        response: { 200: notificationSchema },
      },
      config: { access },
    },
    (request) => markRead(request.ctx, request.params.id),
  );
}
