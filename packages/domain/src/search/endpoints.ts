import { defineEndpoint } from '../platform/contract';
import { searchQuerySchema, searchResultSchema } from './search-schemas';

export const searchEndpoints = {
  search: defineEndpoint({
    method: 'GET',
    path: '/api/search',
    tags: ['Search'],
    summary:
      'Customers, contacts, opportunities and shipments matching a term, grouped by kind, within the caller’s rights',
    query: searchQuerySchema,
    response: searchResultSchema,
  }),
};
