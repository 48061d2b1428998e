import { and, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/database';
import { teams, users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type Ctx, requireScope } from '../../platform/context';
import { teamById } from './team-dto';

/**
 * The parent must be a team of this organisation and not the team itself or below it; the manager a
 * user of it, and for an actor without organisation scope themself or a member of their teams. Placing a team under a parent puts it into that parent's managers' scope, so the parent
 * must be in the actor's own teams scope for the action, and only an actor with organisation scope
 * places a team at the top level. `parentId` undefined leaves the parent as it is.
 */
export async function assertTeamReferences(
  ctx: Ctx,
  action: 'create' | 'update',
  teamId: string | null,
  refs: { parentId?: string | null; managerId?: string | null },
): Promise<void> {
  const placedAtTop = refs.parentId === null || (action === 'create' && refs.parentId === undefined);
  if (placedAtTop && requireScope(ctx, 'teams', action) !== 'org') {
    throw AppError.validation('parentId', 'team.parent_outside_scope');
  }
  if (refs.parentId) {
    const [parent] = await ctx.db
      .select({ id: teams.id })
      .from(teams)
      .where(teamById(ctx, action, refs.parentId));
    if (!parent) {
      const [exists] = await ctx.db
        .select({ id: teams.id })
        .from(teams)
        .where(and(eq(teams.orgId, ctx.orgId), eq(teams.id, refs.parentId)));
      throw AppError.validation('parentId', exists ? 'team.parent_outside_scope' : 'reference.invalid');
    }
    const ancestors = await queryRows<{ id: string }>(
      ctx.db,
      sql`
      with recursive ancestors(id, parent_id) as (
        select id, parent_id from teams where org_id = ${ctx.orgId} and id = ${refs.parentId}
        union
        select t.id, t.parent_id from teams t join ancestors a on t.id = a.parent_id where t.org_id = ${ctx.orgId}
      )
      select id from ancestors`,
    );
    if (ancestors.length === 0) throw AppError.validation('parentId', 'reference.invalid');
    if (teamId && ancestors.some((r) => r.id === teamId)) throw AppError.validation('parentId', 'team.parent_cycle');
  }
  if (refs.managerId) {
    const [user] = await ctx.db
      .select({ id: users.id, teamId: users.teamId })
      .from(users)
      .where(and(eq(users.orgId, ctx.orgId), eq(users.id, refs.managerId)));
    if (!user) throw AppError.validation('managerId', 'reference.invalid');
    // A manager sees the team's records: naming someone outside one's own teams would widen their scope.
    const inScope = user.id === ctx.userId || (!!user.teamId && ctx.teamIds.includes(user.teamId));
    if (requireScope(ctx, 'teams', action) !== 'org' && !inScope) {
      throw AppError.validation('managerId', 'team.manager_outside_scope');
    }
  }
}
