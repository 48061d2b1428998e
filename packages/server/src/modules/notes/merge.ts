import { and, eq } from 'drizzle-orm';
import { attachments } from '../attachments/tables';
import { onCustomerMerge } from '../customers/merge-customers';
import { notes } from './tables';

/** A merge moves the source customer's notes and attachments (deleted ones too, for their history) to the target. */
onCustomerMerge(async (ctx, sourceId, targetId) => {
  await ctx.db
    .update(notes)
    .set({ customerId: targetId })
    .where(and(eq(notes.orgId, ctx.orgId), eq(notes.customerId, sourceId)));
  await ctx.db
    .update(attachments)
    .set({ customerId: targetId })
    .where(and(eq(attachments.orgId, ctx.orgId), eq(attachments.customerId, sourceId)));
});
