import { searchEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import { route } from '../../platform/http/route';
import { globalSearch } from './global-search';

export function searchRoutes(app: FastifyInstance) {
  route(app, searchEndpoints.search, {
    // Anyone signed in; each kind is searched only with its resource's read right.
    access: { signedIn: true },
    handler: (request) => globalSearch(request.ctx, request.query),
  });
}
