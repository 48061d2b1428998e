import {
  type CreateSavedViewInput,
  type Page,
  type SavedView,
  type SavedViewResource,
  savedViewStateSchema,
  type UpdateSavedViewInput,
} from '@berth/domain';
import { and, asc, eq, or, type SQL } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import { type Ctx, inTransaction } from '../../platform/context';
import { deleteVersioned, iso, updateVersioned } from '../../platform/versioned-write';
import { savedViews } from './tables';

type SavedViewRow = typeof savedViews.$inferSelect;

/** Saved views belong to a person: a user's own, plus the ones colleagues shared. */
function me(ctx: Ctx): string {
  if (!ctx.userId) throw AppError.forbidden();
  return ctx.userId;
}

const visible = (ctx: Ctx): SQL =>
  and(eq(savedViews.orgId, ctx.orgId), or(eq(savedViews.ownerId, me(ctx)), eq(savedViews.shared, true))) as SQL;

/** Only the owner renames, shares, changes or deletes a view. */
const ownedById = (ctx: Ctx, id: string): SQL =>
  and(eq(savedViews.orgId, ctx.orgId), eq(savedViews.ownerId, me(ctx)), eq(savedViews.id, id)) as SQL;

function toSavedView(ctx: Ctx, row: SavedViewRow): SavedView {
  const state = savedViewStateSchema.safeParse(row.state ?? {});
  return {
    id: row.id,
    resource: row.resource as SavedViewResource,
    name: row.name,
    shared: row.shared,
    ownerId: row.ownerId,
    mine: row.ownerId === ctx.userId,
    state: state.success ? state.data : { filters: {} },
    createdAt: iso(row.createdAt) as string,
    updatedAt: iso(row.updatedAt) as string,
    version: row.version,
  };
}

/** A person keeps a handful of views per list; the list is sorted by name and not paged. */
export async function findSavedViews(ctx: Ctx, resource: SavedViewResource): Promise<Page<SavedView>> {
  const rows = await ctx.db
    .select()
    .from(savedViews)
    .where(and(visible(ctx), eq(savedViews.resource, resource)))
    .orderBy(asc(savedViews.name), asc(savedViews.id))
    .limit(500);
  return { items: rows.map((row) => toSavedView(ctx, row)), nextCursor: null };
}

export async function createSavedView(ctx: Ctx, input: CreateSavedViewInput): Promise<SavedView> {
  const ownerId = me(ctx);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(savedViews)
      .values({
        orgId: tx.orgId,
        ownerId,
        resource: input.resource,
        name: input.name,
        shared: input.shared,
        state: input.state,
      })
      .returning();
    return toSavedView(tx, row as SavedViewRow);
  });
}

export async function updateSavedView(
  ctx: Ctx,
  id: string,
  expected: number | undefined,
  input: UpdateSavedViewInput,
): Promise<SavedView> {
  return inTransaction(ctx, async (tx) =>
    toSavedView(
      tx,
      await updateVersioned(tx, savedViews, ownedById(tx, id), expected, input).catch((e) => notOwner(tx, id, e)),
    ),
  );
}

export async function deleteSavedView(ctx: Ctx, id: string, expected: number | undefined): Promise<void> {
  await inTransaction(ctx, (tx) =>
    deleteVersioned(tx, savedViews, ownedById(tx, id), expected).catch((e) => notOwner(tx, id, e)),
  );
}

/** A colleague's shared view is visible but not theirs to change: 403 rather than 404. */
async function notOwner(ctx: Ctx, id: string, error: unknown): Promise<never> {
  if (error instanceof AppError && error.status === 404) {
    const [row] = await ctx.db
      .select({ id: savedViews.id })
      .from(savedViews)
      .where(and(visible(ctx), eq(savedViews.id, id)));
    if (row) throw AppError.forbidden();
  }
  throw error;
}
