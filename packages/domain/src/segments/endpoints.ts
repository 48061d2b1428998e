import { customerSchema } from '../customers/customer-schemas';
import { defineEndpoint, idParamSchema } from '../platform/contract';
import { pageOf } from '../platform/pagination';
import {
  createSavedViewInputSchema,
  savedViewListQuerySchema,
  savedViewSchema,
  updateSavedViewInputSchema,
} from './saved-view-schemas';
import {
  createSegmentInputSchema,
  segmentListQuerySchema,
  segmentMembersQuerySchema,
  segmentSchema,
  updateSegmentInputSchema,
} from './segment-schemas';

const segmentsTags = ['Segments'];
const savedViewsTags = ['Saved views'];

export const segmentEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/segments',
    tags: segmentsTags,
    summary: 'List segments (shared ones and your own private ones); member counts are on the detail',
    query: segmentListQuerySchema,
    response: pageOf(segmentSchema),
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/segments',
    tags: segmentsTags,
    summary: 'Create a segment',
    body: createSegmentInputSchema,
    response: segmentSchema,
    status: 201,
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/segments/:id',
    tags: segmentsTags,
    summary: 'Get a segment with its live member count (customers you may see)',
    params: idParamSchema,
    response: segmentSchema,
  }),
  members: defineEndpoint({
    method: 'GET',
    path: '/api/segments/:id/members',
    tags: segmentsTags,
    summary: "The segment's customers you may see, as GET /api/customers?segment={id} answers them",
    params: idParamSchema,
    query: segmentMembersQuerySchema,
    response: pageOf(customerSchema),
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/segments/:id',
    tags: segmentsTags,
    summary: 'Update a segment (If-Match: "<version>")',
    params: idParamSchema,
    body: updateSegmentInputSchema,
    response: segmentSchema,
  }),
  delete: defineEndpoint({
    method: 'DELETE',
    path: '/api/segments/:id',
    tags: segmentsTags,
    summary: 'Delete a segment (If-Match: "<version>")',
    params: idParamSchema,
  }),
};

export const savedViewEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/saved-views',
    tags: savedViewsTags,
    summary: 'Your saved views of a list and those colleagues shared',
    query: savedViewListQuerySchema,
    response: pageOf(savedViewSchema),
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/saved-views',
    tags: savedViewsTags,
    summary: "Save a list's filters, sort and columns under a name",
    body: createSavedViewInputSchema,
    response: savedViewSchema,
    status: 201,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/saved-views/:id',
    tags: savedViewsTags,
    summary: 'Rename, share or change your saved view (If-Match: "<version>")',
    params: idParamSchema,
    body: updateSavedViewInputSchema,
    response: savedViewSchema,
  }),
  delete: defineEndpoint({
    method: 'DELETE',
    path: '/api/saved-views/:id',
    tags: savedViewsTags,
    summary: 'Delete your saved view',
    params: idParamSchema,
  }),
};
