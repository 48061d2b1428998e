import {
  createNoteInputSchema,
  idParamSchema,
  mentionableQuerySchema,
  noteListQuerySchema,
  noteSchema,
  pageOf,
  updateNoteInputSchema,
  userRefSchema,
} from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { expectedVersion, requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { customerFor } from '../customers/public';
import { mentionableUsers } from './mentionable-users';
import { createNote, deleteNote, findNotes, updateNote } from './notes';

export function noteRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Notes'];

  r.get(
    '/api/customers/:id/notes',
    {
      schema: {
        tags,
        summary: "A customer's notes, newest first",
        params: idParamSchema,
        querystring: noteListQuerySchema,
        response: { 200: pageOf(noteSchema) },
      },
      config: { access: { permission: ['notes', 'read'] } },
    },
    (request) => findNotes(request.ctx, request.params.id, request.query),
  );
  r.post(
    '/api/customers/:id/notes',
    {
      schema: {
        tags,
        summary: 'Add a note; mentioned colleagues (who must be able to see the customer) are notified',
        params: idParamSchema,
        body: createNoteInputSchema,
        response: { 201: noteSchema },
      },
      config: { access: { permission: ['notes', 'create'] } },
    },
    async (request, reply) =>
      reply.code(201).send(sendWithEtag(reply, await createNote(request.ctx, request.params.id, request.body))),
  );
  r.get(
    '/api/customers/:id/mentionable-users',
    {
      schema: {
        tags,
        summary: 'Colleagues who can see the customer and so may be mentioned in its notes',
        params: idParamSchema,
        querystring: mentionableQuerySchema,
        response: { 200: z.object({ items: z.array(userRefSchema) }) },
      },
      config: { access: { permission: ['notes', 'create'] } },
    },
    async (request) => {
      await customerFor(request.ctx, 'notes', 'create', request.params.id);
      const items = await mentionableUsers(request.ctx, request.params.id, {
        q: request.query.q,
        limit: request.query.limit + 1,
      });
      return { items: items.filter((u) => u.id !== request.ctx.userId).slice(0, request.query.limit) };
    },
  );
  r.patch(
    '/api/notes/:id',
    {
      schema: {
        tags,
        summary: 'Edit a note (If-Match: "<version>"); by default only its author may',
        params: idParamSchema,
        body: updateNoteInputSchema,
        response: { 200: noteSchema },
      },
      config: { access: { permission: ['notes', 'update'] } },
    },
    async (request, reply) =>
      sendWithEtag(reply, await updateNote(request.ctx, request.params.id, requiredVersion(request), request.body)),
  );
  r.delete(
    '/api/notes/:id',
    {
      schema: { tags, summary: 'Delete a note (If-Match optional); it stays in the history', params: idParamSchema },
      config: { access: { permission: ['notes', 'delete'] } },
    },
    async (request, reply) => {
      await deleteNote(request.ctx, request.params.id, expectedVersion(request));
      return reply.code(204).send();
    },
  );
}
