import { type MoneyJson, storedMoneyJson, zonedMonth, zonedMonthStart } from '@berth/domain';
import { and, eq, gte, inArray, isNotNull, lt, min, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database';
import type { Ctx } from '../../platform/context';
import { maySeeAny, maySeeSql } from '../../platform/field-access';
import { opportunityRef } from '../opportunities/public';
import { taskRef } from '../tasks/public';

/** What a customer's row shows beside its record: the next planned follow-up and the open pipeline. */
export interface CustomerListExtras {
  nextFollowUpAt: Map<string, string>;
  /** Per customer, one amount per currency; null when the caller holds no revenue right at all. */
  openPipeline: Map<string, MoneyJson[]> | null;
}

/** The next open task's due time of each customer. */
export async function nextFollowUps(ctx: Ctx, db: Executor, ids: string[]): Promise<Map<string, string>> {
  const rows = await db
    .select({ customerId: taskRef.customerId, dueAt: min(taskRef.dueAt) })
    .from(taskRef)
    .where(
      and(
        eq(taskRef.orgId, ctx.orgId),
        inArray(taskRef.customerId, ids),
        eq(taskRef.status, 'open'),
        isNotNull(taskRef.dueAt),
      ),
    )
    .groupBy(taskRef.customerId);
  return new Map(rows.flatMap((r) => (r.customerId && r.dueAt ? [[r.customerId, r.dueAt.toISOString()]] : [])));
}

/**
 * The expected revenue of each customer's open opportunities, summed per currency and never converted, over the
 * opportunities whose revenue the caller sees (the revenue right, applied per opportunity as field-access says).
 */
export async function openPipelines(ctx: Ctx, db: Executor, ids: string[]): Promise<Map<string, MoneyJson[]> | null> {
  if (!maySeeAny(ctx, 'revenue')) return null;
  const rows = await db
    .select({
      customerId: opportunityRef.customerId,
      currency: opportunityRef.revenueCurrency,
      amount: sql<string>`sum(${opportunityRef.expectedRevenue})::text`,
    })
    .from(opportunityRef)
    .where(
      and(
        eq(opportunityRef.orgId, ctx.orgId),
        inArray(opportunityRef.customerId, ids),
        eq(opportunityRef.status, 'open'),
        isNotNull(opportunityRef.expectedRevenue),
        isNotNull(opportunityRef.revenueCurrency),
        maySeeSql(ctx, 'revenue', { owner: opportunityRef.ownerId, team: opportunityRef.teamId }),
      ),
    )
    .groupBy(opportunityRef.customerId, opportunityRef.revenueCurrency)
    .orderBy(opportunityRef.revenueCurrency);
  const pipelines = new Map<string, MoneyJson[]>();
  for (const row of rows) {
    const money = storedMoneyJson(row.amount, row.currency);
    if (!money) continue;
    pipelines.set(row.customerId, [...(pipelines.get(row.customerId) ?? []), money]);
  }
  return pipelines;
}

/**
 * The expected revenue of the customer's opportunities won in the current calendar year of `timeZone`, per currency
 * and never converted, over those whose revenue the caller sees; null without the revenue right. One statement.
 */
export async function wonThisYear(
  ctx: Ctx,
  db: Executor,
  customerId: string,
  timeZone: string,
): Promise<{ year: number; amounts: MoneyJson[] } | null> {
  if (!maySeeAny(ctx, 'revenue')) return null;
  const now = ctx.clock.now();
  const [year = '1970', month = '01'] = zonedMonth(timeZone, now).split('-');
  const start = zonedMonthStart(timeZone, now, 1 - Number(month));
  const end = zonedMonthStart(timeZone, now, 13 - Number(month));
  const rows = await db
    .select({
      currency: opportunityRef.revenueCurrency,
      amount: sql<string>`sum(${opportunityRef.expectedRevenue})::text`,
    })
    .from(opportunityRef)
    .where(
      and(
        eq(opportunityRef.orgId, ctx.orgId),
        eq(opportunityRef.customerId, customerId),
        eq(opportunityRef.status, 'won'),
        gte(opportunityRef.closedAt, start),
        lt(opportunityRef.closedAt, end),
        isNotNull(opportunityRef.expectedRevenue),
        isNotNull(opportunityRef.revenueCurrency),
        maySeeSql(ctx, 'revenue', { owner: opportunityRef.ownerId, team: opportunityRef.teamId }),
      ),
    )
    .groupBy(opportunityRef.revenueCurrency)
    .orderBy(opportunityRef.revenueCurrency);
  return {
    year: Number(year),
    amounts: rows.flatMap((r) => {
      const money = storedMoneyJson(r.amount, r.currency);
      return money ? [money] : [];
    }),
  };
}

export async function customerListExtras(ctx: Ctx, db: Executor, ids: string[]): Promise<CustomerListExtras> {
  const [nextFollowUpAt, openPipeline] = await Promise.all([nextFollowUps(ctx, db, ids), openPipelines(ctx, db, ids)]);
  return { nextFollowUpAt, openPipeline };
}

/** The currencies of the open pipelines the caller sees (in the organisation), in order; null without the revenue right. */
export async function pipelineCurrencies(ctx: Ctx): Promise<string[] | null> {
  if (!maySeeAny(ctx, 'revenue')) return null;
  const rows = await ctx.db
    .selectDistinct({ currency: opportunityRef.revenueCurrency })
    .from(opportunityRef)
    .where(
      and(
        eq(opportunityRef.orgId, ctx.orgId),
        eq(opportunityRef.status, 'open'),
        isNotNull(opportunityRef.expectedRevenue),
        maySeeSql(ctx, 'revenue', { owner: opportunityRef.ownerId, team: opportunityRef.teamId }),
      ),
    )
    .orderBy(opportunityRef.revenueCurrency);
  return rows.flatMap((r) => (r.currency ? [r.currency] : []));
}
