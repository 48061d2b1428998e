import { type StageDefinition, stageOutcome } from '@berth/domain';
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import type { Ctx } from '../../platform/context';
import { customers } from '../customers/tables';
import { recordDeal } from '../pool/follow-up';
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
    stageEnteredAt: sql`now()`,
    status: outcome.status,
    probability: outcome.probability,
    closedAt: outcome.closed ? sql`now()` : null,
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
      ? sql`greatest(0, floor(extract(epoch from (now() - ${from.enteredAt.toISOString()}::timestamptz))))::int`
      : null,
  });
}

/**
 * A won opportunity is a deal for the pool's "no deal" clock, and a prospect whose opportunity is won becomes an active customer (001 客户开发: conversion when the
 * first opportunity is won). A customer that is already active or inactive keeps its status.
 */
export async function convertProspectOnWin(ctx: Ctx, customerId: string): Promise<void> {
  await recordDeal(ctx, [customerId]);
  await ctx.db
    .update(customers)
    .set({ status: 'active', version: sql`${customers.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(customers.orgId, ctx.orgId), eq(customers.id, customerId), eq(customers.status, 'prospect')));
}
