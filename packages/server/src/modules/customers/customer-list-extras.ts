import { type MoneyJson, storedMoneyJson, zonedMonth, zonedMonthStart } from '@berth/domain';
import { and, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import { arrayParam, type Executor, queryRows } from '../../db/database';
import type { Ctx } from '../../platform/context';
import { maySeeAny, maySeeSql } from '../../platform/field-access';
import { opportunityRef } from '../opportunities';
import { taskRef } from '../tasks';

/** What a customer's row shows beside its record: the next planned follow-up and the open pipeline. */
export interface CustomerListExtras {
  nextFollowUpAt: Map<string, string>;
  /** Per customer, one amount per currency; null when the caller holds no revenue right at all. */
  openPipeline: Map<string, MoneyJson[]> | null;
}

/** What a customer record shows beside its own row, read for a page of customers in one statement. */
export interface CustomerBeside extends CustomerListExtras {
  lanes: Map<string, LaneJson[]>;
  tagIds: Map<string, string[]>;
  rollups: Map<string, RollupJson>;
}

export interface LaneJson {
  pol: string;
  pod: string;
  mode: string;
  volume: number | null;
  volumeUnit: string | null;
  volumePeriod: string | null;
}

export interface RollupJson {
  firstShipmentAt: string | null;
  lastShipmentAt: string | null;
  shipments12m: number;
  teu12m: string;
  revenue12mAmount: string;
  revenue12mCurrency: string;
  revenueComplete: boolean;
  computedAt: string;
}

interface BesideJson {
  lanes: LaneJson[];
  tagIds: string[];
  rollup: RollupJson | null;
  nextFollowUpAt: string | null;
  pipeline: { currency: string; amount: string }[] | null;
}

/**
 * Lanes (in their order), tags, shipment roll-up, the next open task's due time and the open pipeline of each
 * customer: one statement, each part a subquery on its table's (org_id, customer_id) index. The pipeline sums the
 * expected revenue of open opportunities per currency, never converted, over the opportunities whose revenue the
 * caller sees (the revenue right, applied per opportunity as field-access says); it is null without that right.
 * Times and amounts travel as text (JSON numbers would round large amounts).
 */
export async function customersBeside(ctx: Ctx, db: Executor, ids: string[]): Promise<CustomerBeside> {
  const pipeline = maySeeAny(ctx, 'revenue')
    ? sql`(select json_agg(json_build_object('currency', p.currency, 'amount', p.amount) order by p.currency)
             from (select ${opportunityRef.revenueCurrency} as currency, sum(${opportunityRef.expectedRevenue})::text as amount
                     from ${opportunityRef}
                    where ${opportunityRef.orgId} = ${ctx.orgId} and ${opportunityRef.customerId} = c.id
                      and ${opportunityRef.status} = 'open' and ${opportunityRef.expectedRevenue} is not null
                      and ${opportunityRef.revenueCurrency} is not null
                      and ${maySeeSql(ctx, 'revenue', { owner: opportunityRef.ownerId, team: opportunityRef.teamId })}
                    group by ${opportunityRef.revenueCurrency}) p)`
    : sql`null::json`;
  const rows = await queryRows<{ id: string; beside: BesideJson | string }>(
    db,
    sql`select c.id::text as id, json_build_object(
          'lanes', (select coalesce(json_agg(json_build_object('pol', l.pol, 'pod', l.pod, 'mode', l.mode,
                                      'volume', l.volume, 'volumeUnit', l.volume_unit, 'volumePeriod', l.volume_period)
                                      order by l.position), '[]'::json)
                      from customer_lanes l where l.org_id = ${ctx.orgId} and l.customer_id = c.id),
          'tagIds', (select coalesce(json_agg(t.tag_id), '[]'::json)
                       from customer_tags t where t.org_id = ${ctx.orgId} and t.customer_id = c.id),
          'rollup', (select json_build_object('firstShipmentAt', r.first_shipment_at, 'lastShipmentAt', r.last_shipment_at,
                                'shipments12m', r.shipments_12m, 'teu12m', r.teu_12m::text,
                                'revenue12mAmount', r.revenue_12m_amount::text, 'revenue12mCurrency', r.revenue_12m_currency,
                                'revenueComplete', r.revenue_complete, 'computedAt', r.computed_at)
                       from customer_shipment_rollups r where r.org_id = ${ctx.orgId} and r.customer_id = c.id),
          'nextFollowUpAt', (select min(${taskRef.dueAt}) from ${taskRef}
                              where ${taskRef.orgId} = ${ctx.orgId} and ${taskRef.customerId} = c.id
                                and ${taskRef.status} = 'open' and ${taskRef.dueAt} is not null),
          'pipeline', ${pipeline}) as beside
        from unnest(${arrayParam(ids)}::uuid[]) as c(id)`,
  );
  const beside: CustomerBeside = {
    lanes: new Map(),
    tagIds: new Map(),
    rollups: new Map(),
    nextFollowUpAt: new Map(),
    openPipeline: maySeeAny(ctx, 'revenue') ? new Map() : null,
  };
  for (const row of rows) {
    const b: BesideJson = typeof row.beside === 'string' ? JSON.parse(row.beside) : row.beside;
    beside.lanes.set(row.id, b.lanes);
    beside.tagIds.set(row.id, b.tagIds);
    if (b.rollup) beside.rollups.set(row.id, b.rollup);
    if (b.nextFollowUpAt) beside.nextFollowUpAt.set(row.id, isoInstant(b.nextFollowUpAt));
    const money = (b.pipeline ?? []).flatMap((p) => {
      const m = storedMoneyJson(p.amount, p.currency);
      return m ? [m] : [];
    });
    if (money.length > 0) beside.openPipeline?.set(row.id, money);
  }
  return beside;
}

/** A timestamptz as JSON writes it (microseconds, offset) as the API's ISO instant, cut to milliseconds as drizzle does. */
export const isoInstant = (value: string): string => new Date(value).toISOString();

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
