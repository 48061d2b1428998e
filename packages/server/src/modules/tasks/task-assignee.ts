import { and, eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Ctx } from '../../platform/context';
import { assertOwner } from '../../platform/owner-assignment';

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
 * The assignee if the caller may give them a task under their tasks `action` scope (the owner
 * rule: own — only themselves, team — members of their teams, org — anyone active). 422 on
 * `assigneeId` otherwise.
 */
export async function assertAssignable(ctx: Ctx, action: 'create' | 'update', assigneeId: string): Promise<Assignee> {
  const notAllowed = 'task.assignee_not_allowed';
  const { owner } = await assertOwner(ctx, {
    resource: 'tasks',
    action,
    ownerId: assigneeId,
    field: 'assigneeId',
    codes: { outsideScope: notAllowed, inactive: notAllowed, unknown: notAllowed },
  });
  return { id: assigneeId, teamId: owner?.teamId ?? null };
}
