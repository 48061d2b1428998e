import {
  addZonedDays,
  atZonedTime,
  captureLeadInputSchema,
  createSalesEventInputSchema,
  fixedClock,
  hourMs as hour,
} from '@berth/domain';
import type { Db } from '../../db/database';
import { fullAccessCtx } from '../../platform/context';
import { orgTimeZone } from '../org-settings';
import { captureLead } from './capture-lead';
import { saveChecklist } from './checklist';
import { saveRoster } from './roster';
import { createSalesEvent } from './write-sales-event';

const demoEvents = [
  {
    kind: 'trade_show',
    name: '中国国际物流与供应链博览会',
    place: '深圳会展中心 5 号馆 B12 展位',
    daysFromNow: -30,
    hours: 9,
    cost: { amount: 48000, currency: 'CNY' },
    leads: [
      {
        companyName: '东莞华盛家具出口有限公司',
        contactName: '刘经理',
        phone: '13826001234',
        lane: ['CNYTN', 'USLAX', 'fcl'],
      },
      {
        companyName: 'Saigon Home Decor Trading',
        country: 'VN',
        contactName: 'Tran Minh',
        email: 'minh@saigon-decor.vn',
      },
      { companyName: '深圳云创电子科技有限公司', contactName: '陈工', lane: ['CNYTN', 'DEHAM', 'air'] },
    ],
  },
  {
    kind: 'presentation',
    name: '中欧班列服务推介会',
    place: '宁波南苑饭店 三楼会议厅',
    daysFromNow: -10,
    hours: 3,
    cost: { amount: 12000, currency: 'CNY' },
    leads: [
      { companyName: '义乌百汇小商品进出口有限公司', contactName: '吴总', lane: ['CNNGB', 'DEHAM', 'rail'] },
      { companyName: '宁波精诚汽配有限公司', contactName: '徐小姐', phone: '13958002222' },
    ],
  },
  {
    kind: 'trade_show',
    name: '亚洲物流双年展',
    place: '上海新国际博览中心 W2 馆',
    daysFromNow: 14,
    hours: 8,
    cost: { amount: 60000, currency: 'CNY' },
    leads: [],
  },
] as const;

/**
 * Two past sales events with their roster, checklist and captured leads (prospects, and inquiries
 * where a lane was named), and one upcoming event being prepared. Captured by the first rep.
 */
export async function loadDemoSalesEvents(
  db: Db,
  org: { orgId: string; adminId: string },
  sales: { id: string; teamId: string | null }[],
  now = new Date(),
): Promise<void> {
  const [lead, ...reps] = sales;
  if (!lead) return;
  const as = (userId: string) => fullAccessCtx(db, org.orgId, userId, { clock: fixedClock(now) });
  const participants = [lead.id, ...reps.map((r) => r.id)].slice(0, 3);
  const timeZone = await orgTimeZone(as(lead.id));
  for (const demo of demoEvents) {
    // 09:00 in the organisation's time zone on the day.
    const startsAt = atZonedTime(timeZone, addZonedDays(timeZone, now, demo.daysFromNow), 9);
    const endsAt = new Date(startsAt.getTime() + demo.hours * hour);
    const event = await createSalesEvent(
      as(lead.id),
      createSalesEventInputSchema.parse({
        kind: demo.kind,
        name: demo.name,
        place: demo.place,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        cost: demo.cost,
        participantIds: participants,
      }),
    );
    const half = Math.floor(demo.hours / 2) * hour;
    const roster = await saveRoster(as(lead.id), event.id, event.version, {
      shifts: participants.map((userId, i) => ({
        userId,
        startsAt: new Date(startsAt.getTime() + (i % 2) * half).toISOString(),
        endsAt: new Date(i % 2 ? endsAt.getTime() : startsAt.getTime() + half).toISOString(),
        note: null,
      })),
    });
    const past = demo.daysFromNow < 0;
    await saveChecklist(as(lead.id), event.id, roster.version, {
      items: [
        { text: '确认展位与搭建', done: true },
        { text: '准备报价单与宣传册', done: true },
        { text: '安排样品与礼品', done: past },
        { text: '会后三天内回访线索', done: false },
      ],
    });
    const capturer = participants[1] ?? lead.id;
    for (const l of demo.leads) {
      const { lane, ...rest } = l as typeof l & { lane?: readonly [string, string, string] };
      await captureLead(
        as(capturer),
        event.id,
        captureLeadInputSchema.parse({ ...rest, lane: lane ? { pol: lane[0], pod: lane[1], mode: lane[2] } : null }),
      );
    }
  }
}
