import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { inTransaction, systemCtx } from '../../platform/context';
import { customerRef } from '../customers';
import { tasks } from './tables';

const hour = 3_600_000;
const day = 24 * hour;
const demoTasks = [
  { title: '回访：确认报价反馈', in: -1 * day, priority: 'high' },
  { title: '准备周会客户清单', in: 3 * hour, priority: 'normal' },
  { title: '预约下周拜访', in: 3 * day, priority: 'low' },
] as const;

/** Open tasks (overdue, today, upcoming) on the first customers of each demo sales user. */
export async function loadDemoTasks(db: Db, orgId: string, salesUserIds: string[], now = new Date()) {
  await inTransaction(systemCtx(db, orgId), async (tx) => {
    const owned = await tx.db
      .select({ id: customerRef.id, ownerId: customerRef.ownerId, teamId: customerRef.teamId })
      .from(customerRef)
      .where(
        and(eq(customerRef.orgId, orgId), isNotNull(customerRef.ownerId), inArray(customerRef.ownerId, salesUserIds)),
      )
      .orderBy(asc(customerRef.code));
    for (const userId of salesUserIds) {
      const mine = owned.filter((c) => c.ownerId === userId).slice(0, demoTasks.length);
      if (mine.length === 0) continue;
      const teamId = mine[0]?.teamId ?? null;
      await tx.db.insert(tasks).values(
        demoTasks.map((demo, i) => ({
          orgId,
          title: demo.title,
          dueAt: new Date(now.getTime() + demo.in),
          assigneeId: userId,
          teamId,
          priority: demo.priority,
          relatedType: 'customer',
          relatedId: (mine[i % mine.length] as { id: string }).id,
          customerId: (mine[i % mine.length] as { id: string }).id,
          // The demo's overdue task is not news: no reminder mail for it at start.
          remindedAt: demo.in < 0 ? now : null,
        })),
      );
    }
  });
}
