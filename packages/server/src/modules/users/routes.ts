import { userEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import { route } from '../../platform/http/route';
import { requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { createUser } from './create-user';
import { findUsers } from './find-users';
import { getUser } from './get-user';
import { updateUser } from './update-user';

export function userRoutes(app: FastifyInstance) {
  route(app, userEndpoints.list, {
    access: { permission: ['users', 'read'] },
    handler: (request) => findUsers(request.ctx, request.query),
  });

  route(app, userEndpoints.create, {
    access: { permission: ['users', 'create'] },
    handler: async (request, reply) => sendWithEtag(reply, await createUser(request.ctx, request.body)),
  });

  route(app, userEndpoints.get, {
    access: { permission: ['users', 'read'] },
    handler: async (request, reply) => sendWithEtag(reply, await getUser(request.ctx, request.params.id)),
  });

  route(app, userEndpoints.update, {
    access: { permission: ['users', 'update'] },
    handler: async (request, reply) =>
      sendWithEtag(reply, await updateUser(request.ctx, request.params.id, requiredVersion(request), request.body)),
  });
}
