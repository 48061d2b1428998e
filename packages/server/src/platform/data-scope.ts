import type { Resource } from '@berth/domain';
import { type AnyColumn, and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { users } from '../db/schema';
import { type Ctx, requireScope } from './context';

export interface ScopedColumns {
  orgId: AnyColumn;
  /** The user who owns the record (data scope "own"). */
  owner?: AnyColumn;
  /** The team the record belongs to (data scope "team"). */
  team?: AnyColumn;
  /**
   * For records with an owner but no team of their own (segments): data scope "team" covers what
   * the members of the caller's teams own, by the owner's team (users.team_id).
   */
  ownerTeam?: boolean;
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
  return and(tenant, or(mine, ourTeams(ctx, cols))) as SQL;
}

/** Scope "team" beyond one's own records: the record's team, or else its owner's, is one of the caller's teams. */
function ourTeams(ctx: Ctx, cols: ScopedColumns): SQL {
  if (ctx.teamIds.length === 0) return sql`false`;
  if (cols.team) return inArray(cols.team, ctx.teamIds);
  if (cols.ownerTeam && cols.owner) {
    return sql`${cols.owner} in (select ${users.id} from ${users}
      where ${users.orgId} = ${ctx.orgId} and ${inArray(users.teamId, ctx.teamIds)})`;
  }
  return sql`false`;
}
