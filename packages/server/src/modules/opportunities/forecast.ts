import type { Forecast, ForecastGrouping, ForecastQuery, ForecastRow } from '@berth/domain';
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
 * (grouping sets). Different currencies are never added up.
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
  // Amounts count only where the caller sees the opportunity's money (financials.read in scope for it).
  const money = maySeeSql(ctx, 'financials', { owner: opportunities.ownerId, team: opportunities.teamId });
  const rows = await queryRows<ForecastSqlRow>(
    ctx.db,
    sql`with base as (
          select ${groupKeys[query.groupBy]} as key, ${opportunities.currency} as currency,
                 ${opportunities.status} as status, ${opportunities.probability} as probability,
                 case when ${money} then ${opportunities.expectedRevenue} end as revenue,
                 case when ${money} then ${opportunities.expectedMargin} end as margin
            from ${opportunities}
           where ${where})
        select key, currency, grouping(key) as is_total,
               (count(*) filter (where status = 'open'))::int as open_count,
               sum(revenue) filter (where status = 'open') as expected_revenue,
               round(sum(revenue * probability) filter (where status = 'open') / 100, 2) as weighted_revenue,
               sum(margin) filter (where status = 'open') as expected_margin,
               round(sum(margin * probability) filter (where status = 'open') / 100, 2) as weighted_margin,
               (count(*) filter (where status = 'won'))::int as won_count,
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
  const seesMoney = maySeeAny(ctx, 'financials');
  const toRow = (r: ForecastSqlRow): ForecastRow => {
    const amount = (value: string | number | null) => (seesMoney ? (value === null ? 0 : Number(value)) : null);
    return {
      key: Number(r.is_total) === 1 ? null : r.key,
      name: Number(r.is_total) === 1 || r.key === null ? null : (names.get(r.key) ?? r.key),
      currency: r.currency,
      openCount: Number(r.open_count),
      expectedRevenue: amount(r.expected_revenue),
      weightedRevenue: amount(r.weighted_revenue),
      expectedMargin: amount(r.expected_margin),
      weightedMargin: amount(r.weighted_margin),
      wonCount: Number(r.won_count),
      wonRevenue: amount(r.won_revenue),
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
