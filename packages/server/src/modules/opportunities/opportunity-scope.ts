import { type AnyColumn, and, eq, exists, type SQL, sql } from 'drizzle-orm';
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

/** For a record hanging off an opportunity (an attachment): the opportunity is one the caller may `action`. */
export function onVisibleOpportunity(
  ctx: Ctx,
  record: { orgId: AnyColumn; opportunityId: AnyColumn },
  action = 'read',
): SQL {
  return exists(
    ctx.db
      .select({ one: sql`1` })
      .from(opportunities)
      .where(
        and(
          eq(opportunities.orgId, record.orgId),
          eq(opportunities.id, record.opportunityId),
          opportunitiesInScope(ctx, action),
        ),
      ),
  );
}
