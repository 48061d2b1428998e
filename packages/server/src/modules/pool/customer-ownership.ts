import { type CustomerOwnership, poolReturnAt } from '@berth/domain';
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import { type Ctx, can } from '../../platform/context';
import { iso } from '../../platform/versioned-write';
import { customerRef } from '../customers';
import { ruleFor } from './pool-rules';
import { poolTeams, visibleCustomers } from './pool-scope';

/** Owner, protection and pool state of one customer, when it would return, and what the caller may do with it. */
export async function getCustomerOwnership(ctx: Ctx, id: string): Promise<CustomerOwnership> {
  const [row] = await ctx.db
    .select()
    .from(customerRef)
    .where(and(visibleCustomers(ctx), eq(customerRef.id, id), isNull(customerRef.mergedIntoId)));
  if (!row) throw AppError.notFound();
  const pooled = row.ownerId === null && row.pooledAt !== null;
  const rule = row.ownerId ? await ruleFor(ctx, row.teamId) : null;
  const returnsAt = rule ? poolReturnAt(row, rule, ctx.clock.now()) : null;
  const claimable =
    pooled &&
    can(ctx, 'pool', 'claim') &&
    (await ctx.db
      .select({ id: customerRef.id })
      .from(customerRef)
      .where(and(eq(customerRef.orgId, ctx.orgId), eq(customerRef.id, id), poolTeams(ctx, 'claim')))
      .then((rows) => rows.length > 0));
  return {
    customerId: row.id,
    ownerId: row.ownerId,
    teamId: row.teamId,
    ownerSince: iso(row.ownerSince),
    protectedUntil: iso(row.protectedUntil),
    pooledAt: iso(row.pooledAt),
    lastFollowUpAt: iso(row.lastFollowUpAt),
    lastDealAt: iso(row.lastDealAt),
    returnsAt: iso(returnsAt),
    canClaim: claimable,
    canRelease:
      row.ownerId !== null &&
      ((row.ownerId === ctx.userId && can(ctx, 'customers', 'update')) || can(ctx, 'customers', 'assign')),
    canAssign: can(ctx, 'customers', 'assign'),
  };
}
