import { defineEndpoint } from '../platform/contract';
import { pageOf } from '../platform/pagination';
import {
  assignProspectsInputSchema,
  assignProspectsResultSchema,
  prospectListQuerySchema,
  prospectSchema,
} from './prospect-schemas';

const prospectsTags = ['Prospects'];

export const prospectEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/prospects',
    tags: prospectsTags,
    summary: 'Prospects the caller sees or may assign, newest first, with owner and source event',
    query: prospectListQuerySchema,
    response: pageOf(prospectSchema),
  }),
  assign: defineEndpoint({
    method: 'POST',
    path: '/api/prospects/assign',
    tags: prospectsTags,
    summary: 'Give prospects to one rep (manual) or spread them evenly over reps (round robin, by country)',
    body: assignProspectsInputSchema,
    response: assignProspectsResultSchema,
  }),
};
