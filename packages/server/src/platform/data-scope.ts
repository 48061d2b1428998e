import type { Resource, Scope } from '@berth/domain';
import { scopeOf } from '@berth/domain';
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
 * The one way past the caller's data scope (docs/security.md, "Reading past the scope"): with
 * `bypassScope: true` a read keeps only the tenant. For answering a write the caller was just
 * allowed to make (a record handed to someone outside their scope), or for a module that made a
 * record on someone's behalf after deciding access itself. Never from a request parameter.
 */
export interface ScopeBypass {
  bypassScope?: boolean;
}

/** Who owns a record, as data scope sees it. */
export interface RecordOwner {
  ownerId: string | null;
  teamId: string | null;
}

/**
 * The one place data scope becomes SQL: tenant always, then own / team / organisation as the
 * role grants for this resource and action. Every read and write adds this to its WHERE clause.
 */
export function scopeWhere(ctx: Ctx, resource: Resource, action: string, cols: ScopedColumns): SQL {
  const scope = requireScope(ctx, resource, action);
  return and(eq(cols.orgId, ctx.orgId), scopeSql(ctx, scope, cols)) as SQL;
}

/**
 * Own / team / organisation as a condition on a record's owner and team columns, without the
 * tenant: `true` for the organisation, `false` without any scope.
 */
export function scopeSql(ctx: Ctx, scope: Scope | null, cols: Omit<ScopedColumns, 'orgId'>): SQL {
  if (scope === 'org') return sql`true`;
  if (!scope) return sql`false`;
  const mine = cols.owner && ctx.userId ? eq(cols.owner, ctx.userId) : sql`false`;
  if (scope === 'own') return mine;
  return or(mine, ourTeams(ctx, cols)) as SQL;
}

/** The same rule as scopeSql for one loaded record (its owner and team). */
export function scopeCovers(ctx: Ctx, scope: Scope | null, record: RecordOwner): boolean {
  if (scope === 'org') return true;
  if (!scope) return false;
  const mine = !!ctx.userId && record.ownerId === ctx.userId;
  if (scope === 'own') return mine;
  return mine || (!!record.teamId && ctx.teamIds.includes(record.teamId));
}

/** Whether the role's scope for this action covers the record. */
export function mayOn(ctx: Ctx, resource: Resource, action: string, record: RecordOwner): boolean {
  return scopeCovers(ctx, scopeOf(ctx.permissions, resource, action), record);
}

/** Scope "team" beyond one's own records: the record's team, or else its owner's, is one of the caller's teams. */
function ourTeams(ctx: Ctx, cols: Omit<ScopedColumns, 'orgId'>): SQL {
  if (ctx.teamIds.length === 0) return sql`false`;
  if (cols.team) return inArray(cols.team, ctx.teamIds);
  if (cols.ownerTeam && cols.owner) {
    return sql`${cols.owner} in (select ${users.id} from ${users}
      where ${users.orgId} = ${ctx.orgId} and ${inArray(users.teamId, ctx.teamIds)})`;
  }
  return sql`false`;
}
