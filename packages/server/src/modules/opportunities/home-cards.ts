import {
  type HomeCardScope,
  homeCardRowLimit,
  type InquiryHomeCard,
  type MoneyJson,
  opportunityHomeCardEndpoints,
  type PipelineHomeCard,
  readerTitle,
  stageDisplayName,
  storedMoneyJson,
  type TeamHomeCard,
  type TeamMemberNumbers,
  type WeightedSum,
  type WonHomeCard,
  type WonMonth,
  zonedMonth,
  zonedMonthStart,
} from '@berth/domain';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/database';
import { users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type Ctx, requireScope } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { maySeeAny, maySeeSql } from '../../platform/field-access';
import { defineHomeCard } from '../../platform/module';
import { customerRef } from '../customers';
import { orgTimeZone } from '../org-settings';
import { opportunitiesInScope } from './opportunity-scope';
import { firstOpenStage, loadStages } from './stages';
import { opportunities } from './tables';

type Amount = string | number | null;

/**
 * The expected revenue of an opportunity as the caller may see it, with its currency: both null where the revenue
 * right does not cover the record, so a sum over them adds only visible amounts, each in its own currency.
 */
function visibleRevenue(ctx: Ctx): { currency: SQL; revenue: SQL } {
  const sees = maySeeSql(ctx, 'revenue', { owner: opportunities.ownerId, team: opportunities.teamId });
  return {
    currency: sql`case when ${sees} and ${opportunities.expectedRevenue} is not null
                       then ${opportunities.revenueCurrency} end`,
    revenue: sql`case when ${sees} then ${opportunities.expectedRevenue} end`,
  };
}

const money = (amount: Amount, currency: string): MoneyJson => storedMoneyJson(amount ?? 0, currency) as MoneyJson;
const byCurrency = <T extends { currency: string }>(a: T, b: T) => a.currency.localeCompare(b.currency);

interface WaitingSqlRow {
  id: string;
  code: string;
  title: string;
  title_parts: unknown;
  customer_id: string;
  customer_name: string;
  pol: string | null;
  pod: string | null;
  mode: string | null;
  waiting_since: Date | string;
  owner_id: string | null;
  owner_name: string | null;
  total: number | string;
}

/**
 * Inquiries waiting for an answer: open opportunities in the inquiry stage (the stage inquiries open them in) in
 * the caller's `inquiries.read` scope, with no activity since they entered the stage or since their latest
 * inquiry, whichever is later. Longest waiting first; one statement with the total.
 */
export async function inquiryHomeCard(ctx: Ctx): Promise<InquiryHomeCard> {
  const scope = requireScope(ctx, 'inquiries', 'read');
  const stage = await firstOpenStage(ctx, 'inquiry').catch(() => null);
  if (!stage) return { scope, count: 0, items: [] };
  const inScope = scopeWhere(ctx, 'inquiries', 'read', {
    orgId: opportunities.orgId,
    owner: opportunities.ownerId,
    team: opportunities.teamId,
  });
  const rows = await queryRows<WaitingSqlRow>(
    ctx.db,
    sql`with waiting as (
          select ${opportunities.id} as id, ${opportunities.code} as code, ${opportunities.title} as title, ${opportunities.titleParts} as title_parts,
                 ${opportunities.customerId} as customer_id, ${opportunities.ownerId} as owner_id,
                 coalesce(i.pol, l.pol) as pol, coalesce(i.pod, l.pod) as pod, coalesce(i.mode, l.mode) as mode,
                 greatest(${opportunities.stageEnteredAt}, i.created_at) as waiting_since,
                 ${opportunities.lastActivityAt} as last_activity_at
            from ${opportunities}
            left join lateral (
              select q.pol, q.pod, q.mode, q.created_at from inquiries q
               where q.org_id = ${opportunities.orgId} and q.opportunity_id = ${opportunities.id}
               order by q.created_at desc, q.id desc limit 1) i on true
            left join lateral (
              select ol.pol, ol.pod, ol.mode from opportunity_lanes ol
               where ol.org_id = ${opportunities.orgId} and ol.opportunity_id = ${opportunities.id}
               order by ol.position limit 1) l on true
           where ${inScope} and ${opportunities.status} = 'open' and ${opportunities.stageKey} = ${stage.key})
        select w.id, w.code, w.title, w.title_parts, w.customer_id, c.name as customer_name, w.pol, w.pod, w.mode,
               w.waiting_since, w.owner_id, u.name as owner_name, count(*) over () as total
          from waiting w
          join ${customerRef} c on c.org_id = ${ctx.orgId} and c.id = w.customer_id
          left join ${users} u on u.org_id = ${ctx.orgId} and u.id = w.owner_id
         where w.last_activity_at is null or w.last_activity_at < w.waiting_since
         order by w.waiting_since, w.id
         limit ${homeCardRowLimit}`,
  );
  return {
    scope,
    count: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({
      opportunityId: r.id,
      code: r.code,
      title: readerTitle(r.title, r.title_parts, ctx.locale),
      customerId: r.customer_id,
      customerName: r.customer_name,
      pol: r.pol,
      pod: r.pod,
      mode: r.mode,
      waitingSince: new Date(r.waiting_since).toISOString(),
      ownerId: r.owner_id,
      ownerName: r.owner_name,
    })),
  };
}

interface StageSqlRow {
  stage_key: string | null;
  currency: string | null;
  is_total: number | string;
  n: number | string;
  total: Amount;
  weighted: Amount;
}

/**
 * Open opportunities in the caller's read scope by stage and currency, with the per-currency totals (one statement,
 * grouping sets): counts for everyone, expected and weighted revenue only where the revenue right covers the
 * opportunity. Currencies are never added up.
 */
export async function pipelineHomeCard(ctx: Ctx): Promise<PipelineHomeCard> {
  const scope = requireScope(ctx, 'opportunities', 'read');
  const { currency, revenue } = visibleRevenue(ctx);
  const rows = await queryRows<StageSqlRow>(
    ctx.db,
    sql`select b.stage_key, b.currency, grouping(b.stage_key) as is_total, count(*) as n, sum(b.revenue) as total,
               sum(b.revenue * b.probability) / 100 as weighted
          from (select ${opportunities.stageKey} as stage_key, ${opportunities.probability} as probability,
                       ${currency} as currency, ${revenue} as revenue
                  from ${opportunities}
                 where ${opportunitiesInScope(ctx, 'read')} and ${opportunities.status} = 'open') b
         group by grouping sets ((b.stage_key, b.currency), (b.currency))`,
  );
  const revenueVisible = maySeeAny(ctx, 'revenue');
  const sums = (of: StageSqlRow[]): WeightedSum[] =>
    revenueVisible
      ? of
          .filter((r) => r.currency)
          .map((r) => ({
            currency: r.currency as string,
            total: money(r.total, r.currency as string),
            weighted: money(r.weighted, r.currency as string),
          }))
          .sort(byCurrency)
      : [];
  const count = (of: StageSqlRow[]) => of.reduce((n, r) => n + Number(r.n), 0);
  const byStage = rows.filter((r) => Number(r.is_total) === 0);
  const totals = rows.filter((r) => Number(r.is_total) === 1);
  const stages = (await loadStages(ctx))
    .filter((s) => s.kind === 'open')
    .map((stage) => ({ stage, rows: byStage.filter((r) => r.stage_key === stage.key) }))
    .filter(({ stage, rows }) => stage.active || rows.length > 0)
    .map(({ stage, rows }) => ({
      key: stage.key,
      name: stageDisplayName(stage, ctx.locale),
      probability: stage.probability,
      count: count(rows),
      amounts: sums(rows),
    }));
  return { scope, revenueVisible, stages, totals: { count: count(totals), amounts: sums(totals) } };
}

/** This month and last in the organisation's time zone, as instants and as YYYY-MM. */
async function months(ctx: Ctx) {
  const timeZone = await orgTimeZone(ctx);
  const now = ctx.clock.now();
  const thisStart = zonedMonthStart(timeZone, now);
  const lastStart = zonedMonthStart(timeZone, now, -1);
  const nextStart = zonedMonthStart(timeZone, now, 1);
  return {
    timeZone,
    thisStart: thisStart.toISOString(),
    lastStart: lastStart.toISOString(),
    nextStart: nextStart.toISOString(),
    thisMonth: zonedMonth(timeZone, thisStart),
    lastMonth: zonedMonth(timeZone, lastStart),
  };
}

interface WonSqlRow {
  this_month: boolean;
  currency: string | null;
  n: number | string;
  revenue: Amount;
}

/** Opportunities in the caller's read scope won this month and last (months of the organisation's time zone). */
export async function wonHomeCard(ctx: Ctx): Promise<WonHomeCard> {
  const scope = requireScope(ctx, 'opportunities', 'read');
  const m = await months(ctx);
  const { currency, revenue } = visibleRevenue(ctx);
  const rows = await queryRows<WonSqlRow>(
    ctx.db,
    sql`select b.closed_at >= ${m.thisStart}::timestamptz as this_month, b.currency, count(*) as n,
               sum(b.revenue) as revenue
          from (select ${opportunities.closedAt} as closed_at, ${currency} as currency, ${revenue} as revenue
                  from ${opportunities}
                 where ${opportunitiesInScope(ctx, 'read')} and ${opportunities.status} = 'won'
                   and ${opportunities.closedAt} >= ${m.lastStart}::timestamptz
                   and ${opportunities.closedAt} < ${m.nextStart}::timestamptz) b
         group by 1, 2`,
  );
  const revenueVisible = maySeeAny(ctx, 'revenue');
  const month = (thisMonth: boolean, key: string): WonMonth => {
    const own = rows.filter((r) => r.this_month === thisMonth);
    return {
      month: key,
      count: own.reduce((n, r) => n + Number(r.n), 0),
      amounts: revenueVisible
        ? own
            .filter((r) => r.currency)
            .map((r) => money(r.revenue, r.currency as string))
            .sort(byCurrency)
        : [],
    };
  };
  return {
    scope,
    timeZone: m.timeZone,
    revenueVisible,
    thisMonth: month(true, m.thisMonth),
    lastMonth: month(false, m.lastMonth),
  };
}

interface TeamSqlRow {
  owner_id: string;
  currency: string | null;
  open_count: number | string;
  weighted: Amount;
  won_count: number | string;
  won: Amount;
  won_last_count: number | string;
}

/**
 * A manager's view of the team: per owner of opportunities in the caller's read scope, the open pipeline (count,
 * weighted revenue) and the deals won this month and last, ranked by deals won this month, then open pipeline.
 * Only for team or organisation scope: a rep's own numbers are the other cards.
 */
export async function teamHomeCard(ctx: Ctx): Promise<TeamHomeCard> {
  const scope: HomeCardScope = requireScope(ctx, 'opportunities', 'read');
  if (scope === 'own') throw AppError.forbidden();
  const m = await months(ctx);
  const { currency, revenue } = visibleRevenue(ctx);
  const thisMonth = sql`b.status = 'won' and b.closed_at >= ${m.thisStart}::timestamptz`;
  const lastMonth = sql`b.status = 'won' and b.closed_at < ${m.thisStart}::timestamptz`;
  const rows = await queryRows<TeamSqlRow>(
    ctx.db,
    sql`select b.owner_id, b.currency,
               count(*) filter (where b.status = 'open') as open_count,
               sum(b.revenue * b.probability) filter (where b.status = 'open') / 100 as weighted,
               count(*) filter (where ${thisMonth}) as won_count,
               sum(b.revenue) filter (where ${thisMonth}) as won,
               count(*) filter (where ${lastMonth}) as won_last_count
          from (select ${opportunities.ownerId} as owner_id, ${opportunities.status} as status,
                       ${opportunities.closedAt} as closed_at, ${opportunities.probability} as probability,
                       ${currency} as currency, ${revenue} as revenue
                  from ${opportunities}
                 where ${opportunitiesInScope(ctx, 'read')} and ${opportunities.ownerId} is not null
                   and (${opportunities.status} = 'open'
                        or (${opportunities.status} = 'won'
                            and ${opportunities.closedAt} >= ${m.lastStart}::timestamptz
                            and ${opportunities.closedAt} < ${m.nextStart}::timestamptz))) b
         group by b.owner_id, b.currency`,
  );
  const revenueVisible = maySeeAny(ctx, 'revenue');
  const ownerIds = [...new Set(rows.map((r) => r.owner_id))];
  const names =
    ownerIds.length === 0
      ? new Map<string, string>()
      : new Map(
          (
            await ctx.db
              .select({ id: users.id, name: users.name })
              .from(users)
              .where(and(eq(users.orgId, ctx.orgId), inArray(users.id, ownerIds)))
          ).map((u) => [u.id, u.name]),
        );
  const members: TeamMemberNumbers[] = ownerIds.map((userId) => {
    const own = rows.filter((r) => r.owner_id === userId);
    const priced = revenueVisible
      ? own.filter((r) => r.currency).sort((a, b) => String(a.currency).localeCompare(String(b.currency)))
      : [];
    return {
      userId,
      name: names.get(userId) ?? '',
      openCount: own.reduce((n, r) => n + Number(r.open_count), 0),
      weighted: priced.filter((r) => r.weighted !== null).map((r) => money(r.weighted, r.currency as string)),
      wonCount: own.reduce((n, r) => n + Number(r.won_count), 0),
      won: priced.filter((r) => r.won !== null).map((r) => money(r.won, r.currency as string)),
      wonLastMonthCount: own.reduce((n, r) => n + Number(r.won_last_count), 0),
    };
  });
  members.sort(
    (a, b) => b.wonCount - a.wonCount || b.openCount - a.openCount || a.name.localeCompare(b.name, ctx.locale),
  );
  return { scope, timeZone: m.timeZone, revenueVisible, month: m.thisMonth, members };
}

export const opportunityHomeCards = [
  defineHomeCard({
    endpoint: opportunityHomeCardEndpoints.inquiries,
    access: { permission: ['inquiries', 'read'] },
    load: inquiryHomeCard,
  }),
  defineHomeCard({
    endpoint: opportunityHomeCardEndpoints.pipeline,
    access: { permission: ['opportunities', 'read'] },
    load: pipelineHomeCard,
  }),
  defineHomeCard({
    endpoint: opportunityHomeCardEndpoints.won,
    access: { permission: ['opportunities', 'read'] },
    load: wonHomeCard,
  }),
  defineHomeCard({
    endpoint: opportunityHomeCardEndpoints.team,
    access: { permission: ['opportunities', 'read'] },
    load: teamHomeCard,
  }),
];
