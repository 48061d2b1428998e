import { calendarEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/app-error';
import { can } from '../../platform/context';
import type { AppDeps } from '../../platform/deps';
import { route } from '../../platform/http/route';
import { agendaOf, calendarItems } from './agenda';
import { createCalendarFeed, getCalendarFeed, revokeCalendarFeed } from './calendar-feed';
import { renderCalendarFeed } from './ics-feed';

export function calendarRoutes(app: FastifyInstance, deps: AppDeps) {
  route(app, calendarEndpoints.items, {
    access: { permission: ['tasks', 'read'] },
    handler: async (request) => {
      const { ctx } = request;
      if (!ctx.userId) throw AppError.forbidden();
      const agenda = await agendaOf(
        ctx.db,
        ctx.orgId,
        ctx.userId,
        {
          from: new Date(request.query.from),
          to: new Date(request.query.to),
        },
        ctx.locale,
      );
      // Each kind of item only for a caller who may read that kind of record.
      return {
        items: calendarItems(
          {
            tasks: agenda.tasks,
            activities: can(ctx, 'activities', 'read') ? agenda.activities : [],
            salesEvents: can(ctx, 'salesEvents', 'read') ? agenda.salesEvents : [],
          },
          ctx.locale,
        ),
      };
    },
  });
  route(app, calendarEndpoints.feed, {
    access: { permission: ['tasks', 'read'] },
    handler: (request) => getCalendarFeed(request.ctx),
  });
  route(app, calendarEndpoints.createFeed, {
    access: { permission: ['tasks', 'read'] },
    handler: (request) => createCalendarFeed(request.ctx, `${request.protocol}://${request.host}`),
  });
  route(app, calendarEndpoints.revokeFeed, {
    access: { permission: ['tasks', 'read'] },
    handler: (request) => revokeCalendarFeed(request.ctx),
  });
  route(app, calendarEndpoints.ics, {
    access: { public: true },
    // The address is the credential: keep it out of the request log.
    logLevel: 'warn',
    handler: async (request, reply) => {
      const body = await renderCalendarFeed(deps.db, request.params.token, deps.clock);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('Content-Disposition', 'inline; filename="berth.ics"')
        .send(body);
    },
  });
}
