import type { NextStepRule, NextStepRuleInput, UpdateNextStepRuleInput } from '@berth/domain';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import { type Ctx, inTransaction } from '../../platform/context';
import { deleteVersioned, iso, updateVersioned } from '../../platform/versioned-write';
import { opportunityStageRef } from '../opportunities';
import { nextStepRules } from './tables';

type RuleRow = typeof nextStepRules.$inferSelect;

function toRule(row: RuleRow): NextStepRule {
  return {
    id: row.id,
    stageKey: row.stageKey,
    kind: row.kind as NextStepRule['kind'],
    days: row.days,
    taskTitle: row.taskTitle,
    taskPriority: row.taskPriority as NextStepRule['taskPriority'],
    enabled: row.enabled,
    version: row.version,
    createdAt: iso(row.createdAt) as string,
    updatedAt: iso(row.updatedAt) as string,
  };
}

const ruleById = (ctx: Ctx, id: string) => and(eq(nextStepRules.orgId, ctx.orgId), eq(nextStepRules.id, id)) as SQL;

/** Rules apply to stages where opportunities are still open. */
async function checkStage(ctx: Ctx, stageKey: string): Promise<void> {
  const [stage] = await ctx.db
    .select({ kind: opportunityStageRef.kind })
    .from(opportunityStageRef)
    .where(and(eq(opportunityStageRef.orgId, ctx.orgId), eq(opportunityStageRef.key, stageKey)));
  if (stage?.kind !== 'open') throw AppError.validation('stageKey', 'next_step.stage_unknown');
}

export async function findNextStepRules(ctx: Ctx): Promise<{ items: NextStepRule[] }> {
  const rows = await ctx.db
    .select({ rule: nextStepRules })
    .from(nextStepRules)
    .leftJoin(
      opportunityStageRef,
      and(eq(opportunityStageRef.orgId, nextStepRules.orgId), eq(opportunityStageRef.key, nextStepRules.stageKey)),
    )
    .where(eq(nextStepRules.orgId, ctx.orgId))
    .orderBy(asc(opportunityStageRef.position), asc(nextStepRules.createdAt), asc(nextStepRules.id));
  return { items: rows.map((r) => toRule(r.rule)) };
}

export async function getNextStepRule(ctx: Ctx, id: string): Promise<NextStepRule> {
  const [row] = await ctx.db.select().from(nextStepRules).where(ruleById(ctx, id));
  if (!row) throw AppError.notFound();
  return toRule(row);
}

export async function createNextStepRule(ctx: Ctx, input: NextStepRuleInput): Promise<NextStepRule> {
  return inTransaction(ctx, async (tx) => {
    await checkStage(tx, input.stageKey);
    const [row] = await tx.db
      .insert(nextStepRules)
      .values({
        orgId: tx.orgId,
        stageKey: input.stageKey,
        kind: input.kind,
        days: input.days,
        taskTitle: input.taskTitle ?? null,
        taskPriority: input.taskPriority,
        enabled: input.enabled,
      })
      .returning();
    return toRule(row as RuleRow);
  });
}

/** Edits a rule (If-Match). Tasks it already made stay; a changed rule applies from its next run. */
export async function updateNextStepRule(
  ctx: Ctx,
  id: string,
  expected: number | undefined,
  input: UpdateNextStepRuleInput,
): Promise<NextStepRule> {
  return inTransaction(ctx, async (tx) => {
    if (input.stageKey !== undefined) await checkStage(tx, input.stageKey);
    const row = await updateVersioned(tx, nextStepRules, ruleById(tx, id), expected, { ...input });
    return toRule(row);
  });
}

export async function deleteNextStepRule(ctx: Ctx, id: string, expected: number | undefined): Promise<void> {
  await inTransaction(ctx, (tx) => deleteVersioned(tx, nextStepRules, ruleById(tx, id), expected));
}
