import { and, eq } from 'drizzle-orm';
import type { CustomerMergeStep } from '../../platform/module';
import { attachments } from './tables';

/** A merge moves the source customer's attachments (deleted ones too, for their history) to the target. */
export const moveAttachmentsOnMerge: CustomerMergeStep = async (ctx, sourceId, targetId) => {
  await ctx.db
    .update(attachments)
    .set({ customerId: targetId })
    .where(and(eq(attachments.orgId, ctx.orgId), eq(attachments.customerId, sourceId)));
};
