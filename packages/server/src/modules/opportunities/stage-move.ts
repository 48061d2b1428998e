import { type StageDefinition, stageOutcome } from '@berth/domain';
import { sql } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import { type Ctx, nowSql } from '../../platform/context';
import { emit } from '../../platform/events';
import { assertActiveLostReason } from './lost-reasons';
import { opportunityStageChanges } from './tables';

/**
 * The columns an opportunity gets when it enters `stage` (see stageOutcome): status, probability,
 * closing time and lost reason, with the lost reason checked against the active list.
 */
export async function enterStagePatch(
  ctx: Ctx,
  stage: StageDefinition,
  given: { probability?: number; lostReasonId?: string | null; lostNote?: string | null },
): Promise<Record<string, unknown>> {
  const outcome = stageOutcome(stage, given);
  if (!outcome.ok) throw AppError.validation(outcome.field, outcome.code);
  if (outcome.lostReasonId) await assertActiveLostReason(ctx, outcome.lostReasonId);
  return {
    stageKey: stage.key,
    stageEnteredAt: nowSql(ctx),
    status: outcome.status,
    probability: outcome.probability,
    closedAt: outcome.closed ? nowSql(ctx) : null,
    lostReasonId: outcome.lostReasonId,
    lostNote: outcome.status === 'lost' ? (given.lostNote ?? null) : null,
  };
}

/**
 * Keeps the stage history: one row per change with the seconds spent in the stage it left
 * (from the opportunity's stage_entered_at, read in the same statement before it moves on).
 */
export async function recordStageChange(
  ctx: Ctx,
  opportunityId: string,
  from: { stage: string; enteredAt: Date } | null,
  toStage: string,
): Promise<void> {
  await ctx.db.insert(opportunityStageChanges).values({
    orgId: ctx.orgId,
    opportunityId,
    fromStage: from?.stage ?? null,
    toStage,
    changedBy: ctx.userId,
    secondsInStage: from
      ? sql`greatest(0, floor(extract(epoch from (${nowSql(ctx)} - ${from.enteredAt.toISOString()}::timestamptz))))::int`
      : null,
  });
}

/**
 * Tells the other modules an opportunity was won or lost: a won one is a deal for the pool's
 * "no deal" clock and turns a prospect into an active customer (001 客户开发).
 */
export async function announceOutcome(
  ctx: Ctx,
  opportunity: { id: string; customerId: string; lostReasonId?: string | null },
  kind: StageDefinition['kind'],
): Promise<void> {
  const at = ctx.clock.now().toISOString();
  const { id: opportunityId, customerId } = opportunity;
  if (kind === 'won') await emit(ctx, 'opportunity.won', { opportunityId, customerId, at });
  if (kind === 'lost') {
    await emit(ctx, 'opportunity.lost', {
      opportunityId,
      customerId,
      lostReasonId: opportunity.lostReasonId ?? null,
      at,
    });
  }
}
