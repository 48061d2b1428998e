import { defineEndpoint, idParamSchema } from '../platform/contract';
import { pageOf } from '../platform/pagination';
import {
  activityCountsQuerySchema,
  activityCountsSchema,
  activityListQuerySchema,
  activitySchema,
  createActivityInputSchema,
  updateActivityInputSchema,
} from './activity-schemas';

const activitiesTags = ['Activities'];

export const activityEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/activities',
    tags: activitiesTags,
    summary: 'Calls, emails, meetings, visits and WeChat chats the caller may see, newest first',
    query: activityListQuerySchema,
    response: pageOf(activitySchema),
  }),
  counts: defineEndpoint({
    method: 'GET',
    path: '/api/activities/counts',
    tags: activitiesTags,
    summary: 'How many activities of each kind the caller may see, with the list’s filters',
    query: activityCountsQuerySchema,
    response: activityCountsSchema,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/activities',
    tags: activitiesTags,
    summary: 'Log an activity on a customer (and one of its opportunities); counts as a follow-up',
    body: createActivityInputSchema,
    response: activitySchema,
    status: 201,
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/activities/:id',
    tags: activitiesTags,
    summary: 'One activity',
    params: idParamSchema,
    response: activitySchema,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/activities/:id',
    tags: activitiesTags,
    summary: 'Correct an activity (If-Match: "<version>"); by default only who logged it may',
    params: idParamSchema,
    body: updateActivityInputSchema,
    response: activitySchema,
  }),
  delete: defineEndpoint({
    method: 'DELETE',
    path: '/api/activities/:id',
    tags: activitiesTags,
    summary: 'Delete an activity (If-Match optional); it stays in the history',
    params: idParamSchema,
  }),
};
