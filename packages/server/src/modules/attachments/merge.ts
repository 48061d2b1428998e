import { and, count, eq, isNull } from 'drizzle-orm';
import { can } from '../../platform/context';
import type { CustomerMergeStep } from '../../platform/module';
import { attachmentsInReadScope } from './attachments';
import { attachments } from './tables';

/** A merge moves the source customer's attachments (deleted ones too, for their history) to the target. */
export const moveAttachmentsOnMerge: CustomerMergeStep = {
  move: async (ctx, sourceId, targetId) => {
    await ctx.db
      .update(attachments)
      .set({ customerId: targetId })
      .where(and(eq(attachments.orgId, ctx.orgId), eq(attachments.customerId, sourceId)));
  },
  preview: async (ctx, sourceId) => {
    if (!can(ctx, 'attachments', 'read')) return [];
    const [row] = await ctx.db
      .select({ n: count() })
      .from(attachments)
      .where(and(attachmentsInReadScope(ctx), eq(attachments.customerId, sourceId), isNull(attachments.deletedAt)));
    return [{ kind: 'attachments', count: row?.n ?? 0 }];
  },
};
