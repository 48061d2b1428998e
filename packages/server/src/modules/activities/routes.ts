import {
  activityListQuerySchema,
  activitySchema,
  createActivityInputSchema,
  idParamSchema,
  pageOf,
  updateActivityInputSchema,
} from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { expectedVersion, requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { findActivities, getActivity } from './find-activities';
import { createActivity, deleteActivity, updateActivity } from './write-activities';

export function activityRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Activities'];

  r.get(
    '/api/activities',
    {
      schema: {
        tags,
        summary: 'Calls, emails, meetings and visits the caller may see, newest first',
        querystring: activityListQuerySchema,
        response: { 200: pageOf(activitySchema) },
      },
      config: { access: { permission: ['activities', 'read'] } },
    },
    (request) => findActivities(request.ctx, request.query),
  );
  r.post(
    '/api/activities',
    {
      schema: {
        tags,
        summary: 'Log an activity on a customer (and one of its opportunities); counts as a follow-up',
        body: createActivityInputSchema,
        response: { 201: activitySchema },
      },
      config: { access: { permission: ['activities', 'create'] } },
    },
    async (request, reply) =>
      reply.code(201).send(sendWithEtag(reply, await createActivity(request.ctx, request.body))),
  );
  r.get(
    '/api/activities/:id',
    {
      schema: { tags, summary: 'One activity', params: idParamSchema, response: { 200: activitySchema } },
      config: { access: { permission: ['activities', 'read'] } },
    },
    async (request, reply) => sendWithEtag(reply, await getActivity(request.ctx, request.params.id)),
  );
  r.patch(
    '/api/activities/:id',
    {
      schema: {
        tags,
        summary: 'Correct an activity (If-Match: "<version>"); by default only who logged it may',
        params: idParamSchema,
        body: updateActivityInputSchema,
        response: { 200: activitySchema },
      },
      config: { access: { permission: ['activities', 'update'] } },
    },
    async (request, reply) =>
      sendWithEtag(reply, await updateActivity(request.ctx, request.params.id, requiredVersion(request), request.body)),
  );
  r.delete(
    '/api/activities/:id',
    {
      schema: {
        tags,
        summary: 'Delete an activity (If-Match optional); it stays in the history',
        params: idParamSchema,
      },
      config: { access: { permission: ['activities', 'delete'] } },
    },
    async (request, reply) => {
      await deleteActivity(request.ctx, request.params.id, expectedVersion(request));
      return reply.code(204).send();
    },
  );
}
