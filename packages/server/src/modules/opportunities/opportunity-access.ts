import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import type { Ctx } from '../../platform/context';
import { opportunityById } from './opportunity-scope';
import { opportunities } from './tables';

export interface OpportunityRef {
  id: string;
  code: string;
  title: string;
  customerId: string;
  ownerId: string | null;
  teamId: string | null;
  stage: string;
  status: string;
}

/**
 * The opportunity if the caller may `action` it (opportunities permission within its data scope),
 * else 404 — for other modules that link records to an opportunity (activities, tasks).
 */
export async function assertOpportunityVisible(ctx: Ctx, id: string, action = 'read'): Promise<OpportunityRef> {
  const [row] = await ctx.db
    .select({
      id: opportunities.id,
      code: opportunities.code,
      title: opportunities.title,
      customerId: opportunities.customerId,
      ownerId: opportunities.ownerId,
      teamId: opportunities.teamId,
      stage: opportunities.stageKey,
      status: opportunities.status,
    })
    .from(opportunities)
    .where(opportunityById(ctx, action, id));
  if (!row) throw AppError.notFound();
  return row;
}

/** The same check, locking the row for the rest of the transaction. */
export async function getOpportunityForUpdate(ctx: Ctx, id: string, action = 'update') {
  const [row] = await ctx.db
    .select()
    .from(opportunities)
    .where(opportunityById(ctx, action, id))
    .for('update');
  if (!row) throw AppError.notFound();
  return row;
}

/**
 * Records that something happened on the opportunity (an activity was logged). Bookkeeping for the
 * next-step rules: it neither changes the version nor writes the audit log, and never moves the
 * time backwards.
 */
export async function touchOpportunityActivity(
  ctx: Pick<Ctx, 'orgId' | 'db' | 'clock'>,
  opportunityId: string,
  at: Date = ctx.clock.now(),
): Promise<void> {
  await ctx.db
    .update(opportunities)
    .set({ lastActivityAt: sql`greatest(${opportunities.lastActivityAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(opportunities.orgId, ctx.orgId), eq(opportunities.id, opportunityId)));
}
