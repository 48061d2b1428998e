import { and, eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type Ctx, requireScope } from '../../platform/context';

export interface Assignee {
  id: string;
  teamId: string | null;
}

/** An active user of the organisation, with their team (tasks of a team are visible to its managers). */
export async function activeUser(ctx: Pick<Ctx, 'orgId' | 'db'>, userId: string): Promise<Assignee | null> {
  const [row] = await ctx.db
    .select({ id: users.id, teamId: users.teamId })
    .from(users)
    .where(and(eq(users.orgId, ctx.orgId), eq(users.id, userId), eq(users.status, 'active')));
  return row ?? null;
}

/**
 * The assignee if the caller may give them a task under their tasks `action` scope: own — only
 * themselves, team — members of their teams, org — anyone active. 422 on `assigneeId` otherwise.
 */
export async function assertAssignable(ctx: Ctx, action: 'create' | 'update', assigneeId: string): Promise<Assignee> {
  const scope = requireScope(ctx, 'tasks', action);
  const user = await activeUser(ctx, assigneeId);
  const self = assigneeId === ctx.userId;
  const allowed =
    user !== null &&
    (self || scope === 'org' || (scope === 'team' && user.teamId !== null && ctx.teamIds.includes(user.teamId)));
  if (!allowed || !user) throw AppError.validation('assigneeId', 'task.assignee_not_allowed');
  return user;
}
