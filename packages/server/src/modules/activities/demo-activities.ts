import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { inTransaction, systemCtx } from '../../platform/context';
import { customerRef } from '../customers';
import { activities } from './tables';

const hour = 3_600_000;
const day = 24 * hour;
interface DemoActivity {
  kind: 'call' | 'visit' | 'email' | 'wechat' | 'wecom';
  subject: string | null;
  minutes?: string;
  outcome: string;
}

// Per slot (the user's first, second and third customer, followed up 1, 4 and 9 days ago) one
// activity of a kind, alternating by user. WeChat is where most of a forwarder's follow-up happens;
// chats are logged as reps do, without a subject, so the console shows one made from kind,
// customer and notes in the reader's language.
const demoSlots: readonly { ago: number; variants: readonly [DemoActivity, DemoActivity] }[] = [
  {
    ago: 1,
    variants: [
      { kind: 'call', subject: '电话沟通下季度出运计划', outcome: '客户预计每月 8 个柜' },
      {
        kind: 'wechat',
        subject: null,
        minutes: '客户发来下周两个40HQ的订舱需求，宁波到汉堡，要求周五前确认舱位',
        outcome: '已报价',
      },
    ],
  },
  {
    ago: 4,
    variants: [
      { kind: 'visit', subject: '上门拜访物流经理', outcome: '已递交服务方案' },
      { kind: 'wecom', subject: null, minutes: '企业微信群里确认了提单样本和开船日期', outcome: '样本已确认' },
    ],
  },
  {
    ago: 9,
    variants: [
      { kind: 'wechat', subject: null, minutes: '客户询问美西线旺季附加费', outcome: '等待客户回复' },
      { kind: 'email', subject: '发送美西航线报价', outcome: '等待客户回复' },
    ],
  },
];

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
    for (const [u, userId] of salesUserIds.entries()) {
      const mine = owned.filter((c) => c.ownerId === userId).slice(0, demoSlots.length);
      if (mine.length === 0) continue;
      await tx.db.insert(activities).values(
        mine.map((customer, i) => {
          const slot = demoSlots[i % demoSlots.length] as (typeof demoSlots)[number];
          const demo = slot.variants[u % 2] as DemoActivity;
          const chat = demo.kind === 'wechat' || demo.kind === 'wecom';
          return {
            orgId,
            kind: demo.kind,
            subject: demo.subject,
            occurredAt: new Date(now.getTime() - slot.ago * day),
            durationMinutes: demo.kind === 'visit' ? 90 : chat ? null : 20,
            minutes: demo.minutes ?? null,
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
