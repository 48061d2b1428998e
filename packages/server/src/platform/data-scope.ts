import type { Resource } from '@berth/domain';
import { type AnyColumn, and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { type Ctx, requireScope } from './context';

export interface ScopedColumns {
  orgId: AnyColumn;
  /** The user who owns the record (data scope "own"). */
  owner?: AnyColumn;
  /** The team the record belongs to (data scope "team"). */
  team?: AnyColumn;
}

/**
 * The one place data scope becomes SQL: tenant always, then own / team / organisation as the
 * role grants for this resource and action. Every read and write adds this to its WHERE clause.
 */
export function scopeWhere(ctx: Ctx, resource: Resource, action: string, cols: ScopedColumns): SQL {
  const scope = requireScope(ctx, resource, action);
  const tenant = eq(cols.orgId, ctx.orgId);
  if (scope === 'org') return tenant;
  const mine = cols.owner && ctx.userId ? eq(cols.owner, ctx.userId) : sql`false`;
  if (scope === 'own') return and(tenant, mine) as SQL;
  const ourTeams = cols.team && ctx.teamIds.length > 0 ? inArray(cols.team, ctx.teamIds) : sql`false`;
  return and(tenant, or(mine, ourTeams)) as SQL;
}
