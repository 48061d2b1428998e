import type { Team } from '@berth/domain';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { teams } from '../../db/schema';
import type { Ctx } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';

/** Team scope means the actor's own teams; a manager "owns" the team they manage. */
export function teamsInScope(ctx: Ctx, action: string): SQL {
  return scopeWhere(ctx, 'teams', action, { orgId: teams.orgId, owner: teams.managerId, team: teams.id });
}
export function teamById(ctx: Ctx, action: string, id: string): SQL {
  return and(teamsInScope(ctx, action), eq(teams.id, id)) as SQL;
}

export const teamColumns = {
  row: teams,
  // Qualified by table name: inside the subquery an unqualified "id" would be the user's.
  memberCount: sql<number>`(select count(*)::int from users u where u.org_id = teams.org_id and u.team_id = teams.id)`,
};

export function toTeam(r: { row: typeof teams.$inferSelect; memberCount: number }): Team {
  return {
    id: r.row.id,
    name: r.row.name,
    parentId: r.row.parentId,
    managerId: r.row.managerId,
    memberCount: Number(r.memberCount),
    createdAt: r.row.createdAt.toISOString(),
    updatedAt: r.row.updatedAt.toISOString(),
    version: r.row.version,
  };
}
