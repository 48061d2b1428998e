import { readerTitle } from '@berth/domain';
import { and, inArray } from 'drizzle-orm';
import type { AuditNamer } from '../../platform/module';
import { tasks } from './tables';
import { tasksInScope } from './task-scope';

/** Tasks by title (in the reader's language when the product made it), within the tasks scope. */
export const taskAuditNames: AuditNamer = {
  entity: 'tasks',
  resource: 'tasks',
  names: async (ctx, ids) => {
    const rows = await ctx.db
      .select({ id: tasks.id, title: tasks.title, parts: tasks.titleParts })
      .from(tasks)
      .where(and(tasksInScope(ctx, 'read'), inArray(tasks.id, ids)));
    return rows.map((r) => ({ id: r.id, name: readerTitle(r.title, r.parts, ctx.locale) }));
  },
};
