import { prospectEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import { route } from '../../platform/http/route';
import { assignProspects } from './assign-prospects';
import { findProspects } from './find-prospects';

/** Prospects (客户开发): the list of companies to develop and handing them out to reps. */
export function prospectRoutes(app: FastifyInstance) {
  route(app, prospectEndpoints.list, {
    access: {
      anyPermission: [
        ['customers', 'read'],
        ['customers', 'assign'],
      ],
    },
    handler: (request) => findProspects(request.ctx, request.query),
  });
  route(app, prospectEndpoints.assign, {
    access: { permission: ['customers', 'assign'] },
    handler: (request) => assignProspects(request.ctx, request.body),
  });
}
