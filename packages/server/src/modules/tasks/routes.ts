import { taskEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps';
import { route } from '../../platform/http/route';
import { expectedVersion, requiredVersion, sendWithEtag } from '../../platform/http/versioning';
import { calendarRoutes } from './calendar-routes';
import { createTask } from './create-task';
import { findTasks, getTask } from './find-tasks';
import { myDay } from './my-day';
import { nextStepRuleRoutes } from './next-step-routes';
import { testClockRoutes } from './test-clock-routes';
import { deleteTask, updateTask } from './write-tasks';

export function taskRoutes(app: FastifyInstance, deps: AppDeps) {
  route(app, taskEndpoints.list, {
    access: { permission: ['tasks', 'read'] },
    handler: (request) => findTasks(request.ctx, request.query),
  });
  route(app, taskEndpoints.myDay, {
    access: { permission: ['tasks', 'read'] },
    handler: (request) => myDay(request.ctx, request.query),
  });
  route(app, taskEndpoints.create, {
    access: { permission: ['tasks', 'create'] },
    handler: async (request, reply) => sendWithEtag(reply, await createTask(request.ctx, request.body)),
  });
  route(app, taskEndpoints.get, {
    access: { permission: ['tasks', 'read'] },
    handler: async (request, reply) => sendWithEtag(reply, await getTask(request.ctx, request.params.id)),
  });
  route(app, taskEndpoints.update, {
    access: { permission: ['tasks', 'update'] },
    handler: async (request, reply) =>
      sendWithEtag(reply, await updateTask(request.ctx, request.params.id, requiredVersion(request), request.body)),
  });
  route(app, taskEndpoints.delete, {
    access: { permission: ['tasks', 'delete'] },
    handler: (request) => deleteTask(request.ctx, request.params.id, expectedVersion(request)),
  });

  nextStepRuleRoutes(app);
  calendarRoutes(app, deps);
  if (deps.config.ALLOW_TEST_CLOCK) testClockRoutes(app, deps);
}
