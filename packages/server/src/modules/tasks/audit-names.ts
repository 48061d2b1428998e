import { and, inArray } from 'drizzle-orm';
import type { AuditNamer } from '../../platform/module';
import { tasks } from './tables';
import { tasksInScope } from './task-scope';

/** Tasks by title, within the tasks scope. */
export const taskAuditNames: AuditNamer = {
  entity: 'tasks',
  resource: 'tasks',
  names: (ctx, ids) =>
    ctx.db
      .select({ id: tasks.id, name: tasks.title })
      .from(tasks)
      .where(and(tasksInScope(ctx, 'read'), inArray(tasks.id, ids))),
};
