import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { inTransaction, systemCtx } from '../../platform/context';
import { customerRef } from '../customers/public';
import { activities } from './tables';

const hour = 3_600_000;
const day = 24 * hour;
const demoActivities = [
  { kind: 'call', subject: '电话沟通下季度出运计划', outcome: '客户预计每月 8 个柜', ago: 1 },
  { kind: 'visit', subject: '上门拜访物流经理', outcome: '已递交服务方案', ago: 4 },
  { kind: 'email', subject: '发送美西航线报价', outcome: '等待客户回复', ago: 9 },
] as const;

/** A few logged activities on the first customers of each demo sales user (their tasks are the tasks module's). */
export async function loadDemoActivities(db: Db, orgId: string, salesUserIds: string[], now = new Date()) {
  await inTransaction(systemCtx(db, orgId), async (tx) => {
    const owned = await tx.db
      .select({ id: customerRef.id, ownerId: customerRef.ownerId, teamId: customerRef.teamId })
      .from(customerRef)
      .where(
        and(eq(customerRef.orgId, orgId), isNotNull(customerRef.ownerId), inArray(customerRef.ownerId, salesUserIds)),
      )
      .orderBy(asc(customerRef.code));
    for (const userId of salesUserIds) {
      const mine = owned.filter((c) => c.ownerId === userId).slice(0, demoActivities.length);
      if (mine.length === 0) continue;
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
    }
  });
}
