import { and, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/database';
import { users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import type { Ctx } from '../../platform/context';

/** The parent must be a team of this organisation and not the team itself or below it; the manager a user of it. */
export async function assertTeamReferences(
  ctx: Ctx,
  teamId: string | null,
  refs: { parentId?: string | null; managerId?: string | null },
): Promise<void> {
  if (refs.parentId) {
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
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, ctx.orgId), eq(users.id, refs.managerId)));
    if (!user) throw AppError.validation('managerId', 'reference.invalid');
  }
}
