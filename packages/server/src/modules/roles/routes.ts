import {
  createRoleInputSchema,
  idParamSchema,
  pageOf,
  roleListQuerySchema,
  roleSchema,
  updateRoleInputSchema,
} from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { expectedVersion, requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { findRoles, getRole } from './find-roles';
import { createRole, deleteRole, updateRole } from './write-roles';

export function roleRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Roles'];

  r.get(
    '/api/roles',
    {
      schema: { tags, summary: 'List roles', querystring: roleListQuerySchema, response: { 200: pageOf(roleSchema) } },
      config: { access: { permission: ['roles', 'read'] } },
    },
    (request) => findRoles(request.ctx, request.query),
  );
  r.post(
    '/api/roles',
    {
      schema: { tags, summary: 'Create a custom role', body: createRoleInputSchema, response: { 201: roleSchema } },
      config: { access: { permission: ['roles', 'create'] } },
    },
    async (request, reply) => reply.code(201).send(sendWithEtag(reply, await createRole(request.ctx, request.body))),
  );
  r.get(
    '/api/roles/:id',
    {
      schema: { tags, summary: 'Get a role', params: idParamSchema, response: { 200: roleSchema } },
      config: { access: { permission: ['roles', 'read'] } },
    },
    async (request, reply) => sendWithEtag(reply, await getRole(request.ctx, request.params.id)),
  );
  r.patch(
    '/api/roles/:id',
    {
      schema: {
        tags,
        summary: 'Update a role (If-Match: "<version>")',
        params: idParamSchema,
        body: updateRoleInputSchema,
        response: { 200: roleSchema },
      },
      config: { access: { permission: ['roles', 'update'] } },
    },
    async (request, reply) =>
      sendWithEtag(reply, await updateRole(request.ctx, request.params.id, requiredVersion(request), request.body)),
  );
  r.delete(
    '/api/roles/:id',
    {
      schema: { tags, summary: 'Delete a custom role (If-Match: "<version>")', params: idParamSchema },
      config: { access: { permission: ['roles', 'delete'] } },
    },
    async (request, reply) => {
      await deleteRole(request.ctx, request.params.id, expectedVersion(request));
      return reply.code(204).send();
    },
  );
}
