import { customerSchema } from '../customers/customer-schemas';
import { defineEndpoint, idParamSchema } from '../platform/contract';
import { homeCardTags } from '../platform/home-cards';
import { pageOf } from '../platform/pagination';
import { poolReturnCardSchema } from './home-card-schemas';
import {
  assignCustomerInputSchema,
  customerOwnershipSchema,
  handoverInputSchema,
  handoverPreviewQuerySchema,
  handoverPreviewSchema,
  handoverResultSchema,
  poolCustomerSchema,
  poolListQuerySchema,
  poolQuotaSchema,
  poolRuleInputSchema,
  poolRuleSchema,
  poolRulesSchema,
  poolRuleTargetSchema,
  poolRuleTeamSchema,
  releaseCustomerInputSchema,
} from './pool-schemas';

const publicPoolTags = ['Public pool'];
const customersTags = ['Customers'];

export const poolEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/pool',
    tags: publicPoolTags,
    summary: 'Customers in the pools the caller works with, most recently returned first',
    query: poolListQuerySchema,
    response: pageOf(poolCustomerSchema),
  }),
  quota: defineEndpoint({
    method: 'GET',
    path: '/api/pool/quota',
    tags: publicPoolTags,
    summary: "The caller's claim limits and how many claims are left",
    response: poolQuotaSchema,
  }),
  rules: defineEndpoint({
    method: 'GET',
    path: '/api/pool/rules',
    tags: publicPoolTags,
    summary: "The organisation's pool rule and the team overrides (version 0: never saved, defaults apply)",
    response: poolRulesSchema,
  }),
  saveRule: defineEndpoint({
    method: 'PUT',
    path: '/api/pool/rules',
    tags: publicPoolTags,
    summary: 'Save the organisation rule, or a team override with ?teamId= (If-Match: "<version>", "0" to create)',
    query: poolRuleTargetSchema,
    body: poolRuleInputSchema,
    response: poolRuleSchema,
  }),
  deleteRule: defineEndpoint({
    method: 'DELETE',
    path: '/api/pool/rules',
    tags: publicPoolTags,
    summary: "Remove a team's override; the team follows the organisation rule again",
    query: poolRuleTeamSchema,
  }),
  ownership: defineEndpoint({
    method: 'GET',
    path: '/api/customers/:id/ownership',
    tags: customersTags,
    summary: 'Owner, protection, pool state and return date of a customer, and what the caller may do',
    params: idParamSchema,
    response: customerOwnershipSchema,
  }),
  claim: defineEndpoint({
    method: 'POST',
    path: '/api/customers/:id/claim',
    tags: customersTags,
    summary: 'Claim a customer from the pool (409 pool.not_in_pool, pool.claim_limit, pool.daily_claim_limit)',
    params: idParamSchema,
    response: customerSchema,
  }),
  release: defineEndpoint({
    method: 'POST',
    path: '/api/customers/:id/release',
    tags: customersTags,
    summary: "Put a customer back into its team's pool, with a reason (owner, or a manager)",
    params: idParamSchema,
    body: releaseCustomerInputSchema,
    response: poolCustomerSchema,
  }),
  assign: defineEndpoint({
    method: 'POST',
    path: '/api/customers/:id/assign',
    tags: customersTags,
    summary: 'Give a customer to a user in your scope; they are notified',
    params: idParamSchema,
    body: assignCustomerInputSchema,
    response: customerSchema,
  }),
  handover: defineEndpoint({
    method: 'POST',
    path: '/api/customers/handover',
    tags: customersTags,
    summary: "Hand a departing rep's customers (all in your scope, or the listed ones) to a colleague",
    body: handoverInputSchema,
    response: handoverResultSchema,
  }),
  handoverPreview: defineEndpoint({
    method: 'GET',
    path: '/api/customers/handover/preview',
    tags: customersTags,
    summary: 'How many customers a handover from this user would move now (theirs in your scope)',
    query: handoverPreviewQuerySchema,
    response: handoverPreviewSchema,
  }),
};

/** The pool's card of the home page. */
export const poolHomeCardEndpoints = {
  poolReturns: defineEndpoint({
    method: 'GET',
    path: '/api/home/pool-returns',
    operationId: 'home.poolReturns',
    tags: homeCardTags,
    summary: 'Home: customers in the caller’s scope the pool rule returns to the pool soon, soonest first',
    response: poolReturnCardSchema,
  }),
};
