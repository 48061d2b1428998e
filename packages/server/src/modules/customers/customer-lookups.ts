import type { Customer, NamedRef } from '@berth/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import type { Ctx } from '../../platform/context';
import { toCustomer } from './customer-dto';
import { customerById } from './customer-scope';
import { customers } from './tables';

/** The customer if the caller may do `action` on it, with what deciding about it takes; else undefined. */
export async function visibleCustomer(
  ctx: Ctx,
  action: string,
  id: string,
): Promise<{ id: string; name: string; ownerId: string | null; teamId: string | null } | undefined> {
  const [row] = await ctx.db
    .select({ id: customers.id, name: customers.name, ownerId: customers.ownerId, teamId: customers.teamId })
    .from(customers)
    .where(customerById(ctx, action, id));
  return row;
}

/**
 * The customer as the API returns it, for a use case that has already decided the caller may have
 * it (a claim, an assignment): no scope here. 404 when the organisation has no such record.
 */
export async function customerRecord(ctx: Ctx, id: string): Promise<Customer> {
  const [row] = await ctx.db
    .select()
    .from(customers)
    .where(and(eq(customers.orgId, ctx.orgId), eq(customers.id, id)));
  if (!row) throw AppError.notFound();
  return toCustomer(ctx, ctx.db, row);
}

/** The names of these customers of the organisation, for records that show which customer they are about. */
export async function customerNames(ctx: Pick<Ctx, 'orgId' | 'db'>, ids: string[]): Promise<NamedRef[]> {
  if (ids.length === 0) return [];
  return ctx.db
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(and(eq(customers.orgId, ctx.orgId), inArray(customers.id, ids)));
}
