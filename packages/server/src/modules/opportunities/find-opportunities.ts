import {
  type Opportunity,
  type OpportunityListQuery,
  type Page,
  parseLaneFilter,
  type StageChange,
} from '@berth/domain';
import { and, asc, eq, exists, ilike, or, type SQL, sql } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Ctx } from '../../platform/context';
import { afterCursor, orderByKeyset, toPage } from '../../platform/http/keyset';
import { iso } from '../../platform/versioned-write';
import { customerRef } from '../customers';
import { assertOpportunityVisible } from './opportunity-access';
import { selectOpportunities, toOpportunities } from './opportunity-dto';
import { opportunities, opportunityLanes, opportunityStageChanges } from './tables';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Opportunities with a lane from `pol` (to `pod`). */
export function onLane(ctx: Ctx, lane: string): SQL {
  const { pol, pod } = parseLaneFilter(lane);
  return exists(
    ctx.db
      .select({ one: sql`1` })
      .from(opportunityLanes)
      .where(
        and(
          eq(opportunityLanes.orgId, opportunities.orgId),
          eq(opportunityLanes.opportunityId, opportunities.id),
          eq(opportunityLanes.pol, pol),
          pod ? eq(opportunityLanes.pod, pod) : undefined,
        ),
      ),
  );
}

export function opportunityFilterWhere(ctx: Ctx, query: Omit<OpportunityListQuery, 'limit' | 'cursor'>) {
  const owner = query.owner === 'me' ? ctx.userId : query.owner;
  const term = query.q ? `%${escapeLike(query.q)}%` : null;
  return and(
    query.customerId ? eq(opportunities.customerId, query.customerId) : undefined,
    query.owner ? (owner ? eq(opportunities.ownerId, owner) : sql`false`) : undefined,
    query.stage ? eq(opportunities.stageKey, query.stage) : undefined,
    query.status ? eq(opportunities.status, query.status) : undefined,
    query.teamId ? eq(opportunities.teamId, query.teamId) : undefined,
    query.source ? eq(opportunities.source, query.source) : undefined,
    query.salesEventId ? eq(opportunities.salesEventId, query.salesEventId) : undefined,
    query.lane ? onLane(ctx, query.lane) : undefined,
    term
      ? or(ilike(opportunities.title, term), ilike(opportunities.code, term), ilike(customerRef.name, term))
      : undefined,
  );
}

/** The opportunity list and each board column: newest first, within the caller's scope. */
export async function findOpportunities(ctx: Ctx, query: OpportunityListQuery): Promise<Page<Opportunity>> {
  const keyset = { sort: opportunities.id, id: opportunities.id, direction: 'desc' as const, cursor: query.cursor };
  const rows = await selectOpportunities(ctx, and(opportunityFilterWhere(ctx, query), afterCursor(keyset)))
    .orderBy(...orderByKeyset(keyset))
    .limit(query.limit + 1);
  const page = toPage(
    rows,
    query.limit,
    (r) => [r.id, r.id],
    (r) => r,
  );
  return { items: await toOpportunities(ctx, page.items), nextCursor: page.nextCursor };
}

/** An opportunity's stage history, oldest first. */
export async function stageHistory(ctx: Ctx, id: string): Promise<{ items: StageChange[] }> {
  await assertOpportunityVisible(ctx, id);
  const rows = await ctx.db
    .select({ change: opportunityStageChanges, name: users.name })
    .from(opportunityStageChanges)
    .leftJoin(
      users,
      and(eq(users.orgId, opportunityStageChanges.orgId), eq(users.id, opportunityStageChanges.changedBy)),
    )
    .where(and(eq(opportunityStageChanges.orgId, ctx.orgId), eq(opportunityStageChanges.opportunityId, id)))
    .orderBy(asc(opportunityStageChanges.changedAt), asc(opportunityStageChanges.id));
  return {
    items: rows.map(({ change, name }) => ({
      id: change.id,
      fromStage: change.fromStage,
      toStage: change.toStage,
      changedAt: iso(change.changedAt) as string,
      changedBy: change.changedBy,
      changedByName: name,
      secondsInStage: change.secondsInStage,
    })),
  };
}
