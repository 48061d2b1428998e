import type { Customer, PoolQuota, PoolRuleInput } from '@berth/domain';
import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/database';
import { users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type Ctx, can, inTransaction, requireScope } from '../../platform/context';
import { customerRecord, customerRef, customersInScope } from '../customers';
import { changeOwner } from './change-owner';
import { ruleFor } from './pool-rules';
import { poolTeams, poolWhere } from './pool-scope';

/**
 * The claim limits, both optional: `maxClaimedHeld` counts the customers a rep holds now whose
 * latest ownership change was their own claim from the pool (customers they were assigned or
 * created do not count, and one given away or returned stops counting); `maxClaimsPerDay` counts
 * the rep's claims in the last 24 hours. The rule of the rep's own team applies, else the organisation's.
 */
async function countClaims(ctx: Ctx, userId: string): Promise<{ held: number; today: number }> {
  const [row] = await queryRows<{ held: number | string; today: number | string }>(
    ctx.db,
    sql`select
          (select count(*) from customers c
            where c.org_id = ${ctx.orgId} and c.owner_id = ${userId} and c.merged_into_id is null
              and exists (select 1 from (select oc.kind, oc.to_owner_id from ownership_changes oc
                                          where oc.org_id = c.org_id and oc.customer_id = c.id
                                          order by oc.id desc limit 1) latest
                           where latest.kind = 'claim' and latest.to_owner_id = c.owner_id)) as held,
          (select count(*) from ownership_changes oc
            where oc.org_id = ${ctx.orgId} and oc.to_owner_id = ${userId} and oc.kind = 'claim'
              and oc.at > now() - interval '24 hours') as today`,
  );
  return { held: Number(row?.held ?? 0), today: Number(row?.today ?? 0) };
}

function quotaOf(rule: PoolRuleInput, counts: { held: number; today: number }): PoolQuota {
  const left = [
    rule.maxClaimedHeld === null ? null : rule.maxClaimedHeld - counts.held,
    rule.maxClaimsPerDay === null ? null : rule.maxClaimsPerDay - counts.today,
  ].filter((n): n is number => n !== null);
  return {
    maxClaimedHeld: rule.maxClaimedHeld,
    claimedHeld: counts.held,
    maxClaimsPerDay: rule.maxClaimsPerDay,
    claimedToday: counts.today,
    remaining: left.length > 0 ? Math.max(0, Math.min(...left)) : null,
  };
}

async function teamOf(ctx: Ctx, userId: string, lock: boolean): Promise<string | null> {
  const query = ctx.db
    .select({ teamId: users.teamId })
    .from(users)
    .where(and(eq(users.orgId, ctx.orgId), eq(users.id, userId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw AppError.forbidden();
  return row.teamId;
}

/** How many more customers the caller may claim now. */
export async function poolQuota(ctx: Ctx): Promise<PoolQuota> {
  requireScope(ctx, 'pool', 'claim');
  if (!ctx.userId) throw AppError.forbidden();
  const rule = await ruleFor(ctx, await teamOf(ctx, ctx.userId, false));
  return quotaOf(rule, await countClaims(ctx, ctx.userId));
}

/**
 * A rep takes a customer from a pool they work with. One conditional UPDATE decides between
 * concurrent claims of the same customer: only a row still without owner and in the pool
 * changes, so exactly one claim wins and the others get 409 pool.not_in_pool. Claims of one rep
 * are serialised by locking the rep's user row, so parallel claims cannot overrun the limit.
 */
export async function claimCustomer(ctx: Ctx, id: string): Promise<Customer> {
  requireScope(ctx, 'pool', 'claim');
  const userId = ctx.userId;
  if (!userId) throw AppError.forbidden();
  return inTransaction(ctx, async (tx) => {
    const rule = await ruleFor(tx, await teamOf(tx, userId, true));
    const quota = quotaOf(rule, await countClaims(tx, userId));
    const claimable = and(
      poolWhere(tx, 'claim'),
      eq(customerRef.id, id),
      quota.remaining === 0 ? sql`false` : undefined,
    );
    const [claimed] = await changeOwner(tx, claimable as SQL, { ownerId: userId }, { reason: 'claim' });
    if (!claimed) throw await whyNotClaimed(tx, id, rule, quota);
    return customerRecord(tx, id);
  });
}

/** 404 when the caller cannot see the customer at all; 409 with the reason otherwise. */
async function whyNotClaimed(ctx: Ctx, id: string, rule: PoolRuleInput, quota: PoolQuota): Promise<AppError> {
  const seen: SQL[] = [and(eq(customerRef.orgId, ctx.orgId), poolTeams(ctx, 'claim')) as SQL];
  if (can(ctx, 'customers', 'read')) seen.push(customersInScope(ctx, 'read'));
  const [found] = await ctx.db
    .select({ ownerId: customerRef.ownerId, pooledAt: customerRef.pooledAt })
    .from(customerRef)
    .where(
      and(eq(customerRef.orgId, ctx.orgId), eq(customerRef.id, id), isNull(customerRef.mergedIntoId), or(...seen)),
    );
  if (!found) return AppError.notFound();
  if (found.ownerId === null && found.pooledAt !== null && quota.remaining === 0) {
    const daily = rule.maxClaimsPerDay !== null && quota.claimedToday >= rule.maxClaimsPerDay;
    return new AppError(daily ? 'pool.daily_claim_limit' : 'pool.claim_limit', 409);
  }
  return new AppError('pool.not_in_pool', 409);
}
