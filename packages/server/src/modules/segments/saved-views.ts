import {
  type CreateSavedViewInput,
  type ErrorCode,
  type Page,
  type SavedView,
  type SavedViewResource,
  savedViewResources,
  savedViewStateSchemas,
  type UpdateSavedViewInput,
} from '@berth/domain';
import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../platform/app-error';
import { type Ctx, can, inTransaction, requireScope } from '../../platform/context';
import { zodIssueCode, zodIssueMessage } from '../../platform/http/zod-messages';
import { deleteVersioned, iso, updateVersioned } from '../../platform/versioned-write';
import { savedViews } from './tables';

type SavedViewRow = typeof savedViews.$inferSelect;

/** Saved views belong to a person: a user's own, plus the ones colleagues shared. */
function me(ctx: Ctx): string {
  if (!ctx.userId) throw AppError.forbidden();
  return ctx.userId;
}

/**
 * A view is a view of a list: it is there for someone who may read that list (customers.read for
 * customer views, shipments.read for shipment views) and for nobody else, owner included.
 */
const ofReadableLists = (ctx: Ctx): SQL => {
  const readable = savedViewResources.filter((resource) => can(ctx, resource, 'read'));
  return inArray(savedViews.resource, readable.length > 0 ? readable : ['']);
};

const visible = (ctx: Ctx): SQL =>
  and(
    eq(savedViews.orgId, ctx.orgId),
    ofReadableLists(ctx),
    or(eq(savedViews.ownerId, me(ctx)), eq(savedViews.shared, true)),
  ) as SQL;

/** Only the owner renames, shares, changes or deletes a view. */
const ownedById = (ctx: Ctx, id: string): SQL =>
  and(
    eq(savedViews.orgId, ctx.orgId),
    ofReadableLists(ctx),
    eq(savedViews.ownerId, me(ctx)),
    eq(savedViews.id, id),
  ) as SQL;

function toSavedView(ctx: Ctx, row: SavedViewRow): SavedView {
  const resource = row.resource as SavedViewResource;
  const state = savedViewStateSchemas[resource].safeParse(row.state ?? {});
  return {
    id: row.id,
    resource,
    name: row.name,
    shared: row.shared,
    ownerId: row.ownerId,
    mine: row.ownerId === ctx.userId,
    state: state.success ? state.data : { filters: {} },
    createdAt: iso(row.createdAt) as string,
    updatedAt: iso(row.updatedAt) as string,
    version: row.version,
  } as SavedView;
}

/** The state checked against the view's own list; a mismatch is 422 with the offending fields under `state`. */
function stateFor(ctx: Ctx, resource: SavedViewResource, state: unknown): SavedView['state'] {
  const parsed = savedViewStateSchemas[resource].safeParse(state);
  if (parsed.success) return parsed.data;
  throw new AppError('validation.failed', 422, {
    fields: parsed.error.issues.flatMap((issue: z.core.$ZodIssue) => {
      const base = ['state', ...issue.path.map(String)];
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [null];
      return keys.map((key) => ({
        field: [...base, key].filter(Boolean).join('.'),
        // The code the body's own validation answers with for the same issue.
        code: zodIssueCode(issue) as ErrorCode,
        message: zodIssueMessage(issue, ctx.locale),
      }));
    }),
  });
}

/** A person keeps a handful of views per list; the list is sorted by name and not paged. */
export async function findSavedViews(ctx: Ctx, resource: SavedViewResource): Promise<Page<SavedView>> {
  requireScope(ctx, resource, 'read');
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
  requireScope(ctx, input.resource, 'read');
  const state = stateFor(ctx, input.resource, input.state);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(savedViews)
      .values({
        orgId: tx.orgId,
        ownerId,
        resource: input.resource,
        name: input.name,
        shared: input.shared,
        state,
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
  return inTransaction(ctx, async (tx) => {
    const { state, ...rest } = input;
    const patch: Record<string, unknown> = rest;
    if (state !== undefined) {
      // The resource never changes; the state must be one of the view's own list.
      const [row] = await tx.db
        .select({ resource: savedViews.resource })
        .from(savedViews)
        .where(ownedById(tx, id))
        .for('update');
      if (row) patch.state = stateFor(tx, row.resource as SavedViewResource, state);
    }
    return toSavedView(
      tx,
      await updateVersioned(tx, savedViews, ownedById(tx, id), expected, patch).catch((e) => notOwner(tx, id, e)),
    );
  });
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
