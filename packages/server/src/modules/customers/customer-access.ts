import type { Resource } from '@berth/domain';
import { type AnyColumn, and, eq, exists, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import type { Ctx } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { customerById, customersInScope } from './customer-scope';
import { customers } from './tables';

/**
 * Notes and attachments follow their customer's scope: a role's `notes.read: own` means notes on the customers the
 * user owns, `team` those on the team's customers. The customer must be visible to the caller as well.
 */
export function customerScopeFor(ctx: Ctx, resource: Resource, action: string): SQL {
  return scopeWhere(ctx, resource, action, {
    orgId: customers.orgId,
    owner: customers.ownerId,
    team: customers.teamId,
  });
}

export interface CustomerRef {
  id: string;
  name: string;
  ownerId: string | null;
  teamId: string | null;
}

/** The customer if the caller may do `action` on its notes / attachments, else 404. */
export async function customerFor(
  ctx: Ctx,
  resource: Resource,
  action: string,
  customerId: string,
): Promise<CustomerRef> {
  const [row] = await ctx.db
    .select({ id: customers.id, name: customers.name, ownerId: customers.ownerId, teamId: customers.teamId })
    .from(customers)
    .where(and(customerById(ctx, 'read', customerId), customerScopeFor(ctx, resource, action)));
  if (!row) throw AppError.notFound();
  return row;
}

/**
 * For a record hanging off a customer (a note, an attachment): its customer is visible and in the resource's scope
 * for reading, and — for changes — the record itself is in scope for the action, where "own" is the record's
 * author and "team" the customer's team. Usable in any WHERE on the record's table.
 */
export function onVisibleCustomer(
  ctx: Ctx,
  resource: Resource,
  record: { orgId: AnyColumn; customerId: AnyColumn; author: AnyColumn },
  action = 'read',
): SQL {
  const conditions: SQL[] = [
    eq(customers.orgId, record.orgId) as SQL,
    eq(customers.id, record.customerId) as SQL,
    customersInScope(ctx, 'read'),
    customerScopeFor(ctx, resource, 'read'),
  ];
  if (action !== 'read') {
    conditions.push(
      scopeWhere(ctx, resource, action, { orgId: record.orgId, owner: record.author, team: customers.teamId }),
    );
  }
  return exists(
    ctx.db
      .select({ one: sql`1` })
      .from(customers)
      .where(and(...conditions)),
  );
}
