import { and, type Column, eq, exists, type SQL, sql } from 'drizzle-orm';
import { type Ctx, requireScope } from '../../platform/context';
import { scopeSql } from '../../platform/data-scope';
import { customerRef as customers } from '../customers';
import { shipments } from './tables';

/**
 * Shipments the caller may `action`: tenant, then own / team / organisation by the shipment's customer's owner and
 * team (docs/decisions/0007-shipments.md: scope follows the customer, so a handover or a pool sweep never rewrites
 * the customer's shipments). A shipment whose customer is not known yet is seen at organisation scope only.
 */
export function shipmentsInScope(ctx: Ctx, action: string): SQL {
  return byCustomerInScope(ctx, action, shipments.orgId, shipments.customerId);
}

/**
 * Rows of shipments data (a shipment, a row of the report's aggregate) the caller may `action`, by the organisation
 * and customer columns given: the rule of `shipmentsInScope`.
 */
export function byCustomerInScope(ctx: Ctx, action: string, orgColumn: Column, customerColumn: Column): SQL {
  const scope = requireScope(ctx, 'shipments', action);
  const tenant = eq(orgColumn, ctx.orgId) as SQL;
  if (scope === 'org') return tenant;
  return and(
    tenant,
    exists(
      ctx.db
        .select({ one: sql`1` })
        .from(customers)
        .where(
          and(
            eq(customers.orgId, orgColumn),
            eq(customers.id, customerColumn),
            scopeSql(ctx, scope, { owner: customers.ownerId, team: customers.teamId }),
          ),
        ),
    ),
  ) as SQL;
}

export function shipmentById(ctx: Ctx, action: string, id: string): SQL {
  return and(shipmentsInScope(ctx, action), eq(shipments.id, id)) as SQL;
}
