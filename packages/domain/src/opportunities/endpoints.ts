import { defineEndpoint, idParamSchema } from '../platform/contract';
import { homeCardTags } from '../platform/home-cards';
import { pageOf } from '../platform/pagination';
import {
  inquiryHomeCardSchema,
  pipelineHomeCardSchema,
  teamHomeCardSchema,
  wonHomeCardSchema,
} from './home-card-schemas';
import { createInquiryInputSchema, inquiryListQuerySchema, inquirySchema } from './inquiry-schemas';
import {
  createOpportunityInputSchema,
  opportunityListQuerySchema,
  opportunitySchema,
  stageHistorySchema,
  updateOpportunityInputSchema,
} from './opportunity-schemas';
import { forecastQuerySchema, forecastSchema, statsQuerySchema, statsSchema } from './report-schemas';
import {
  createLostReasonInputSchema,
  lostReasonListQuerySchema,
  lostReasonSchema,
  stageConfigInputSchema,
  stageListQuerySchema,
  stageListSchema,
  updateLostReasonInputSchema,
} from './stage-schemas';

const opportunitiesTags = ['Opportunities'];
const inquiriesTags = ['Inquiries'];

export const opportunityEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/opportunities',
    tags: opportunitiesTags,
    summary: 'List opportunities (each board column is this list filtered by stage)',
    query: opportunityListQuerySchema,
    response: pageOf(opportunitySchema),
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/opportunities',
    tags: opportunitiesTags,
    summary: 'Create an opportunity',
    body: createOpportunityInputSchema,
    response: opportunitySchema,
    status: 201,
  }),
  forecast: defineEndpoint({
    method: 'GET',
    path: '/api/opportunities/forecast',
    tags: opportunitiesTags,
    summary: 'Weighted pipeline by month, owner, team or lane, per currency',
    query: forecastQuerySchema,
    response: forecastSchema,
  }),
  stats: defineEndpoint({
    method: 'GET',
    path: '/api/opportunities/stats',
    tags: opportunitiesTags,
    summary: 'Win rate, average cycle time and days per stage, by stage, lane, source or owner',
    query: statsQuerySchema,
    response: statsSchema,
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/opportunities/:id',
    tags: opportunitiesTags,
    summary: 'Get an opportunity',
    params: idParamSchema,
    response: opportunitySchema,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/opportunities/:id',
    tags: opportunitiesTags,
    summary: 'Update or move an opportunity ({stage}; lost needs lostReasonId) (If-Match: "<version>")',
    params: idParamSchema,
    body: updateOpportunityInputSchema,
    response: opportunitySchema,
  }),
  delete: defineEndpoint({
    method: 'DELETE',
    path: '/api/opportunities/:id',
    tags: opportunitiesTags,
    summary: 'Delete an opportunity (If-Match: "<version>")',
    params: idParamSchema,
  }),
  stageChanges: defineEndpoint({
    method: 'GET',
    path: '/api/opportunities/:id/stage-changes',
    tags: opportunitiesTags,
    summary: "An opportunity's stage history with the time spent in each stage, oldest first",
    params: idParamSchema,
    response: stageHistorySchema,
  }),
};

export const inquiryEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/inquiries',
    tags: inquiriesTags,
    summary: 'List inquiries, newest first',
    query: inquiryListQuerySchema,
    response: pageOf(inquirySchema),
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/inquiries',
    tags: inquiriesTags,
    summary: "Record a customer's price inquiry; it joins or opens an opportunity for the lane",
    body: createInquiryInputSchema,
    response: inquirySchema,
    status: 201,
  }),
};

export const pipelineEndpoints = {
  stages: defineEndpoint({
    method: 'GET',
    path: '/api/opportunities/stages',
    tags: opportunitiesTags,
    summary: 'The pipeline stages in order, names in the caller language (ETag: the configuration version)',
    query: stageListQuerySchema,
    response: stageListSchema,
  }),
  configureStages: defineEndpoint({
    method: 'PUT',
    path: '/api/opportunities/stages',
    tags: opportunitiesTags,
    summary: 'Configure the stages: names, probabilities, order, added and deactivated stages (If-Match)',
    body: stageConfigInputSchema,
    response: stageListSchema,
  }),
  lostReasons: defineEndpoint({
    method: 'GET',
    path: '/api/opportunities/lost-reasons',
    tags: opportunitiesTags,
    summary: 'Why opportunities are lost: the configurable list',
    query: lostReasonListQuerySchema,
    response: pageOf(lostReasonSchema),
  }),
  createLostReason: defineEndpoint({
    method: 'POST',
    path: '/api/opportunities/lost-reasons',
    tags: opportunitiesTags,
    summary: 'Add a lost reason',
    body: createLostReasonInputSchema,
    response: lostReasonSchema,
    status: 201,
  }),
  updateLostReason: defineEndpoint({
    method: 'PATCH',
    path: '/api/opportunities/lost-reasons/:id',
    tags: opportunitiesTags,
    summary: 'Rename, reorder or deactivate a lost reason (If-Match: "<version>")',
    params: idParamSchema,
    body: updateLostReasonInputSchema,
    response: lostReasonSchema,
  }),
  deleteLostReason: defineEndpoint({
    method: 'DELETE',
    path: '/api/opportunities/lost-reasons/:id',
    tags: opportunitiesTags,
    summary: 'Delete an unused lost reason; used ones can only be deactivated (If-Match: "<version>")',
    params: idParamSchema,
  }),
};

/** The sales cards of the home page. */
export const opportunityHomeCardEndpoints = {
  inquiries: defineEndpoint({
    method: 'GET',
    path: '/api/home/inquiries',
    operationId: 'home.inquiries',
    tags: homeCardTags,
    summary: 'Home: inquiries waiting for an answer (open, in the inquiry stage, no activity since the inquiry)',
    response: inquiryHomeCardSchema,
  }),
  pipeline: defineEndpoint({
    method: 'GET',
    path: '/api/home/pipeline',
    operationId: 'home.pipeline',
    tags: homeCardTags,
    summary: 'Home: open opportunities by stage, with expected and weighted revenue per currency',
    response: pipelineHomeCardSchema,
  }),
  won: defineEndpoint({
    method: 'GET',
    path: '/api/home/won',
    operationId: 'home.won',
    tags: homeCardTags,
    summary: 'Home: opportunities won this month and last, in the organisation’s time zone',
    response: wonHomeCardSchema,
  }),
  team: defineEndpoint({
    method: 'GET',
    path: '/api/home/team',
    operationId: 'home.team',
    tags: homeCardTags,
    summary: 'Home: the team’s numbers by owner, ranked (opportunities read scope team or organisation)',
    response: teamHomeCardSchema,
  }),
};
