import { dataQualityEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import { route } from '../../platform/http/route';
import {
  customerDataQuality,
  dismissDuplicateGroup,
  findDataIssues,
  findDuplicateGroups,
} from './customer-data-quality';
import { findDuplicateDismissals } from './find-duplicate-dismissals';
import { undoDuplicateDismissal } from './undo-duplicate-dismissal';

export function dataQualityRoutes(app: FastifyInstance) {
  route(app, dataQualityEndpoints.report, {
    access: { permission: ['dataQuality', 'read'] },
    handler: (request) => customerDataQuality(request.ctx, request.query.staleMonths),
  });
  route(app, dataQualityEndpoints.issues, {
    access: { permission: ['dataQuality', 'read'] },
    handler: (request) => findDataIssues(request.ctx, request.query),
  });
  route(app, dataQualityEndpoints.duplicateGroups, {
    access: { permission: ['dataQuality', 'read'] },
    handler: (request) => findDuplicateGroups(request.ctx, request.query),
  });
  route(app, dataQualityEndpoints.dismiss, {
    access: { permission: ['customers', 'merge'] },
    handler: (request) => dismissDuplicateGroup(request.ctx, request.body),
  });
  route(app, dataQualityEndpoints.dismissals, {
    access: { permission: ['dataQuality', 'read'] },
    handler: (request) => findDuplicateDismissals(request.ctx, request.query),
  });
  route(app, dataQualityEndpoints.undoDismissal, {
    access: { permission: ['customers', 'merge'] },
    handler: (request) => undoDuplicateDismissal(request.ctx, request.params.id),
  });
}
