import {
  createSavedViewInputSchema,
  createSegmentInputSchema,
  customerSchema,
  idParamSchema,
  pageOf,
  savedViewListQuerySchema,
  savedViewSchema,
  segmentListQuerySchema,
  segmentMembersQuerySchema,
  segmentSchema,
  updateSavedViewInputSchema,
  updateSegmentInputSchema,
} from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { expectedVersion, requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { createSavedView, deleteSavedView, findSavedViews, updateSavedView } from './saved-views';
import { createSegment, deleteSegment, findSegmentMembers, findSegments, getSegment, updateSegment } from './segments';

export function segmentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Segments'];

  r.get(
    '/api/segments',
    {
      schema: {
        tags,
        summary: 'List segments (shared ones and your own private ones); member counts are on the detail',
        querystring: segmentListQuerySchema,
        response: { 200: pageOf(segmentSchema) },
      },
      config: { access: { permission: ['segments', 'read'] } },
    },
    (request) => findSegments(request.ctx, request.query),
  );
  r.post(
    '/api/segments',
    {
      schema: { tags, summary: 'Create a segment', body: createSegmentInputSchema, response: { 201: segmentSchema } },
      config: { access: { permission: ['segments', 'create'] } },
    },
    async (request, reply) => reply.code(201).send(sendWithEtag(reply, await createSegment(request.ctx, request.body))),
  );
  r.get(
    '/api/segments/:id',
    {
      schema: {
        tags,
        summary: 'Get a segment with its live member count (customers you may see)',
        params: idParamSchema,
        response: { 200: segmentSchema },
      },
      config: { access: { permission: ['segments', 'read'] } },
    },
    async (request, reply) => sendWithEtag(reply, await getSegment(request.ctx, request.params.id)),
  );
  r.get(
    '/api/segments/:id/members',
    {
      schema: {
        tags,
        summary: "The segment's customers you may see, as GET /api/customers?segment={id} answers them",
        params: idParamSchema,
        querystring: segmentMembersQuerySchema,
        response: { 200: pageOf(customerSchema) },
      },
      config: { access: { permission: ['segments', 'read'] } },
    },
    (request) => findSegmentMembers(request.ctx, request.params.id, request.query),
  );
  r.patch(
    '/api/segments/:id',
    {
      schema: {
        tags,
        summary: 'Update a segment (If-Match: "<version>")',
        params: idParamSchema,
        body: updateSegmentInputSchema,
        response: { 200: segmentSchema },
      },
      config: { access: { permission: ['segments', 'update'] } },
    },
    async (request, reply) =>
      sendWithEtag(reply, await updateSegment(request.ctx, request.params.id, requiredVersion(request), request.body)),
  );
  r.delete(
    '/api/segments/:id',
    {
      schema: { tags, summary: 'Delete a segment (If-Match: "<version>")', params: idParamSchema },
      config: { access: { permission: ['segments', 'delete'] } },
    },
    async (request, reply) => {
      await deleteSegment(request.ctx, request.params.id, expectedVersion(request));
      return reply.code(204).send();
    },
  );

  const viewTags = ['Saved views'];
  r.get(
    '/api/saved-views',
    {
      schema: {
        tags: viewTags,
        summary: 'Your saved views of a list and those colleagues shared',
        querystring: savedViewListQuerySchema,
        response: { 200: pageOf(savedViewSchema) },
      },
      config: { access: { permission: ['customers', 'read'] } },
    },
    (request) => findSavedViews(request.ctx, request.query.resource),
  );
  r.post(
    '/api/saved-views',
    {
      schema: {
        tags: viewTags,
        summary: "Save a list's filters, sort and columns under a name",
        body: createSavedViewInputSchema,
        response: { 201: savedViewSchema },
      },
      config: { access: { permission: ['customers', 'read'] } },
    },
    async (request, reply) =>
      reply.code(201).send(sendWithEtag(reply, await createSavedView(request.ctx, request.body))),
  );
  r.patch(
    '/api/saved-views/:id',
    {
      schema: {
        tags: viewTags,
        summary: 'Rename, share or change your saved view (If-Match: "<version>")',
        params: idParamSchema,
        body: updateSavedViewInputSchema,
        response: { 200: savedViewSchema },
      },
      config: { access: { permission: ['customers', 'read'] } },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await updateSavedView(request.ctx, request.params.id, requiredVersion(request), request.body),
      ),
  );
  r.delete(
    '/api/saved-views/:id',
    {
      schema: { tags: viewTags, summary: 'Delete your saved view', params: idParamSchema },
      config: { access: { permission: ['customers', 'read'] } },
    },
    async (request, reply) => {
      await deleteSavedView(request.ctx, request.params.id, expectedVersion(request));
      return reply.code(204).send();
    },
  );
}
