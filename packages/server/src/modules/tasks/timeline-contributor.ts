import { and, eq, sql } from 'drizzle-orm';
import type { AuditTimelineContributor } from '../../platform/module';
import { tasks } from './tables';
import { tasksInScope } from './task-scope';

/**
 * Tasks on the customer that the caller may read by the tasks rule ("own" is the assignee): a task
 * the caller would get 404 for does not show its title on the customer's timeline either.
 */
export const taskTimeline: AuditTimelineContributor = {
  from: 'audit',
  entity: 'tasks',
  kind: 'task',
  readPermission: 'tasks',
  visibleIds: (ctx, customerId) =>
    ctx.db
      .select({ id: sql`${tasks.id}::text` })
      .from(tasks)
      .where(and(tasksInScope(ctx, 'read'), eq(tasks.customerId, customerId)))
      .getSQL(),
};
