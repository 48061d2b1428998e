import {
  createTaskInputSchema,
  idParamSchema,
  myDayQuerySchema,
  myDaySchema,
  pageOf,
  taskListQuerySchema,
  taskSchema,
  updateTaskInputSchema,
} from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/deps';
import { expectedVersion, requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { calendarRoutes } from './calendar-routes';
import { createTask } from './create-task';
import { findTasks, getTask } from './find-tasks';
import { myDay } from './my-day';
import { nextStepRuleRoutes } from './next-step-routes';
import { testClockRoutes } from './test-clock-routes';
import { deleteTask, updateTask } from './write-tasks';

export function taskRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Tasks'];

  r.get(
    '/api/tasks',
    {
      schema: {
        tags,
        summary: 'Tasks, soonest due first; by default the caller’s own (assignee=me)',
        querystring: taskListQuerySchema,
        response: { 200: pageOf(taskSchema) },
      },
      config: { access: { permission: ['tasks', 'read'] } },
    },
    (request) => findTasks(request.ctx, request.query),
  );
  r.get(
    '/api/tasks/my-day',
    {
      schema: {
        tags,
        summary: 'The caller’s open tasks: overdue, today and upcoming, by days in the time zone `tz` (default UTC)',
        querystring: myDayQuerySchema,
        response: { 200: myDaySchema },
      },
      config: { access: { permission: ['tasks', 'read'] } },
    },
    (request) => myDay(request.ctx, request.query),
  );
  r.post(
    '/api/tasks',
    {
      schema: {
        tags,
        summary: 'Create a task for yourself or, within your tasks scope, a colleague',
        body: createTaskInputSchema,
        response: { 201: taskSchema },
      },
      config: { access: { permission: ['tasks', 'create'] } },
    },
    async (request, reply) => reply.code(201).send(sendWithEtag(reply, await createTask(request.ctx, request.body))),
  );
  r.get(
    '/api/tasks/:id',
    {
      schema: { tags, summary: 'One task', params: idParamSchema, response: { 200: taskSchema } },
      config: { access: { permission: ['tasks', 'read'] } },
    },
    async (request, reply) => sendWithEtag(reply, await getTask(request.ctx, request.params.id)),
  );
  r.patch(
    '/api/tasks/:id',
    {
      schema: {
        tags,
        summary: 'Edit, complete (status done) or reopen (status open) a task (If-Match: "<version>")',
        params: idParamSchema,
        body: updateTaskInputSchema,
        response: { 200: taskSchema },
      },
      config: { access: { permission: ['tasks', 'update'] } },
    },
    async (request, reply) =>
      sendWithEtag(reply, await updateTask(request.ctx, request.params.id, requiredVersion(request), request.body)),
  );
  r.delete(
    '/api/tasks/:id',
    {
      schema: { tags, summary: 'Delete a task (If-Match optional)', params: idParamSchema },
      config: { access: { permission: ['tasks', 'delete'] } },
    },
    async (request, reply) => {
      await deleteTask(request.ctx, request.params.id, expectedVersion(request));
      return reply.code(204).send();
    },
  );

  nextStepRuleRoutes(app);
  calendarRoutes(app, deps);
  if (deps.config.ALLOW_TEST_CLOCK) testClockRoutes(app, deps);
}
