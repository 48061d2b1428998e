import { defineEndpoint, idParamSchema } from '../platform/contract';
import { pageOf } from '../platform/pagination';
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
} from './data-quality-schemas';

const dataQualityTags = ['Data quality'];

export const dataQualityEndpoints = {
  report: defineEndpoint({
    method: 'GET',
    path: '/api/data-quality/customers',
    tags: dataQualityTags,
    summary:
      'Completeness per field, invalid values, records without owner, stale records and duplicate groups of the customers you may see',
    query: dataQualityQuerySchema,
    response: dataQualityReportSchema,
  }),
  issues: defineEndpoint({
    method: 'GET',
    path: '/api/data-quality/customers/issues',
    tags: dataQualityTags,
    summary: 'The customers with one kind of problem, newest first',
    query: dataIssueQuerySchema,
    response: pageOf(dataIssueItemSchema),
  }),
  duplicateGroups: defineEndpoint({
    method: 'GET',
    path: '/api/data-quality/customers/duplicates',
    tags: dataQualityTags,
    summary: 'Groups of customers sharing a credit code, normalised name or phone, awaiting review',
    query: duplicateGroupQuerySchema,
    response: pageOf(duplicateGroupSchema),
  }),
  dismiss: defineEndpoint({
    method: 'POST',
    path: '/api/data-quality/duplicate-dismissals',
    tags: dataQualityTags,
    summary: 'Mark a duplicate group as "not duplicates"; it stays hidden until another customer joins it',
    body: createDuplicateDismissalInputSchema,
    response: duplicateDismissalSchema,
    status: 201,
  }),
  dismissals: defineEndpoint({
    method: 'GET',
    path: '/api/data-quality/duplicate-dismissals',
    tags: dataQualityTags,
    summary: 'The "not duplicates" decisions on customers you may see, newest first, with who made them',
    query: duplicateDismissalQuerySchema,
    response: pageOf(duplicateDismissalItemSchema),
  }),
  undoDismissal: defineEndpoint({
    method: 'DELETE',
    path: '/api/data-quality/duplicate-dismissals/:id',
    tags: dataQualityTags,
    summary: 'Undo a "not duplicates" decision; the group is listed for review again',
    params: idParamSchema,
  }),
};
