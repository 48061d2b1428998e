import { and, eq } from 'drizzle-orm';
import { teams } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import type { Ctx } from '../../platform/context';
import { requireScope } from '../../platform/context';
import { assertGrantable, permissionsOfRole } from '../roles';

/**
 * The role and team must exist in this organisation, the role may grant no more than the actor holds,
 * and a team-scoped admin stays inside their teams.
 */
export async function assertUserReferences(
  ctx: Ctx,
  action: 'create' | 'update',
  refs: { roleId?: string; teamId?: string | null },
): Promise<void> {
  if (refs.roleId) {
    const permissions = await permissionsOfRole(ctx, refs.roleId);
    if (!permissions) throw AppError.validation('roleId', 'reference.invalid');
    assertGrantable(ctx, permissions);
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
