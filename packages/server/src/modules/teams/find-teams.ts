import type { Page, Team, teamListQuerySchema } from '@berth/domain';
import { and, ilike } from 'drizzle-orm';
import type { z } from 'zod';
import { teams } from '../../db/schema';
import type { Ctx } from '../../platform/context';
import { afterCursor, orderByKeyset, toPage } from '../../platform/http/keyset';
import { teamColumns, teamsInScope, toTeam } from './team-dto';

export async function findTeams(ctx: Ctx, query: z.infer<typeof teamListQuerySchema>): Promise<Page<Team>> {
  const keyset = { sort: teams.id, id: teams.id, direction: 'asc' as const, cursor: query.cursor };
  const rows = await ctx.db
    .select(teamColumns)
    .from(teams)
    .where(
      and(
        teamsInScope(ctx, 'read'),
        afterCursor(keyset),
        query.q ? ilike(teams.name, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
      ),
    )
    .orderBy(...orderByKeyset(keyset))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => [r.row.id, r.row.id], toTeam);
}
