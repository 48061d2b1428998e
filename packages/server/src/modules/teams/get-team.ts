import type { Team } from '@berth/domain';
import { teams } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import type { Ctx } from '../../platform/context';
import { teamById, teamColumns, toTeam } from './team-dto';

export async function getTeam(ctx: Ctx, id: string): Promise<Team> {
  const [row] = await ctx.db
    .select(teamColumns)
    .from(teams)
    .where(teamById(ctx, 'read', id));
  if (!row) throw AppError.notFound();
  return toTeam(row);
}
