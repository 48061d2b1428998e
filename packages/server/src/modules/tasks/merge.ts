import { and, count, eq } from 'drizzle-orm';
import { can } from '../../platform/context';
import type { CustomerMergeStep } from '../../platform/module';
import { tasks } from './tables';
import { tasksInScope } from './task-scope';

/** A merge moves the source customer's tasks (done ones too) to the target, and what they are about with them. */
export const moveTasksOnMerge: CustomerMergeStep = {
  move: async (ctx, sourceId, targetId) => {
    await ctx.db
      .update(tasks)
      .set({ customerId: targetId })
      .where(and(eq(tasks.orgId, ctx.orgId), eq(tasks.customerId, sourceId)));
    await ctx.db
      .update(tasks)
      .set({ relatedId: targetId })
      .where(and(eq(tasks.orgId, ctx.orgId), eq(tasks.relatedType, 'customer'), eq(tasks.relatedId, sourceId)));
  },
  preview: async (ctx, sourceId) => {
    if (!can(ctx, 'tasks', 'read')) return [];
    const [row] = await ctx.db
      .select({ n: count() })
      .from(tasks)
      .where(and(tasksInScope(ctx, 'read'), eq(tasks.customerId, sourceId)));
    return [{ kind: 'tasks', count: row?.n ?? 0 }];
  },
};
