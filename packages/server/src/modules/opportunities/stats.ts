import { type PipelineStats, type StatsQuery, type StatsRow, stageDisplayName, winRate } from '@berth/domain';
import { and, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/database';
import type { Ctx } from '../../platform/context';
import { firstLane, groupNames } from './forecast';
import { opportunitiesInScope } from './opportunity-scope';
import { loadStages } from './stages';
import { opportunities } from './tables';

interface StatsSqlRow {
  key: string | null;
  total: number | string;
  open: number | string;
  won: number | string;
  lost: number | string;
  cycle_days: string | number | null;
  stage_days: Record<string, number | string> | null;
}

/**
 * One statement per report: the opportunities in scope (created within the period) as `base`, one
 * row per group (`member` says which groups an opportunity belongs to) with counts by status,
 * the average cycle time of the closed ones, and the average days spent in each stage they left,
 * from the stage history.
 */
async function statsRows(ctx: Ctx, query: StatsQuery, member: SQL): Promise<StatsSqlRow[]> {
  const where = and(
    opportunitiesInScope(ctx, 'read'),
    query.ownerId ? eq(opportunities.ownerId, query.ownerId) : undefined,
    query.teamId ? eq(opportunities.teamId, query.teamId) : undefined,
    query.from ? gte(opportunities.createdAt, sql`${query.from}::date`) : undefined,
    query.to ? lt(opportunities.createdAt, sql`${query.to}::date + 1`) : undefined,
  );
  return queryRows<StatsSqlRow>(
    ctx.db,
    sql`with base as (
          select ${opportunities.orgId} as org_id, ${opportunities.id} as id, ${opportunities.status} as status,
                 ${opportunities.createdAt} as created_at, ${opportunities.closedAt} as closed_at,
                 ${opportunities.source} as source, ${opportunities.ownerId} as owner_id, ${firstLane} as lane
            from ${opportunities}
           where ${where}),
        members as (${member}),
        stays as (
          select m.key, c.from_stage, avg(c.seconds_in_stage) as seconds
            from members m
            join opportunity_stage_changes c on c.org_id = m.org_id and c.opportunity_id = m.id
           where c.from_stage is not null and c.seconds_in_stage is not null
           group by m.key, c.from_stage)
        select m.key,
               count(*)::int as total,
               (count(*) filter (where m.status = 'open'))::int as open,
               (count(*) filter (where m.status = 'won'))::int as won,
               (count(*) filter (where m.status = 'lost'))::int as lost,
               round((avg(extract(epoch from (m.closed_at - m.created_at)))
                 filter (where m.status in ('won', 'lost') and m.closed_at is not null) / 86400)::numeric, 2) as cycle_days,
               (select jsonb_object_agg(s.from_stage, round((s.seconds / 86400)::numeric, 2))
                  from stays s where s.key is not distinct from m.key) as stage_days
          from members m
         group by m.key`,
  );
}

const asNumber = (value: string | number | null): number | null => (value === null ? null : Number(value));

function toStatsRow(row: StatsSqlRow, name: string | null): StatsRow {
  const won = Number(row.won);
  const lost = Number(row.lost);
  return {
    key: row.key,
    name,
    total: Number(row.total),
    open: Number(row.open),
    won,
    lost,
    winRate: winRate(won, lost),
    avgCycleDays: asNumber(row.cycle_days),
    avgDaysInStage: Object.fromEntries(Object.entries(row.stage_days ?? {}).map(([k, v]) => [k, Number(v)])),
  };
}

/**
 * Win rate (won / (won + lost)), average cycle time and average days per stage, by stage (every
 * opportunity that ever entered the stage), lane (the first lane), source or owner, and overall.
 */
export async function pipelineStats(ctx: Ctx, query: StatsQuery): Promise<PipelineStats> {
  const overallRows = await statsRows(ctx, query, sql`select b.*, null::text as key from base b`);
  const overall = overallRows[0]
    ? toStatsRow(overallRows[0], null)
    : toStatsRow({ key: null, total: 0, open: 0, won: 0, lost: 0, cycle_days: null, stage_days: null }, null);
  if (query.by === 'stage') {
    const rows = await statsRows(
      ctx,
      query,
      sql`select distinct b.*, c.to_stage as key from base b
            join opportunity_stage_changes c on c.org_id = b.org_id and c.opportunity_id = b.id`,
    );
    const stages = await loadStages(ctx);
    const ordered = stages
      .map((stage) => ({ stage, row: rows.find((r) => r.key === stage.key) }))
      .filter((entry) => entry.stage.active || entry.row);
    const items = ordered.map(({ stage, row }) => {
      const stats = toStatsRow(
        row ?? { key: stage.key, total: 0, open: 0, won: 0, lost: 0, cycle_days: null, stage_days: null },
        stageDisplayName(stage, ctx.locale),
      );
      const own = stats.avgDaysInStage[stage.key];
      return { ...stats, avgDaysInStage: own === undefined ? {} : { [stage.key]: own } };
    });
    return { by: 'stage', items, overall };
  }
  const keyOf: Record<string, string> = { lane: 'b.lane', source: 'b.source', owner: 'b.owner_id::text' };
  const rows = await statsRows(ctx, query, sql.raw(`select b.*, ${keyOf[query.by]} as key from base b`));
  const names = await groupNames(
    ctx,
    query.by,
    rows.map((r) => r.key),
  );
  const items = rows
    .map((r) => toStatsRow(r, r.key === null ? null : (names.get(r.key) ?? r.key)))
    .sort((a, b) => b.total - a.total || String(a.key).localeCompare(String(b.key)));
  return { by: query.by, items, overall };
}
