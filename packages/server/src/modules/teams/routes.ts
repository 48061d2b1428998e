import {
  createTeamInputSchema,
  idParamSchema,
  pageOf,
  teamListQuerySchema,
  teamSchema,
  updateTeamInputSchema,
} from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { expectedVersion, requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { findTeams } from './find-teams';
import { getTeam } from './get-team';
import { createTeam, deleteTeam, updateTeam } from './write-teams';

export function teamRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Teams'];

  r.get(
    '/api/teams',
    {
      schema: { tags, summary: 'List teams', querystring: teamListQuerySchema, response: { 200: pageOf(teamSchema) } },
      config: { access: { permission: ['teams', 'read'] } },
    },
    (request) => findTeams(request.ctx, request.query),
  );
  r.post(
    '/api/teams',
    {
      schema: { tags, summary: 'Create a team', body: createTeamInputSchema, response: { 201: teamSchema } },
      config: { access: { permission: ['teams', 'create'] } },
    },
    async (request, reply) => reply.code(201).send(sendWithEtag(reply, await createTeam(request.ctx, request.body))),
  );
  r.get(
    '/api/teams/:id',
    {
      schema: { tags, summary: 'Get a team', params: idParamSchema, response: { 200: teamSchema } },
      config: { access: { permission: ['teams', 'read'] } },
    },
    async (request, reply) => sendWithEtag(reply, await getTeam(request.ctx, request.params.id)),
  );
  r.patch(
    '/api/teams/:id',
    {
      schema: {
        tags,
        summary: 'Update a team (If-Match: "<version>")',
        params: idParamSchema,
        body: updateTeamInputSchema,
        response: { 200: teamSchema },
      },
      config: { access: { permission: ['teams', 'update'] } },
    },
    async (request, reply) =>
      sendWithEtag(reply, await updateTeam(request.ctx, request.params.id, requiredVersion(request), request.body)),
  );
  r.delete(
    '/api/teams/:id',
    {
      schema: { tags, summary: 'Delete an empty team (If-Match: "<version>")', params: idParamSchema },
      config: { access: { permission: ['teams', 'delete'] } },
    },
    async (request, reply) => {
      await deleteTeam(request.ctx, request.params.id, expectedVersion(request));
      return reply.code(204).send();
    },
  );
}
