import { databaseUpkeepEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps';
import { route } from '../../platform/http/route';
import { getDatabaseUpkeep, requestUpkeep } from './database-upkeep';

/** The upkeep page: administrators read the embedded database's figures and start a round. */
export function databaseUpkeepRoutes(app: FastifyInstance, deps: AppDeps) {
  route(app, databaseUpkeepEndpoints.get, {
    access: { permission: ['database', 'read'] },
    handler: async (request) => getDatabaseUpkeep(request.ctx, deps.engine),
  });
  route(app, databaseUpkeepEndpoints.run, {
    access: { permission: ['database', 'update'] },
    handler: async (request, reply) => reply.status(202).send(await requestUpkeep(request.ctx, deps.engine)),
  });
}
