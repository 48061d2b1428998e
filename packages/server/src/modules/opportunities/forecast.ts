import {
  type Forecast,
  type ForecastGrouping,
  type ForecastQuery,
  type ForecastRow,
  storedMoneyJson,
} from '@berth/domain';
import { and, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/database';
import { teams, users } from '../../db/schema';
import type { Ctx } from '../../platform/context';
import { maySeeAny, maySeeSql } from '../../platform/field-access';
import { opportunitiesInScope } from './opportunity-scope';
import { opportunities } from './tables';

/** The day an opportunity counts on: its expected close date while open, the day it was won once won. */
const closeDay = sql`(case when ${opportunities.status} = 'won'
  then (${opportunities.closedAt} at time zone 'UTC')::date else ${opportunities.expectedCloseDate} end)`;

/** The first lane of an opportunity as POL-POD: one lane per opportunity, so no amount is counted twice. */
export const firstLane = sql`(select l.pol || '-' || l.pod from opportunity_lanes l
  where l.org_id = ${opportunities.orgId} and l.opportunity_id = ${opportunities.id}
  order by l.position limit 1)`;

const groupKeys: Record<ForecastGrouping, SQL> = {
  month: sql`to_char(${closeDay}, 'YYYY-MM')`,
  owner: sql`${opportunities.ownerId}::text`,
  team: sql`${opportunities.teamId}::text`,
  lane: firstLane,
};

interface ForecastSqlRow {
  key: string | null;
  currency: string | null;
  is_total: number;
  open_count: number | string;
  expected_revenue: string | number | null;
  weighted_revenue: string | number | null;
  expected_margin: string | number | null;
  weighted_margin: string | number | null;
  won_count: number | string;
  won_revenue: string | number | null;
}

/**
 * The weighted pipeline: open opportunities' expected revenue (and margin) × probability, and the
 * revenue won, per group and currency, in one set-based statement with the per-currency totals
 * (grouping sets). Different currencies are never added up, nor converted. An opportunity counts in
 * the row of its revenue's currency; a margin in another currency adds to that currency's row. Revenue
 * counts only where the caller sees it (the revenue right in scope for the opportunity), margin only
 * where they see it (costMargin); an opportunity whose revenue they do not see counts in the row
 * without currency.
 */
export async function pipelineForecast(ctx: Ctx, query: ForecastQuery): Promise<Forecast> {
  const where = and(
    opportunitiesInScope(ctx, 'read'),
    inArray(opportunities.status, ['open', 'won']),
    query.ownerId ? eq(opportunities.ownerId, query.ownerId) : undefined,
    query.teamId ? eq(opportunities.teamId, query.teamId) : undefined,
    query.from ? gte(closeDay, query.from) : undefined,
    query.to ? lte(closeDay, query.to) : undefined,
  );
  const owner = { owner: opportunities.ownerId, team: opportunities.teamId };
  const seesRevenue = maySeeSql(ctx, 'revenue', owner);
  const seesMargin = maySeeSql(ctx, 'costMargin', owner);
  const rows = await queryRows<ForecastSqlRow>(
    ctx.db,
    sql`with opp as (
          select ${groupKeys[query.groupBy]} as key,
                 ${opportunities.status} as status, ${opportunities.probability} as probability,
                 case when ${seesRevenue} and ${opportunities.expectedRevenue} is not null
                      then ${opportunities.revenueCurrency} end as revenue_currency,
                 case when ${seesRevenue} then ${opportunities.expectedRevenue} end as revenue,
                 case when ${seesMargin} and ${opportunities.expectedMargin} is not null
                      then ${opportunities.marginCurrency} end as margin_currency,
                 case when ${seesMargin} then ${opportunities.expectedMargin} end as margin
            from ${opportunities}
           where ${where}),
        base as (
          select key, revenue_currency as currency, status, probability, 1 as n, revenue,
                 case when margin_currency is not distinct from revenue_currency then margin end as margin
            from opp
          union all
          select key, margin_currency, status, probability, 0, null, margin
            from opp
           where margin_currency is not null and margin_currency is distinct from revenue_currency)
        select key, currency, grouping(key) as is_total,
               (sum(n) filter (where status = 'open'))::int as open_count,
               sum(revenue) filter (where status = 'open') as expected_revenue,
               sum(revenue * probability) filter (where status = 'open') / 100 as weighted_revenue,
               sum(margin) filter (where status = 'open') as expected_margin,
               sum(margin * probability) filter (where status = 'open') / 100 as weighted_margin,
               (sum(n) filter (where status = 'won'))::int as won_count,
               sum(revenue) filter (where status = 'won') as won_revenue
          from base
         group by grouping sets ((key, currency), (currency))
         order by grouping(key), key nulls last, currency nulls last`,
  );
  const names = await groupNames(
    ctx,
    query.groupBy,
    rows.map((r) => r.key),
  );
  const revenueShown = maySeeAny(ctx, 'revenue');
  const marginShown = maySeeAny(ctx, 'costMargin');
  const toRow = (r: ForecastSqlRow): ForecastRow => {
    // Sums in the row's currency, rounded half up to its minor units; zero where nothing visible added up.
    const amount = (shown: boolean, value: string | number | null) =>
      shown && r.currency ? storedMoneyJson(value ?? 0, r.currency) : null;
    return {
      key: Number(r.is_total) === 1 ? null : r.key,
      name: Number(r.is_total) === 1 || r.key === null ? null : (names.get(r.key) ?? r.key),
      currency: r.currency,
      openCount: Number(r.open_count ?? 0),
      expectedRevenue: amount(revenueShown, r.expected_revenue),
      weightedRevenue: amount(revenueShown, r.weighted_revenue),
      expectedMargin: amount(marginShown, r.expected_margin),
      weightedMargin: amount(marginShown, r.weighted_margin),
      wonCount: Number(r.won_count ?? 0),
      wonRevenue: amount(revenueShown, r.won_revenue),
    };
  };
  return {
    groupBy: query.groupBy,
    items: rows.filter((r) => Number(r.is_total) === 0).map(toRow),
    totals: rows.filter((r) => Number(r.is_total) === 1).map(toRow),
  };
}

/** Readable names of owner and team keys; months and lanes are their own names. */
export async function groupNames(ctx: Ctx, groupBy: string, keys: (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(keys.filter((k): k is string => k !== null))];
  if (ids.length === 0) return new Map();
  if (groupBy === 'owner') {
    const rows = await ctx.db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.orgId, ctx.orgId), inArray(users.id, ids)));
    return new Map(rows.map((r) => [r.id, r.name]));
  }
  if (groupBy === 'team') {
    const rows = await ctx.db
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .where(and(eq(teams.orgId, ctx.orgId), inArray(teams.id, ids)));
    return new Map(rows.map((r) => [r.id, r.name]));
  }
  return new Map();
}
