import {
  type CreateLostReasonInput,
  type LostReason,
  type Page,
  stageDisplayName,
  type UpdateLostReasonInput,
} from '@berth/domain';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { AppError, isForeignKeyViolation } from '../../platform/app-error';
import { type Ctx, inTransaction, requireScope } from '../../platform/context';
import { deleteVersioned, updateVersioned } from '../../platform/versioned-write';
import { lostReasons } from './tables';

type LostReasonRow = typeof lostReasons.$inferSelect;

function toLostReason(ctx: Ctx, row: LostReasonRow): LostReason {
  return {
    id: row.id,
    name: stageDisplayName({ nameZh: row.name, nameEn: row.nameEn }, ctx.locale),
    nameZh: row.name,
    nameEn: row.nameEn,
    position: row.position,
    active: row.active,
    version: row.version,
  };
}

const byId = (ctx: Ctx, id: string): SQL => and(eq(lostReasons.orgId, ctx.orgId), eq(lostReasons.id, id)) as SQL;

/** The organisation's lost reasons in order; one short list, so one page. */
export async function findLostReasons(ctx: Ctx, options: { includeInactive?: boolean }): Promise<Page<LostReason>> {
  const rows = await ctx.db
    .select()
    .from(lostReasons)
    .where(and(eq(lostReasons.orgId, ctx.orgId), options.includeInactive ? undefined : eq(lostReasons.active, true)))
    .orderBy(asc(lostReasons.position), asc(lostReasons.id));
  return { items: rows.map((r) => toLostReason(ctx, r)), nextCursor: null };
}

export async function getLostReason(ctx: Ctx, id: string): Promise<LostReason> {
  const [row] = await ctx.db.select().from(lostReasons).where(byId(ctx, id));
  if (!row) throw AppError.notFound();
  return toLostReason(ctx, row);
}

/** An active lost reason for a lost opportunity, or a field error. */
export async function assertActiveLostReason(ctx: Ctx, id: string): Promise<void> {
  const [row] = await ctx.db
    .select({ id: lostReasons.id })
    .from(lostReasons)
    .where(and(byId(ctx, id), eq(lostReasons.active, true)));
  if (!row) throw AppError.validation('lostReasonId', 'opportunity.lost_reason_unknown');
}

export async function createLostReason(ctx: Ctx, input: CreateLostReasonInput): Promise<LostReason> {
  requireScope(ctx, 'opportunities', 'configure');
  return inTransaction(ctx, async (tx) => {
    const position =
      input.position ??
      Number(
        (
          await tx.db
            .select({ next: sql<number>`coalesce(max(${lostReasons.position}), 0) + 1` })
            .from(lostReasons)
            .where(eq(lostReasons.orgId, tx.orgId))
        )[0]?.next ?? 1,
      );
    const [row] = await tx.db
      .insert(lostReasons)
      .values({ orgId: tx.orgId, name: input.nameZh, nameEn: input.nameEn, position })
      .returning();
    return toLostReason(tx, row as LostReasonRow);
  });
}

export async function updateLostReason(
  ctx: Ctx,
  id: string,
  expected: number | undefined,
  input: UpdateLostReasonInput,
): Promise<LostReason> {
  requireScope(ctx, 'opportunities', 'configure');
  return inTransaction(ctx, async (tx) => {
    const patch: Record<string, unknown> = {};
    if (input.nameZh !== undefined) patch.name = input.nameZh;
    if (input.nameEn !== undefined) patch.nameEn = input.nameEn;
    if (input.position !== undefined) patch.position = input.position;
    if (input.active !== undefined) patch.active = input.active;
    const row = await updateVersioned(tx, lostReasons, byId(tx, id), expected, patch);
    return toLostReason(tx, row);
  });
}

/** Deletes a reason no opportunity used; a used one can only be deactivated (409). */
export async function deleteLostReason(ctx: Ctx, id: string, expected: number | undefined): Promise<void> {
  requireScope(ctx, 'opportunities', 'configure');
  await inTransaction(ctx, (tx) =>
    deleteVersioned(tx, lostReasons, byId(tx, id), expected).catch((error: unknown) => {
      if (isForeignKeyViolation(error)) throw AppError.conflict('conflict.in_use');
      throw error;
    }),
  );
}
