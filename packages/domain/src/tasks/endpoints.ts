import { defineEndpoint, idParamSchema } from '../platform/contract';
import { homeCardTags } from '../platform/home-cards';
import { pageOf } from '../platform/pagination';
import {
  calendarFeedSchema,
  calendarFeedTokenParamsSchema,
  calendarItemsQuerySchema,
  calendarItemsSchema,
  createdCalendarFeedSchema,
} from './calendar-schemas';
import { taskHomeCardSchema } from './home-card-schemas';
import {
  nextStepRuleInputSchema,
  nextStepRuleListSchema,
  nextStepRuleSchema,
  updateNextStepRuleInputSchema,
} from './next-step-schemas';
import {
  createTaskInputSchema,
  myDayQuerySchema,
  myDaySchema,
  taskListQuerySchema,
  taskSchema,
  updateTaskInputSchema,
} from './task-schemas';

const calendarTags = ['Calendar'];
const nextStepRulesTags = ['Next-step rules'];
const tasksTags = ['Tasks'];

export const calendarEndpoints = {
  items: defineEndpoint({
    method: 'GET',
    path: '/api/calendar/items',
    tags: calendarTags,
    summary: 'The caller’s tasks (by due time) and activities (logged or taken part in) between from and to',
    query: calendarItemsQuerySchema,
    response: calendarItemsSchema,
  }),
  feed: defineEndpoint({
    method: 'GET',
    path: '/api/calendar/feed',
    tags: calendarTags,
    summary: 'Whether the caller has a private iCalendar feed',
    response: calendarFeedSchema,
  }),
  createFeed: defineEndpoint({
    method: 'POST',
    path: '/api/calendar/feed',
    tags: calendarTags,
    summary: 'Create (or replace) the caller’s private iCalendar feed; the address is shown once',
    response: createdCalendarFeedSchema,
    status: 201,
  }),
  revokeFeed: defineEndpoint({
    method: 'DELETE',
    path: '/api/calendar/feed',
    tags: calendarTags,
    summary: 'Revoke the caller’s iCalendar feed',
  }),
  ics: defineEndpoint({
    method: 'GET',
    path: '/api/calendar/:token.ics',
    tags: calendarTags,
    summary: 'A private iCalendar feed (text/calendar) of open tasks and activities; the token is the secret',
    params: calendarFeedTokenParamsSchema,
  }),
};

export const nextStepRuleEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/next-step-rules',
    tags: nextStepRulesTags,
    summary: 'The sales process’s next-step rules, by stage',
    response: nextStepRuleListSchema,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/next-step-rules',
    tags: nextStepRulesTags,
    summary: 'Add a rule: no activity / no answer for N days in a stage makes a task for the owner',
    body: nextStepRuleInputSchema,
    response: nextStepRuleSchema,
    status: 201,
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/next-step-rules/:id',
    tags: nextStepRulesTags,
    summary: 'One rule',
    params: idParamSchema,
    response: nextStepRuleSchema,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/next-step-rules/:id',
    tags: nextStepRulesTags,
    summary: 'Edit a rule (If-Match: "<version>")',
    params: idParamSchema,
    body: updateNextStepRuleInputSchema,
    response: nextStepRuleSchema,
  }),
  delete: defineEndpoint({
    method: 'DELETE',
    path: '/api/next-step-rules/:id',
    tags: nextStepRulesTags,
    summary: 'Delete a rule (If-Match optional); tasks it made stay',
    params: idParamSchema,
  }),
};

export const taskEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/tasks',
    tags: tasksTags,
    summary: 'Tasks, soonest due first; by default the caller’s own (assignee=me)',
    query: taskListQuerySchema,
    response: pageOf(taskSchema),
  }),
  myDay: defineEndpoint({
    method: 'GET',
    path: '/api/tasks/my-day',
    tags: tasksTags,
    summary: 'The caller’s open tasks: overdue, today and upcoming, by days in the time zone `tz` (default UTC)',
    query: myDayQuerySchema,
    response: myDaySchema,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/tasks',
    tags: tasksTags,
    summary: 'Create a task for yourself or, within your tasks scope, a colleague',
    body: createTaskInputSchema,
    response: taskSchema,
    status: 201,
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/tasks/:id',
    tags: tasksTags,
    summary: 'One task',
    params: idParamSchema,
    response: taskSchema,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/tasks/:id',
    tags: tasksTags,
    summary: 'Edit, complete (status done) or reopen (status open) a task (If-Match: "<version>")',
    params: idParamSchema,
    body: updateTaskInputSchema,
    response: taskSchema,
  }),
  delete: defineEndpoint({
    method: 'DELETE',
    path: '/api/tasks/:id',
    tags: tasksTags,
    summary: 'Delete a task (If-Match optional)',
    params: idParamSchema,
  }),
};

/** The tasks card of the home page (docs/adding-a-module.md, step 11b). */
export const taskHomeCardEndpoints = {
  tasks: defineEndpoint({
    method: 'GET',
    path: '/api/home/tasks',
    operationId: 'home.tasks',
    tags: homeCardTags,
    summary: 'Home: the caller’s open tasks overdue and due today, in their time zone',
    response: taskHomeCardSchema,
  }),
};
