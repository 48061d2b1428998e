import {
  createUserInputSchema,
  idParamSchema,
  pageOf,
  updateUserInputSchema,
  userListQuerySchema,
  userSchema,
} from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { createUser } from './create-user';
import { findUsers } from './find-users';
import { getUser } from './get-user';
import { updateUser } from './update-user';

export function userRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Users'];

  r.get(
    '/api/users',
    {
      schema: { tags, summary: 'List users', querystring: userListQuerySchema, response: { 200: pageOf(userSchema) } },
      config: { access: { permission: ['users', 'read'] } },
    },
    (request) => findUsers(request.ctx, request.query),
  );

  r.post(
    '/api/users',
    {
      schema: { tags, summary: 'Create a user', body: createUserInputSchema, response: { 201: userSchema } },
      config: { access: { permission: ['users', 'create'] } },
    },
    async (request, reply) => reply.code(201).send(sendWithEtag(reply, await createUser(request.ctx, request.body))),
  );

  r.get(
    '/api/users/:id',
    {
      schema: { tags, summary: 'Get a user', params: idParamSchema, response: { 200: userSchema } },
      config: { access: { permission: ['users', 'read'] } },
    },
    async (request, reply) => sendWithEtag(reply, await getUser(request.ctx, request.params.id)),
  );

  r.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Update a user (If-Match: "<version>")',
        params: idParamSchema,
        body: updateUserInputSchema,
        response: { 200: userSchema },
      },
      config: { access: { permission: ['users', 'update'] } },
    },
    async (request, reply) =>
      sendWithEtag(reply, await updateUser(request.ctx, request.params.id, requiredVersion(request), request.body)),
  );
}
