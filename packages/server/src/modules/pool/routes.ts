import {
  assignCustomerInputSchema,
  customerOwnershipSchema,
  customerSchema,
  handoverInputSchema,
  handoverPreviewQuerySchema,
  handoverPreviewSchema,
  handoverResultSchema,
  idParamSchema,
  pageOf,
  poolCustomerSchema,
  poolListQuerySchema,
  poolQuotaSchema,
  poolRuleInputSchema,
  poolRuleSchema,
  poolRulesSchema,
  poolRuleTargetSchema,
  poolRuleTeamSchema,
  releaseCustomerInputSchema,
} from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Public pool'];

  r.get(
    '/api/pool',
    {
      schema: {
        tags,
        summary: 'Customers in the pools the caller works with, most recently returned first',
        querystring: poolListQuerySchema,
        response: { 200: pageOf(poolCustomerSchema) },
      },
      config: { access: { permission: ['pool', 'read'] } },
    },
    (request) => findPoolCustomers(request.ctx, request.query),
  );
  r.get(
    '/api/pool/quota',
    {
      schema: {
        tags,
        summary: "The caller's claim limits and how many claims are left",
        response: { 200: poolQuotaSchema },
      },
      config: { access: { permission: ['pool', 'claim'] } },
    },
    (request) => poolQuota(request.ctx),
  );
  r.get(
    '/api/pool/rules',
    {
      schema: {
        tags,
        summary: "The organisation's pool rule and the team overrides (version 0: never saved, defaults apply)",
        response: { 200: poolRulesSchema },
      },
      config: { access: { permission: ['pool', 'read'] } },
    },
    (request) => getPoolRules(request.ctx),
  );
  r.put(
    '/api/pool/rules',
    {
      schema: {
        tags,
        summary: 'Save the organisation rule, or a team override with ?teamId= (If-Match: "<version>", "0" to create)',
        querystring: poolRuleTargetSchema,
        body: poolRuleInputSchema,
        response: { 200: poolRuleSchema },
      },
      config: { access: { permission: ['pool', 'configure'] } },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await savePoolRule(request.ctx, request.query.teamId ?? null, requiredVersion(request), request.body),
      ),
  );
  r.delete(
    '/api/pool/rules',
    {
      schema: {
        tags,
        summary: "Remove a team's override; the team follows the organisation rule again",
        querystring: poolRuleTeamSchema,
      },
      config: { access: { permission: ['pool', 'configure'] } },
    },
    async (request, reply) => {
      await deletePoolRule(request.ctx, request.query.teamId, expectedVersion(request));
      return reply.code(204).send();
    },
  );

  const customerTags = ['Customers'];
  r.get(
    '/api/customers/:id/ownership',
    {
      schema: {
        tags: customerTags,
        summary: 'Owner, protection, pool state and return date of a customer, and what the caller may do',
        params: idParamSchema,
        response: { 200: customerOwnershipSchema },
      },
      config: {
        access: {
          anyPermission: [
            ['customers', 'read'],
            ['pool', 'read'],
          ],
        },
      },
    },
    (request) => getCustomerOwnership(request.ctx, request.params.id),
  );
  r.post(
    '/api/customers/:id/claim',
    {
      schema: {
        tags: customerTags,
        summary: 'Claim a customer from the pool (409 pool.not_in_pool, pool.claim_limit, pool.daily_claim_limit)',
        params: idParamSchema,
        response: { 200: customerSchema },
      },
      config: { access: { permission: ['pool', 'claim'] } },
    },
    async (request, reply) => sendWithEtag(reply, await claimCustomer(request.ctx, request.params.id)),
  );
  r.post(
    '/api/customers/:id/release',
    {
      schema: {
        tags: customerTags,
        summary: "Put a customer back into its team's pool, with a reason (owner, or a manager)",
        params: idParamSchema,
        body: releaseCustomerInputSchema,
        response: { 200: poolCustomerSchema },
      },
      config: {
        access: {
          anyPermission: [
            ['customers', 'update'],
            ['customers', 'assign'],
          ],
        },
      },
    },
    (request) => releaseCustomer(request.ctx, request.params.id, expectedVersion(request), request.body),
  );
  r.post(
    '/api/customers/:id/assign',
    {
      schema: {
        tags: customerTags,
        summary: 'Give a customer to a user in your scope; they are notified',
        params: idParamSchema,
        body: assignCustomerInputSchema,
        response: { 200: customerSchema },
      },
      config: { access: { permission: ['customers', 'assign'] } },
    },
    async (request, reply) =>
      sendWithEtag(reply, await assignCustomer(request.ctx, request.params.id, expectedVersion(request), request.body)),
  );
  r.post(
    '/api/customers/handover',
    {
      schema: {
        tags: customerTags,
        summary: "Hand a departing rep's customers (all in your scope, or the listed ones) to a colleague",
        body: handoverInputSchema,
        response: { 200: handoverResultSchema },
      },
      config: { access: { permission: ['customers', 'assign'] } },
    },
    (request) => handoverCustomers(request.ctx, request.body),
  );
  r.get(
    '/api/customers/handover/preview',
    {
      schema: {
        tags: customerTags,
        summary: 'How many customers a handover from this user would move now (theirs in your scope)',
        querystring: handoverPreviewQuerySchema,
        response: { 200: handoverPreviewSchema },
      },
      config: { access: { permission: ['customers', 'assign'] } },
    },
    (request) => previewHandover(request.ctx, request.query.fromUserId),
  );
}
