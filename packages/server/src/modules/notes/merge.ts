import { and, count, eq, isNull } from 'drizzle-orm';
import { can } from '../../platform/context';
import type { CustomerMergeStep } from '../../platform/module';
import { notesInReadScope } from './notes';
import { notes } from './tables';

/** A merge moves the source customer's notes (deleted ones too, for their history) to the target. */
export const moveNotesOnMerge: CustomerMergeStep = {
  move: async (ctx, sourceId, targetId) => {
    await ctx.db
      .update(notes)
      .set({ customerId: targetId })
      .where(and(eq(notes.orgId, ctx.orgId), eq(notes.customerId, sourceId)));
  },
  preview: async (ctx, sourceId) => {
    if (!can(ctx, 'notes', 'read')) return [];
    const [row] = await ctx.db
      .select({ n: count() })
      .from(notes)
      .where(and(notesInReadScope(ctx), eq(notes.customerId, sourceId), isNull(notes.deletedAt)));
    return [{ kind: 'notes', count: row?.n ?? 0 }];
  },
};
