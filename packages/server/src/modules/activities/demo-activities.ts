import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { inTransaction, systemCtx } from '../../platform/context';
import { customers } from '../customers/tables';
import { tasks } from '../tasks/tables';
import { activities } from './tables';

const hour = 3_600_000;
const day = 24 * hour;
const demoActivities = [
  { kind: 'call', subject: '电话沟通下季度出运计划', outcome: '客户预计每月 8 个柜', ago: 1 },
  { kind: 'visit', subject: '上门拜访物流经理', outcome: '已递交服务方案', ago: 4 },
  { kind: 'email', subject: '发送美西航线报价', outcome: '等待客户回复', ago: 9 },
] as const;
const demoTasks = [
  { title: '回访：确认报价反馈', in: -1 * day, priority: 'high' },
  { title: '准备周会客户清单', in: 3 * hour, priority: 'normal' },
  { title: '预约下周拜访', in: 3 * day, priority: 'low' },
] as const;

/** A few logged activities and open tasks (overdue, today, upcoming) for each demo sales user. */
export async function loadDemoActivities(db: Db, orgId: string, salesUserIds: string[], now = new Date()) {
  await inTransaction(systemCtx(db, orgId), async (tx) => {
    const owned = await tx.db
      .select({ id: customers.id, ownerId: customers.ownerId, teamId: customers.teamId })
      .from(customers)
      .where(and(eq(customers.orgId, orgId), isNotNull(customers.ownerId), inArray(customers.ownerId, salesUserIds)))
      .orderBy(asc(customers.code));
    for (const userId of salesUserIds) {
      const mine = owned.filter((c) => c.ownerId === userId).slice(0, demoActivities.length);
      if (mine.length === 0) continue;
      const teamId = mine[0]?.teamId ?? null;
      await tx.db.insert(activities).values(
        mine.map((customer, i) => {
          const demo = demoActivities[i % demoActivities.length] as (typeof demoActivities)[number];
          return {
            orgId,
            kind: demo.kind,
            subject: demo.subject,
            occurredAt: new Date(now.getTime() - demo.ago * day),
            durationMinutes: demo.kind === 'visit' ? 90 : 20,
            customerId: customer.id,
            outcome: demo.outcome,
            ownerId: userId,
            teamId: customer.teamId,
          };
        }),
      );
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
