import { roleEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import { route } from '../../platform/http/route';
import { expectedVersion, requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { findRoles, getRole } from './find-roles';
import { createRole, deleteRole, updateRole } from './write-roles';

export function roleRoutes(app: FastifyInstance) {
  route(app, roleEndpoints.list, {
    access: { permission: ['roles', 'read'] },
    handler: (request) => findRoles(request.ctx, request.query),
  });
  route(app, roleEndpoints.create, {
    access: { permission: ['roles', 'create'] },
    handler: async (request, reply) => sendWithEtag(reply, await createRole(request.ctx, request.body)),
  });
  route(app, roleEndpoints.get, {
    access: { permission: ['roles', 'read'] },
    handler: async (request, reply) => sendWithEtag(reply, await getRole(request.ctx, request.params.id)),
  });
  route(app, roleEndpoints.update, {
    access: { permission: ['roles', 'update'] },
    handler: async (request, reply) =>
      sendWithEtag(reply, await updateRole(request.ctx, request.params.id, requiredVersion(request), request.body)),
  });
  route(app, roleEndpoints.delete, {
    access: { permission: ['roles', 'delete'] },
    handler: (request) => deleteRole(request.ctx, request.params.id, expectedVersion(request)),
  });
}
