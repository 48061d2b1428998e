import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { customers } from './tables';

/** Customers the actor may act on: tenant, data scope by owner and team, and not merged away. */
export function customersInScope(ctx: Ctx, action: string): SQL {
  return and(
    scopeWhere(ctx, 'customers', action, { orgId: customers.orgId, owner: customers.ownerId, team: customers.teamId }),
    isNull(customers.mergedIntoId),
  ) as SQL;
}

export function customerById(ctx: Ctx, action: string, id: string): SQL {
  return and(customersInScope(ctx, action), eq(customers.id, id)) as SQL;
}
