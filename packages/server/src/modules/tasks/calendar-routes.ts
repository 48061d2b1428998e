import {
  calendarFeedSchema,
  calendarFeedTokenParamsSchema,
  calendarItemsQuerySchema,
  calendarItemsSchema,
  createdCalendarFeedSchema,
} from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/app-error';
import type { AppDeps } from '../../platform/deps';
import { agendaOf, calendarItems } from './agenda';
import { createCalendarFeed, getCalendarFeed, revokeCalendarFeed } from './calendar-feed';
import { renderCalendarFeed } from './ics-feed';

export function calendarRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Calendar'];

  r.get(
    '/api/calendar/items',
    {
      schema: {
        tags,
        summary: 'The caller’s tasks (by due time) and activities (logged or taken part in) between from and to',
        querystring: calendarItemsQuerySchema,
        response: { 200: calendarItemsSchema },
      },
      config: { access: { permission: ['tasks', 'read'] } },
    },
    async (request) => {
      const { ctx } = request;
      if (!ctx.userId) throw AppError.forbidden();
      const agenda = await agendaOf(ctx.db, ctx.orgId, ctx.userId, {
        from: new Date(request.query.from),
        to: new Date(request.query.to),
      });
      return { items: calendarItems(agenda) };
    },
  );
  r.get(
    '/api/calendar/feed',
    {
      schema: {
        tags,
        summary: 'Whether the caller has a private iCalendar feed',
        response: { 200: calendarFeedSchema },
      },
      config: { access: { permission: ['tasks', 'read'] } },
    },
    (request) => getCalendarFeed(request.ctx),
  );
  r.post(
    '/api/calendar/feed',
    {
      schema: {
        tags,
        summary: 'Create (or replace) the caller’s private iCalendar feed; the address is shown once',
        response: { 201: createdCalendarFeedSchema },
      },
      config: { access: { permission: ['tasks', 'read'] } },
    },
    async (request, reply) =>
      reply.code(201).send(await createCalendarFeed(request.ctx, `${request.protocol}://${request.host}`)),
  );
  r.delete(
    '/api/calendar/feed',
    {
      schema: { tags, summary: 'Revoke the caller’s iCalendar feed' },
      config: { access: { permission: ['tasks', 'read'] } },
    },
    async (request, reply) => {
      await revokeCalendarFeed(request.ctx);
      return reply.code(204).send();
    },
  );
  r.get(
    '/api/calendar/:token.ics',
    {
      schema: {
        tags,
        summary: 'A private iCalendar feed (text/calendar) of open tasks and activities; the token is the secret',
        params: calendarFeedTokenParamsSchema,
        security: [],
      },
      config: { access: { public: true } },
      // The address is the credential: keep it out of the request log.
      logLevel: 'warn',
    },
    async (request, reply) => {
      const body = await renderCalendarFeed(deps.db, request.params.token, deps.clock);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('Content-Disposition', 'inline; filename="berth.ics"')
        .send(body);
    },
  );
}
