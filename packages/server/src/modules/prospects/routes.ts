import {
  assignProspectsInputSchema,
  assignProspectsResultSchema,
  pageOf,
  prospectListQuerySchema,
  prospectSchema,
} from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assignProspects } from './assign-prospects';
import { findProspects } from './find-prospects';

/** Prospects (客户开发): the list of companies to develop and handing them out to reps. */
export function prospectRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Prospects'];

  r.get(
    '/api/prospects',
    {
      schema: {
        tags,
        summary: 'Prospects the caller sees or may assign, newest first, with owner and source event',
        querystring: prospectListQuerySchema,
        response: { 200: pageOf(prospectSchema) },
      },
      config: {
        access: {
          anyPermission: [
            ['customers', 'read'],
            ['customers', 'assign'],
          ],
        },
      },
    },
    (request) => findProspects(request.ctx, request.query),
  );
  r.post(
    '/api/prospects/assign',
    {
      schema: {
        tags,
        summary: 'Give prospects to one rep (manual) or spread them evenly over reps (round robin, by country)',
        body: assignProspectsInputSchema,
        response: { 200: assignProspectsResultSchema },
      },
      config: { access: { permission: ['customers', 'assign'] } },
    },
    (request) => assignProspects(request.ctx, request.body),
  );
}
