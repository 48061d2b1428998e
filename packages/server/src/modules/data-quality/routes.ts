import {
  createDuplicateDismissalInputSchema,
  dataIssueItemSchema,
  dataIssueQuerySchema,
  dataQualityQuerySchema,
  dataQualityReportSchema,
  duplicateDismissalItemSchema,
  duplicateDismissalQuerySchema,
  duplicateDismissalSchema,
  duplicateGroupQuerySchema,
  duplicateGroupSchema,
  idParamSchema,
  pageOf,
} from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  customerDataQuality,
  dismissDuplicateGroup,
  findDataIssues,
  findDuplicateGroups,
} from './customer-data-quality';
import { findDuplicateDismissals } from './find-duplicate-dismissals';
import { undoDuplicateDismissal } from './undo-duplicate-dismissal';

export function dataQualityRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Data quality'];

  r.get(
    '/api/data-quality/customers',
    {
      schema: {
        tags,
        summary:
          'Completeness per field, invalid values, records without owner, stale records and duplicate groups of the customers you may see',
        querystring: dataQualityQuerySchema,
        response: { 200: dataQualityReportSchema },
      },
      config: { access: { permission: ['dataQuality', 'read'] } },
    },
    (request) => customerDataQuality(request.ctx, request.query.staleMonths),
  );
  r.get(
    '/api/data-quality/customers/issues',
    {
      schema: {
        tags,
        summary: 'The customers with one kind of problem, newest first',
        querystring: dataIssueQuerySchema,
        response: { 200: pageOf(dataIssueItemSchema) },
      },
      config: { access: { permission: ['dataQuality', 'read'] } },
    },
    (request) => findDataIssues(request.ctx, request.query),
  );
  r.get(
    '/api/data-quality/customers/duplicates',
    {
      schema: {
        tags,
        summary: 'Groups of customers sharing a credit code, normalised name or phone, awaiting review',
        querystring: duplicateGroupQuerySchema,
        response: { 200: pageOf(duplicateGroupSchema) },
      },
      config: { access: { permission: ['dataQuality', 'read'] } },
    },
    (request) => findDuplicateGroups(request.ctx, request.query),
  );
  r.post(
    '/api/data-quality/duplicate-dismissals',
    {
      schema: {
        tags,
        summary: 'Mark a duplicate group as "not duplicates"; it stays hidden until another customer joins it',
        body: createDuplicateDismissalInputSchema,
        response: { 201: duplicateDismissalSchema },
      },
      config: { access: { permission: ['customers', 'merge'] } },
    },
    async (request, reply) => reply.code(201).send(await dismissDuplicateGroup(request.ctx, request.body)),
  );
  r.get(
    '/api/data-quality/duplicate-dismissals',
    {
      schema: {
        tags,
        summary: 'The "not duplicates" decisions on customers you may see, newest first, with who made them',
        querystring: duplicateDismissalQuerySchema,
        response: { 200: pageOf(duplicateDismissalItemSchema) },
      },
      config: { access: { permission: ['dataQuality', 'read'] } },
    },
    (request) => findDuplicateDismissals(request.ctx, request.query),
  );
  r.delete(
    '/api/data-quality/duplicate-dismissals/:id',
    {
      schema: {
        tags,
        summary: 'Undo a "not duplicates" decision; the group is listed for review again',
        params: idParamSchema,
      },
      config: { access: { permission: ['customers', 'merge'] } },
    },
    async (request, reply) => {
      await undoDuplicateDismissal(request.ctx, request.params.id);
      return reply.code(204).send();
    },
  );
}
