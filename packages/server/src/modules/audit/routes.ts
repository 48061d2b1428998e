import { auditEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import { route } from '../../platform/http/route';
import { findAuditEntries } from './find-audit-entries';

export function auditRoutes(app: FastifyInstance) {
  route(app, auditEndpoints.list, {
    access: { permission: ['audit', 'read'] },
    handler: (request) => findAuditEntries(request.ctx, request.query),
  });
}
