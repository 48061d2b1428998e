import {
  planStages,
  type Stage,
  type StageConfigInput,
  type StageDefinition,
  type StageKind,
  type StageList,
  stageDisplayName,
} from '@berth/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import { type Ctx, inTransaction, requireScope } from '../../platform/context';
import { opportunities, opportunityStages } from './tables';

type StageRow = typeof opportunityStages.$inferSelect;

const toDefinition = (row: StageRow): StageDefinition => ({
  key: row.key,
  nameZh: row.name,
  nameEn: row.nameEn,
  probability: row.probability,
  position: row.position,
  kind: row.kind as StageKind,
  active: row.active,
});

/** The organisation's stages in pipeline order (every one, deactivated too). */
export async function loadStages(ctx: Ctx): Promise<StageDefinition[]> {
  const rows = await ctx.db
    .select()
    .from(opportunityStages)
    .where(eq(opportunityStages.orgId, ctx.orgId))
    .orderBy(asc(opportunityStages.position), asc(opportunityStages.key));
  return rows.map(toDefinition);
}

/** An active stage by key, or a field error on `field`. */
export async function activeStage(ctx: Ctx, key: string, field = 'stage'): Promise<StageDefinition> {
  const stage = (await loadStages(ctx)).find((s) => s.key === key && s.active);
  if (!stage) throw AppError.validation(field, 'opportunity.stage_unknown');
  return stage;
}

/** Where new opportunities start: the `inquiry` stage if active, else the first active open stage. */
export async function firstOpenStage(ctx: Ctx, preferred?: string): Promise<StageDefinition> {
  const open = (await loadStages(ctx)).filter((s) => s.kind === 'open' && s.active);
  const stage = open.find((s) => s.key === preferred) ?? open[0];
  if (!stage) throw AppError.validation('stage', 'opportunity.stage_unknown');
  return stage;
}

/** Rows only ever get added or change version, so the sum of versions grows with every change. */
async function stagesVersion(ctx: Ctx): Promise<number> {
  const [row] = await ctx.db
    .select({ v: sql<string>`coalesce(sum(${opportunityStages.version}), 0)` })
    .from(opportunityStages)
    .where(eq(opportunityStages.orgId, ctx.orgId));
  return Number(row?.v ?? 0);
}

export async function listStages(ctx: Ctx, options: { includeInactive?: boolean } = {}): Promise<StageList> {
  const stages = (await loadStages(ctx)).filter((s) => options.includeInactive || s.active);
  const items: Stage[] = stages.map((s, i) => ({
    key: s.key,
    name: stageDisplayName(s, ctx.locale),
    nameZh: s.nameZh,
    nameEn: s.nameEn,
    probability: s.probability,
    order: i + 1,
    kind: s.kind,
    active: s.active,
  }));
  return { items, version: await stagesVersion(ctx) };
}

/**
 * Replaces the pipeline's configuration (see planStages) at the version the client read: a
 * concurrent change by another administrator answers 412 instead of being overwritten.
 */
export async function configureStages(
  ctx: Ctx,
  expected: number | undefined,
  input: StageConfigInput,
): Promise<StageList> {
  requireScope(ctx, 'opportunities', 'configure');
  return inTransaction(ctx, async (tx) => {
    // One configuration at a time per organisation; the version is compared under the lock.
    await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext('opportunity_stages'), hashtext(${tx.orgId}))`);
    if (expected !== undefined && expected !== (await stagesVersion(tx))) throw AppError.versionConflict();
    const existing = await loadStages(tx);
    const counts = await tx.db
      .select({ key: opportunities.stageKey, n: sql<number>`count(*)::int` })
      .from(opportunities)
      .where(and(eq(opportunities.orgId, tx.orgId), eq(opportunities.status, 'open')))
      .groupBy(opportunities.stageKey);
    const plan = planStages(existing, input.items, (key) => counts.find((c) => c.key === key)?.n ?? 0);
    if (!plan.ok) {
      if (plan.status === 409) throw AppError.conflict(plan.code, plan.field);
      throw AppError.validation(plan.field, plan.code);
    }
    const before = new Map(existing.map((s) => [s.key, s]));
    for (const stage of plan.stages) {
      const old = before.get(stage.key);
      if (!old) {
        await tx.db.insert(opportunityStages).values({
          orgId: tx.orgId,
          key: stage.key,
          name: stage.nameZh,
          nameEn: stage.nameEn,
          probability: stage.probability,
          position: stage.position,
          kind: 'open',
          active: stage.active,
        });
        continue;
      }
      const changed =
        old.nameZh !== stage.nameZh ||
        old.nameEn !== stage.nameEn ||
        old.probability !== stage.probability ||
        old.position !== stage.position ||
        old.active !== stage.active;
      if (!changed) continue;
      await tx.db
        .update(opportunityStages)
        .set({
          name: stage.nameZh,
          nameEn: stage.nameEn,
          probability: stage.probability,
          position: stage.position,
          active: stage.active,
          version: sql`${opportunityStages.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(opportunityStages.orgId, tx.orgId), eq(opportunityStages.key, stage.key)));
    }
    return listStages(tx, { includeInactive: true });
  });
}
