import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Ctx, can } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { tasks } from './tables';

/** Tasks the caller may `action`: "own" is the assignee, "team" the assignee's team. */
export function tasksInScope(ctx: Ctx, action: string): SQL {
  return scopeWhere(ctx, 'tasks', action, { orgId: tasks.orgId, owner: tasks.assigneeId, team: tasks.teamId });
}

export function taskById(ctx: Ctx, action: string, id: string): SQL {
  return and(tasksInScope(ctx, action), eq(tasks.id, id)) as SQL;
}

/** Whether the caller may `action` the row, as a column of the same query (false when the role lacks it). */
export function mayChangeTask(ctx: Ctx, action: 'update' | 'delete'): SQL<boolean> {
  return can(ctx, 'tasks', action) ? sql<boolean>`${tasksInScope(ctx, action)}` : sql<boolean>`false`;
}
