import { poolEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import { route } from '../../platform/http/route';
import { expectedVersion, requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { assignCustomer, handoverCustomers } from './assign-customer';
import { claimCustomer, poolQuota } from './claim-customer';
import { getCustomerOwnership } from './customer-ownership';
import { findPoolCustomers } from './find-pool-customers';
import { deletePoolRule, getPoolRules, savePoolRule } from './pool-rules';
import { previewHandover } from './preview-handover';
import { releaseCustomer } from './release-customer';

/** Ownership and the public pool (公海): pool list, claim, release, assign, handover and the rules. */
export function poolRoutes(app: FastifyInstance) {
  route(app, poolEndpoints.list, {
    access: { permission: ['pool', 'read'] },
    handler: (request) => findPoolCustomers(request.ctx, request.query),
  });
  route(app, poolEndpoints.quota, {
    access: { permission: ['pool', 'claim'] },
    handler: (request) => poolQuota(request.ctx),
  });
  route(app, poolEndpoints.rules, {
    access: { permission: ['pool', 'read'] },
    handler: (request) => getPoolRules(request.ctx),
  });
  route(app, poolEndpoints.saveRule, {
    access: { permission: ['pool', 'configure'] },
    handler: async (request, reply) =>
      sendWithEtag(
        reply,
        await savePoolRule(request.ctx, request.query.teamId ?? null, requiredVersion(request), request.body),
      ),
  });
  route(app, poolEndpoints.deleteRule, {
    access: { permission: ['pool', 'configure'] },
    handler: (request) => deletePoolRule(request.ctx, request.query.teamId, expectedVersion(request)),
  });
  route(app, poolEndpoints.ownership, {
    access: {
      anyPermission: [
        ['customers', 'read'],
        ['pool', 'read'],
      ],
    },
    handler: (request) => getCustomerOwnership(request.ctx, request.params.id),
  });
  route(app, poolEndpoints.claim, {
    access: { permission: ['pool', 'claim'] },
    handler: async (request, reply) => sendWithEtag(reply, await claimCustomer(request.ctx, request.params.id)),
  });
  route(app, poolEndpoints.release, {
    access: {
      anyPermission: [
        ['customers', 'update'],
        ['customers', 'assign'],
      ],
    },
    handler: (request) => releaseCustomer(request.ctx, request.params.id, expectedVersion(request), request.body),
  });
  route(app, poolEndpoints.assign, {
    access: { permission: ['customers', 'assign'] },
    handler: async (request, reply) =>
      sendWithEtag(reply, await assignCustomer(request.ctx, request.params.id, expectedVersion(request), request.body)),
  });
  route(app, poolEndpoints.handover, {
    access: { permission: ['customers', 'assign'] },
    handler: (request) => handoverCustomers(request.ctx, request.body),
  });
  route(app, poolEndpoints.handoverPreview, {
    access: { permission: ['customers', 'assign'] },
    handler: (request) => previewHandover(request.ctx, request.query.fromUserId),
  });
}
