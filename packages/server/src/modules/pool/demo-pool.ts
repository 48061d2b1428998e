import {
  addWholeDays,
  defaultExemptRoles,
  fixedClock,
  isPoolExempt,
  type PoolReturnRule,
  type PoolRuleInput,
  poolRuleInputSchema,
} from '@berth/domain';
import { and, eq, sql } from 'drizzle-orm';
import { arrayParam, type Db, queryRows } from '../../db/database';
import { fullAccessCtx, inTransaction, systemCtx } from '../../platform/context';
import { customerOwnership } from '../customers';
import { savePoolRule } from './pool-rules';
import { runPoolSweep } from './pool-sweep';
import { ownershipChanges } from './tables';

const noFollowUpDays = 30;
const noDealDays = 180;

/** The demo organisation's rule: idle customers return after 30 days without follow-up or 180 without a deal. */
const demoRule: PoolRuleInput = {
  enabled: true,
  protectionDays: 7,
  noFollowUpDays,
  noDealDays,
  warnDaysBefore: 5,
  maxClaimedHeld: 30,
  maxClaimsPerDay: 5,
  exemptRoles: [...defaultExemptRoles],
  exemptRelationships: ['strategic'],
};

/** Customers already in the pool: how long ago, and whether a rule returned them or their owner let go. */
const pooled: { daysAgo: number; rule?: PoolReturnRule; reason?: string }[] = [
  { daysAgo: 1, rule: 'no_follow_up' },
  { daysAgo: 3, reason: '客户改由上海同行操作，暂无合作机会' },
  { daysAgo: 6, rule: 'no_follow_up' },
  { daysAgo: 10, rule: 'no_deal' },
  { daysAgo: 15, reason: '客户今年暂无出口计划' },
  { daysAgo: 22, rule: 'no_follow_up' },
  { daysAgo: 37, reason: '对接人离职，需要重新开发' },
  { daysAgo: 54, rule: 'no_deal' },
];

/** Owned customers without follow-up for a while: they fall due in this many days, inside the warning period. */
const dueInDays = [1, 2, 3, 4];

export interface DemoPoolCustomer {
  id: string;
  ownerId: string;
  teamId: string | null;
}

/**
 * The pool of the demo forwarder: its organisation rule (saved as a manager would), a handful of
 * customers already in the pool — returned by the rules or released by their owner, days or
 * weeks ago — and a few owned customers close to their return date, whose owners the pool sweep
 * then warns. Takes its customers from the end of `candidates`.
 */
export async function loadDemoPool(
  db: Db,
  org: { orgId: string; adminId: string },
  candidates: DemoPoolCustomer[],
  now = new Date(),
): Promise<void> {
  const clock = fixedClock(now);
  const ctx = fullAccessCtx(db, org.orgId, org.adminId, { clock });
  await savePoolRule(ctx, null, 0, poolRuleInputSchema.parse(demoRule));
  // Consignees, agents and strategic customers never return to the pool: the demo's pool is made of the others.
  const exempt = new Set(
    (
      await queryRows<{ id: string; roles: string[] | null; relationship_type: string | null }>(
        db,
        sql`select id, roles, relationship_type from customers
             where org_id = ${org.orgId} and id = any(${arrayParam(candidates.map((c) => c.id))}::uuid[])`,
      )
    )
      .filter((c) => isPoolExempt({ roles: c.roles ?? [], relationshipType: c.relationship_type }, demoRule))
      .map((c) => c.id),
  );
  const picked = candidates.filter((c) => !exempt.has(c.id)).slice(-(pooled.length + dueInDays.length));
  if (picked.length < pooled.length + dueInDays.length) return;
  const ago = (days: number, from = now) => addWholeDays(from, -days);
  const customerWhere = (id: string) => and(eq(customerOwnership.orgId, org.orgId), eq(customerOwnership.id, id));

  await inTransaction(systemCtx(db, org.orgId, { clock }), async (tx) => {
    for (const [i, demo] of pooled.entries()) {
      const customer = picked[i] as DemoPoolCustomer;
      const pooledAt = ago(demo.daysAgo);
      const rule = demo.rule;
      // The clocks as they stood when the customer left its owner.
      const lastFollowUpAt = rule === 'no_follow_up' ? ago(noFollowUpDays, pooledAt) : ago(rule ? 12 : 2, pooledAt);
      const lastDealAt = rule === 'no_deal' ? ago(noDealDays, pooledAt) : ago(75, pooledAt);
      await tx.db
        .update(customerOwnership)
        .set({
          ownerId: null,
          pooledAt,
          ownerSince: null,
          protectedUntil: null,
          poolWarnedAt: null,
          lastFollowUpAt,
          lastDealAt,
          version: sql`${customerOwnership.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(customerWhere(customer.id));
      await tx.db.insert(ownershipChanges).values({
        orgId: org.orgId,
        customerId: customer.id,
        kind: rule ? 'auto_return' : 'release',
        fromOwnerId: customer.ownerId,
        toOwnerId: null,
        fromTeamId: customer.teamId,
        toTeamId: customer.teamId,
        reason: demo.reason ?? null,
        details: rule ? { rule, days: rule === 'no_follow_up' ? noFollowUpDays : noDealDays } : null,
        actorId: rule ? null : customer.ownerId,
        actorType: rule ? 'system' : 'user',
        at: pooledAt,
      });
    }
    for (const [i, dueIn] of dueInDays.entries()) {
      const customer = picked[pooled.length + i] as DemoPoolCustomer;
      const ownerSince = ago(90);
      await tx.db
        .update(customerOwnership)
        .set({
          ownerSince,
          protectedUntil: addWholeDays(ownerSince, demoRule.protectionDays),
          lastFollowUpAt: ago(noFollowUpDays - dueIn),
          lastDealAt: ago(40),
        })
        .where(customerWhere(customer.id));
    }
  });
  // The owners hear about it as they would from the hourly check: warned now, returned in five days.
  await runPoolSweep(db, clock);
}
