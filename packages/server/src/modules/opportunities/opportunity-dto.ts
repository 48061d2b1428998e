import { type Opportunity, readerTitle, storedMoneyJson } from '@berth/domain';
import { and, asc, eq, getTableColumns, inArray, type SQL } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Ctx } from '../../platform/context';
import type { ScopeBypass } from '../../platform/data-scope';
import { maySee } from '../../platform/field-access';
import { iso } from '../../platform/versioned-write';
import { customerRef } from '../customers';
import { opportunitiesInScope } from './opportunity-scope';
import { opportunities, opportunityLanes } from './tables';

type OpportunityRow = typeof opportunities.$inferSelect & {
  customerName: string;
  customerStatus: string;
  ownerName: string | null;
};

/**
 * Opportunities the caller may read, with their customer's name and status and the owner's name.
 * `bypassScope` is for answering a write the caller was allowed to make (e.g. a handover).
 */
export function selectOpportunities(ctx: Ctx, where: SQL | undefined, options: ScopeBypass = {}) {
  return ctx.db
    .select({
      ...getTableColumns(opportunities),
      customerName: customerRef.name,
      customerStatus: customerRef.status,
      ownerName: users.name,
    })
    .from(opportunities)
    .innerJoin(
      customerRef,
      and(eq(customerRef.orgId, opportunities.orgId), eq(customerRef.id, opportunities.customerId)),
    )
    .leftJoin(users, and(eq(users.orgId, opportunities.orgId), eq(users.id, opportunities.ownerId)))
    .where(and(options.bypassScope ? eq(opportunities.orgId, ctx.orgId) : opportunitiesInScope(ctx, 'read'), where));
}

const num = (value: string | null): number | null => (value === null ? null : Number(value));

/** Turns rows into API records, loading the lanes of the whole page in one query. */
export async function toOpportunities(ctx: Ctx, rows: OpportunityRow[]): Promise<Opportunity[]> {
  if (rows.length === 0) return [];
  const lanes = await ctx.db
    .select()
    .from(opportunityLanes)
    .where(
      and(
        eq(opportunityLanes.orgId, ctx.orgId),
        inArray(
          opportunityLanes.opportunityId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(asc(opportunityLanes.position));
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    title: readerTitle(row.title, row.titleParts, ctx.locale),
    customerId: row.customerId,
    customerName: row.customerName,
    customerStatus: row.customerStatus,
    contactId: row.contactId,
    lanes: lanes.filter((l) => l.opportunityId === row.id).map((l) => ({ pol: l.pol, pod: l.pod, mode: l.mode })),
    volume: {
      teu: num(row.volumeTeu),
      cbm: num(row.volumeCbm),
      kg: num(row.volumeKg),
      shipmentsPerMonth: num(row.shipmentsPerMonth),
    },
    expectedRevenue: maySee(ctx, 'revenue', row) ? storedMoneyJson(row.expectedRevenue, row.revenueCurrency) : null,
    expectedMargin: maySee(ctx, 'costMargin', row) ? storedMoneyJson(row.expectedMargin, row.marginCurrency) : null,
    probability: row.probability,
    expectedCloseDate: row.expectedCloseDate,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    teamId: row.teamId,
    source: row.source,
    stage: row.stageKey,
    stageEnteredAt: iso(row.stageEnteredAt) as string,
    status: row.status as Opportunity['status'],
    lostReasonId: row.lostReasonId,
    lostNote: row.lostNote,
    closedAt: iso(row.closedAt),
    salesEventId: row.salesEventId,
    lastActivityAt: iso(row.lastActivityAt),
    description: row.description,
    createdAt: iso(row.createdAt) as string,
    updatedAt: iso(row.updatedAt) as string,
    version: row.version,
  }));
}
