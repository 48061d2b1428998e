import { teamEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import { route } from '../../platform/http/route';
import { expectedVersion, requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { findTeams } from './find-teams';
import { getTeam } from './get-team';
import { createTeam, deleteTeam, updateTeam } from './write-teams';

export function teamRoutes(app: FastifyInstance) {
  route(app, teamEndpoints.list, {
    access: { permission: ['teams', 'read'] },
    handler: (request) => findTeams(request.ctx, request.query),
  });
  route(app, teamEndpoints.create, {
    access: { permission: ['teams', 'create'] },
    handler: async (request, reply) => sendWithEtag(reply, await createTeam(request.ctx, request.body)),
  });
  route(app, teamEndpoints.get, {
    access: { permission: ['teams', 'read'] },
    handler: async (request, reply) => sendWithEtag(reply, await getTeam(request.ctx, request.params.id)),
  });
  route(app, teamEndpoints.update, {
    access: { permission: ['teams', 'update'] },
    handler: async (request, reply) =>
      sendWithEtag(reply, await updateTeam(request.ctx, request.params.id, requiredVersion(request), request.body)),
  });
  route(app, teamEndpoints.delete, {
    access: { permission: ['teams', 'delete'] },
    handler: (request) => deleteTeam(request.ctx, request.params.id, expectedVersion(request)),
  });
}
