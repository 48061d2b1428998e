import { savedViewEndpoints, segmentEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { Access } from '../../platform/http/access';
import { route } from '../../platform/http/route';
import { expectedVersion, requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { createSavedView, deleteSavedView, findSavedViews, updateSavedView } from './saved-views';
import { createSegment, deleteSegment, findSegmentMembers, findSegments, getSegment, updateSegment } from './segments';

const savedViewAccess: Access = {
  anyPermission: [
    ['customers', 'read'],
    ['shipments', 'read'],
  ],
};

export function segmentRoutes(app: FastifyInstance) {
  route(app, segmentEndpoints.list, {
    access: { permission: ['segments', 'read'] },
    handler: (request) => findSegments(request.ctx, request.query),
  });
  route(app, segmentEndpoints.create, {
    access: { permission: ['segments', 'create'] },
    handler: async (request, reply) => sendWithEtag(reply, await createSegment(request.ctx, request.body)),
  });
  route(app, segmentEndpoints.get, {
    access: { permission: ['segments', 'read'] },
    handler: async (request, reply) => sendWithEtag(reply, await getSegment(request.ctx, request.params.id)),
  });
  route(app, segmentEndpoints.members, {
    access: { permission: ['segments', 'read'] },
    handler: (request) => findSegmentMembers(request.ctx, request.params.id, request.query),
  });
  route(app, segmentEndpoints.update, {
    access: { permission: ['segments', 'update'] },
    handler: async (request, reply) =>
      sendWithEtag(reply, await updateSegment(request.ctx, request.params.id, requiredVersion(request), request.body)),
  });
  route(app, segmentEndpoints.delete, {
    access: { permission: ['segments', 'delete'] },
    handler: (request) => deleteSegment(request.ctx, request.params.id, expectedVersion(request)),
  });
  // A view is of a list: the use cases require read on the view's own list (customers or shipments).
  route(app, savedViewEndpoints.list, {
    access: savedViewAccess,
    handler: (request) => findSavedViews(request.ctx, request.query.resource),
  });
  route(app, savedViewEndpoints.create, {
    access: savedViewAccess,
    handler: async (request, reply) => sendWithEtag(reply, await createSavedView(request.ctx, request.body)),
  });
  route(app, savedViewEndpoints.update, {
    access: savedViewAccess,
    handler: async (request, reply) =>
      sendWithEtag(
        reply,
        await updateSavedView(request.ctx, request.params.id, requiredVersion(request), request.body),
      ),
  });
  route(app, savedViewEndpoints.delete, {
    access: savedViewAccess,
    handler: (request) => deleteSavedView(request.ctx, request.params.id, expectedVersion(request)),
  });
}
