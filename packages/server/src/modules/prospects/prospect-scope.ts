import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { type Ctx, can, requireScope } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { customerRef, customersInScope } from '../customers';

const isProspect = and(eq(customerRef.status, 'prospect'), isNull(customerRef.mergedIntoId)) as SQL;

/**
 * Prospects without an owner that a manager may hand out: with organisation scope all of them,
 * otherwise those of their teams and those of no team (leads captured by colleagues who do not
 * own customers themselves, e.g. marketing at a trade show).
 */
function unassignedInReach(ctx: Ctx): SQL {
  const scope = requireScope(ctx, 'customers', 'assign');
  const tenant = and(eq(customerRef.orgId, ctx.orgId), isNull(customerRef.ownerId)) as SQL;
  if (scope === 'org') return tenant;
  const teams =
    ctx.teamIds.length > 0
      ? or(isNull(customerRef.teamId), inArray(customerRef.teamId, ctx.teamIds))
      : isNull(customerRef.teamId);
  return and(tenant, teams) as SQL;
}

/** Prospects the actor may assign to a rep: within customers.assign scope, or unassigned within reach. */
export function assignableProspects(ctx: Ctx): SQL {
  const owned = scopeWhere(ctx, 'customers', 'assign', {
    orgId: customerRef.orgId,
    owner: customerRef.ownerId,
    team: customerRef.teamId,
  });
  return and(isProspect, or(owned, unassignedInReach(ctx))) as SQL;
}

/** Prospects the actor sees: those they may read as customers, and those they may assign. */
export function visibleProspects(ctx: Ctx): SQL {
  const parts: SQL[] = [];
  if (can(ctx, 'customers', 'read')) parts.push(customersInScope(ctx, 'read'));
  if (can(ctx, 'customers', 'assign')) parts.push(assignableProspects(ctx));
  return and(isProspect, parts.length > 0 ? or(...parts) : sql`false`) as SQL;
}
