import { and, eq, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import { type Ctx, can, requireScope } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { customerRef, customersInScope } from '../customers';

/**
 * The pools a user works with: with organisation scope every pool; otherwise the pools of the
 * user's teams (and sub-teams) and the organisation-wide pool of customers without a team.
 * A pool has no owner, so "own" scope reads like "team" here.
 */
export function poolTeams(ctx: Ctx, action: 'read' | 'claim'): SQL {
  const scope = requireScope(ctx, 'pool', action);
  if (scope === 'org') return sql`true`;
  return (
    ctx.teamIds.length > 0
      ? or(isNull(customerRef.teamId), inArray(customerRef.teamId, ctx.teamIds))
      : isNull(customerRef.teamId)
  ) as SQL;
}

export const inPool = and(
  isNull(customerRef.ownerId),
  isNotNull(customerRef.pooledAt),
  isNull(customerRef.mergedIntoId),
) as SQL;

/** Customers in a pool the user may see (read) or claim from (claim). */
export function poolWhere(ctx: Ctx, action: 'read' | 'claim'): SQL {
  return and(eq(customerRef.orgId, ctx.orgId), inPool, poolTeams(ctx, action)) as SQL;
}

/** Customers a manager may hand to someone: their customers within customers.assign scope, or pooled ones they see. */
export function assignableCustomers(ctx: Ctx): SQL {
  const owned = and(
    scopeWhere(ctx, 'customers', 'assign', {
      orgId: customerRef.orgId,
      owner: customerRef.ownerId,
      team: customerRef.teamId,
    }),
    isNull(customerRef.mergedIntoId),
  ) as SQL;
  return can(ctx, 'pool', 'read') ? (or(owned, poolWhere(ctx, 'read')) as SQL) : owned;
}

/** Customers the user may see in any way: through customers.read, or sitting in a pool they see. */
export function visibleCustomers(ctx: Ctx): SQL {
  const parts: SQL[] = [];
  if (can(ctx, 'customers', 'read')) parts.push(customersInScope(ctx, 'read'));
  if (can(ctx, 'pool', 'read')) parts.push(poolWhere(ctx, 'read'));
  return parts.length > 0 ? (or(...parts) as SQL) : sql`false`;
}
