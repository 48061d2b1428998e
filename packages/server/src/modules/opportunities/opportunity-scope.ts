import { and, eq, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { opportunities } from './tables';

/** Opportunities the actor may `action`: tenant, then own / team / organisation by owner and team. */
export function opportunitiesInScope(ctx: Ctx, action: string): SQL {
  return scopeWhere(ctx, 'opportunities', action, {
    orgId: opportunities.orgId,
    owner: opportunities.ownerId,
    team: opportunities.teamId,
  });
}

export function opportunityById(ctx: Ctx, action: string, id: string): SQL {
  return and(opportunitiesInScope(ctx, action), eq(opportunities.id, id)) as SQL;
}
