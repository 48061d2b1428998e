import type { Team } from '@berth/domain';

/** "Parent / Child / Team" from the root down; stops on cycles or unknown parents. */
export function teamPath(team: Team, byId: Map<string, Team>): string {
  const names = [team.name];
  const seen = new Set([team.id]);
  let parentId = team.parentId;
  while (parentId && !seen.has(parentId)) {
    const parent = byId.get(parentId);
    if (!parent) break;
    names.unshift(parent.name);
    seen.add(parent.id);
    parentId = parent.parentId;
  }
  return names.join(' / ');
}

/** The team and all teams below it (which cannot become its parent). */
export function teamWithDescendants(teamId: string, teams: Team[]): Set<string> {
  const result = new Set([teamId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const team of teams) {
      if (team.parentId && result.has(team.parentId) && !result.has(team.id)) {
        result.add(team.id);
        grew = true;
      }
    }
  }
  return result;
}
