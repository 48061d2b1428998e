import { auditEntrySchema, auditListQuerySchema, pageOf } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { findAuditEntries } from './find-audit-entries';

export function auditRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/audit',
    {
      schema: {
        tags: ['Audit'],
        summary: 'Search the audit log (newest first)',
        querystring: auditListQuerySchema,
        response: { 200: pageOf(auditEntrySchema) },
      },
      config: { access: { permission: ['audit', 'read'] } },
    },
    (request) => findAuditEntries(request.ctx, request.query),
  );
}
