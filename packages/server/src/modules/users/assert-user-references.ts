import { and, eq } from 'drizzle-orm';
import { roles, teams } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import type { Ctx } from '../../platform/context';
import { requireScope } from '../../platform/context';

/** The role and team must exist in this organisation, and a team-scoped admin stays inside their teams. */
export async function assertUserReferences(
  ctx: Ctx,
  action: 'create' | 'update',
  refs: { roleId?: string; teamId?: string | null },
): Promise<void> {
  if (refs.roleId) {
    const [role] = await ctx.db
      .select({ id: roles.id })
      .from(roles)
      .where(and(eq(roles.orgId, ctx.orgId), eq(roles.id, refs.roleId)));
    if (!role) throw AppError.validation('roleId', 'reference.invalid');
  }
  if (refs.teamId) {
    const [team] = await ctx.db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.orgId, ctx.orgId), eq(teams.id, refs.teamId)));
    if (!team) throw AppError.validation('teamId', 'reference.invalid');
  }
  if (refs.teamId !== undefined && requireScope(ctx, 'users', action) !== 'org') {
    if (!refs.teamId || !ctx.teamIds.includes(refs.teamId)) throw AppError.forbidden();
  }
}
