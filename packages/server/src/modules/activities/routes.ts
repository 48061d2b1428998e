import { activityEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import { route } from '../../platform/http/route';
import { expectedVersion, requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { countActivities, findActivities, getActivity } from './find-activities';
import { createActivity, deleteActivity, updateActivity } from './write-activities';

export function activityRoutes(app: FastifyInstance) {
  route(app, activityEndpoints.list, {
    access: { permission: ['activities', 'read'] },
    handler: (request) => findActivities(request.ctx, request.query),
  });
  route(app, activityEndpoints.counts, {
    access: { permission: ['activities', 'read'] },
    handler: (request) => countActivities(request.ctx, request.query),
  });
  route(app, activityEndpoints.create, {
    access: { permission: ['activities', 'create'] },
    handler: async (request, reply) => sendWithEtag(reply, await createActivity(request.ctx, request.body)),
  });
  route(app, activityEndpoints.get, {
    access: { permission: ['activities', 'read'] },
    handler: async (request, reply) => sendWithEtag(reply, await getActivity(request.ctx, request.params.id)),
  });
  route(app, activityEndpoints.update, {
    access: { permission: ['activities', 'update'] },
    handler: async (request, reply) =>
      sendWithEtag(reply, await updateActivity(request.ctx, request.params.id, requiredVersion(request), request.body)),
  });
  route(app, activityEndpoints.delete, {
    access: { permission: ['activities', 'delete'] },
    handler: (request) => deleteActivity(request.ctx, request.params.id, expectedVersion(request)),
  });
}
