import type { Team } from '@berth/domain';
import { and, eq } from 'drizzle-orm';
import { teams } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import type { Ctx } from '../../platform/context';
import type { ScopeBypass } from '../../platform/data-scope';
import { teamById, teamColumns, toTeam } from './team-dto';

export async function getTeam(ctx: Ctx, id: string, options: ScopeBypass = {}): Promise<Team> {
  const [row] = await ctx.db
    .select(teamColumns)
    .from(teams)
    .where(options.bypassScope ? and(eq(teams.orgId, ctx.orgId), eq(teams.id, id)) : teamById(ctx, 'read', id));
  if (!row) throw AppError.notFound();
  return toTeam(row);
}
