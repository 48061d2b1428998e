import { and, eq } from 'drizzle-orm';
import type { CustomerMergeStep } from '../../platform/module';
import { notes } from './tables';

/** A merge moves the source customer's notes (deleted ones too, for their history) to the target. */
export const moveNotesOnMerge: CustomerMergeStep = async (ctx, sourceId, targetId) => {
  await ctx.db
    .update(notes)
    .set({ customerId: targetId })
    .where(and(eq(notes.orgId, ctx.orgId), eq(notes.customerId, sourceId)));
};
