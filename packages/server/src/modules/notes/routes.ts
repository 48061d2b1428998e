import { noteEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import { route } from '../../platform/http/route';
import { expectedVersion, requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { customerFor } from '../customers';
import { mentionableUsers } from './mentionable-users';
import { createNote, deleteNote, findNotes, updateNote } from './notes';

export function noteRoutes(app: FastifyInstance) {
  route(app, noteEndpoints.list, {
    access: { permission: ['notes', 'read'] },
    handler: (request) => findNotes(request.ctx, request.params.id, request.query),
  });
  route(app, noteEndpoints.create, {
    access: { permission: ['notes', 'create'] },
    handler: async (request, reply) =>
      sendWithEtag(reply, await createNote(request.ctx, request.params.id, request.body)),
  });
  route(app, noteEndpoints.mentionableUsers, {
    access: { permission: ['notes', 'create'] },
    handler: async (request) => {
      await customerFor(request.ctx, 'notes', 'create', request.params.id);
      const items = await mentionableUsers(request.ctx, request.params.id, {
        q: request.query.q,
        limit: request.query.limit + 1,
      });
      return { items: items.filter((u) => u.id !== request.ctx.userId).slice(0, request.query.limit) };
    },
  });
  route(app, noteEndpoints.update, {
    access: { permission: ['notes', 'update'] },
    handler: async (request, reply) =>
      sendWithEtag(reply, await updateNote(request.ctx, request.params.id, requiredVersion(request), request.body)),
  });
  route(app, noteEndpoints.delete, {
    access: { permission: ['notes', 'delete'] },
    handler: (request) => deleteNote(request.ctx, request.params.id, expectedVersion(request)),
  });
}
