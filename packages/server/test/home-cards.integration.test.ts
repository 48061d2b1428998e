import type {
  InquiryHomeCard,
  PipelineHomeCard,
  PoolReturnCard,
  ShipmentHomeCard,
  TaskHomeCard,
  TeamHomeCard,
  WonHomeCard,
} from '@berth/domain';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../src/modules/customers/tables';
import { opportunities } from '../src/modules/opportunities/tables';
import { poolRules } from '../src/modules/pool/tables';
import { shipments } from '../src/modules/shipments/tables';
import { anOrganisation, type Factories } from './factories';
import type { Member } from './factories/member';
import { type Session, startTestApp, type TestApp } from './harness';

const day = 86_400_000;

/**
 * The home page's cards: each answers within the caller's scope (a rep their own, a manager their team's), amounts
 * only with the revenue right and per currency, and the team card only for managers.
 */
describe('home cards', () => {
  let t: TestApp;
  let admin: Session;
  let make: Factories;
  let orgId: string;
  let east: string;
  let west: string;
  let manager: Member;
  let repA: Member;
  let repB: Member;
  let repWest: Member;
  let marketing: Member;
  const ids = { a: '', a2: '', b: '', w: '' };

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, make } = await anOrganisation(t, { name: '首页货代 Home Forwarding' }));
    orgId = admin.me.organization.id;
    east = (await make.team({ name: '华东销售部' })).id;
    west = (await make.team({ name: '华南销售部' })).id;
    manager = await make.user('sales_manager', { teamId: east, name: '王经理' });
    repA = await make.user('sales_rep', { teamId: east, name: '李一' });
    repB = await make.user('sales_rep', { teamId: east, name: '张二' });
    repWest = await make.user('sales_rep', { teamId: west, name: '赵西' });
    marketing = await make.user('marketing', { name: '市场部小陈' });

    const customer = async (name: string, owner: Member, teamId: string) =>
      (await make.customer({ name, ownerId: owner.id, teamId, status: 'active' })).id;
    ids.a = await customer('宁波远洋电子有限公司', repA, east);
    ids.a2 = await customer('上海恒达家具有限公司', repA, east);
    ids.b = await customer('深圳宏远五金有限公司', repB, east);
    ids.w = await customer('广州南方贸易有限公司', repWest, west);

    // Pipeline: repA in two currencies, repB in CNY, the west rep in USD.
    const opp = (as: Member, fields: Parameters<Factories['opportunity']>[0]) => make.as(as).opportunity(fields);
    await opp(repA, {
      customerId: ids.a,
      stage: 'proposal',
      probability: 50,
      expectedRevenue: { amount: '1000.00', currency: 'USD' },
    });
    await opp(repA, {
      customerId: ids.a2,
      stage: 'proposal',
      probability: 40,
      expectedRevenue: { amount: '20000.00', currency: 'CNY' },
    });
    await opp(repB, {
      customerId: ids.b,
      stage: 'negotiation',
      probability: 80,
      expectedRevenue: { amount: '5000.00', currency: 'CNY' },
    });
    await opp(repWest, {
      customerId: ids.w,
      stage: 'proposal',
      expectedRevenue: { amount: '9999.00', currency: 'USD' },
    });
    // Won: one this month (repA, USD), one last month (repB, CNY).
    await opp(repA, { customerId: ids.a, stage: 'won', expectedRevenue: { amount: '3000.00', currency: 'USD' } });
    const lastMonth = await opp(repB, {
      customerId: ids.b,
      stage: 'won',
      expectedRevenue: { amount: '7000.00', currency: 'CNY' },
    });
    await t.db
      .update(opportunities)
      .set({
        closedAt: sql`date_trunc('month', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai' - interval '5 days'`,
      })
      .where(and(eq(opportunities.orgId, orgId), eq(opportunities.id, lastMonth.id)));

    // Inquiries: repA's one waits; repB's was answered (an activity after it).
    const inquiry = (as: Member, customerId: string, pol: string, pod: string) =>
      t.request('POST', '/api/inquiries', { as, body: { customerId, pol, pod, mode: 'FCL' } });
    expect((await inquiry(repA, ids.a2, 'CNNGB', 'DEHAM')).statusCode).toBe(201);
    const answered = await inquiry(repB, ids.b, 'CNSZX', 'USLAX');
    expect(answered.statusCode).toBe(201);
    await t.db
      .update(opportunities)
      .set({ lastActivityAt: sql`now() + interval '1 minute'` })
      .where(and(eq(opportunities.orgId, orgId), eq(opportunities.id, answered.json().opportunityId)));

    // Tasks: repA has one overdue and one due today (in the organisation's zone, Asia/Shanghai by default).
    await make.as(repA).task({ title: '逾期回访', dueAt: new Date(Date.now() - 3 * day).toISOString() });
    await make.as(repA).task({ title: '今天报价', dueAt: new Date(Date.now() + 60_000).toISOString() });
    await make.as(repB).task({ title: '张二的逾期任务', dueAt: new Date(Date.now() - 2 * day).toISOString() });

    // Pool: the organisation returns customers after 30 days without follow-up; repA's first and repB's are close.
    await t.db.insert(poolRules).values({ orgId, teamId: null, enabled: true, noFollowUpDays: 30, warnDaysBefore: 3 });
    const idleSince = (id: string, days: number) =>
      t.db
        .update(customers)
        .set({
          ownerSince: sql`now() - make_interval(days => ${days})`,
          createdAt: sql`now() - make_interval(days => ${days})`,
          protectedUntil: null,
          lastFollowUpAt: null,
        })
        .where(and(eq(customers.orgId, orgId), eq(customers.id, id)));
    await idleSince(ids.a, 28);
    await idleSince(ids.b, 27);
    await idleSince(ids.a2, 1);
    await idleSince(ids.w, 29);
  });
  afterAll(() => t.close());

  const card = async <T>(as: Session, name: string, language = 'zh-CN'): Promise<T> => {
    const response = await t.request('GET', `/api/home/${name}`, { as, headers: { 'accept-language': language } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as T;
  };

  it('shows a rep their own pipeline by stage, with weighted revenue per currency', async () => {
    const pipeline = await card<PipelineHomeCard>(repA, 'pipeline');
    expect(pipeline.scope).toBe('own');
    expect(pipeline.revenueVisible).toBe(true);
    const proposal = pipeline.stages.find((s) => s.key === 'proposal');
    expect(proposal).toMatchObject({ name: '报价/方案', count: 2 });
    expect(proposal?.amounts).toEqual([
      {
        currency: 'CNY',
        total: { amount: '20000.00', currency: 'CNY' },
        weighted: { amount: '8000.00', currency: 'CNY' },
      },
      {
        currency: 'USD',
        total: { amount: '1000.00', currency: 'USD' },
        weighted: { amount: '500.00', currency: 'USD' },
      },
    ]);
    // Two quoted deals and the one the waiting inquiry opened (no revenue yet: counted, no amount).
    expect(pipeline.totals.count).toBe(3);
    expect(pipeline.stages.map((s) => [s.key, s.count])).toEqual([
      ['inquiry', 1],
      ['proposal', 2],
      ['negotiation', 0],
    ]);
    expect(pipeline.totals.amounts.map((a) => a.currency)).toEqual(['CNY', 'USD']);
  });

  it('shows a manager the team’s pipeline and never adds currencies up', async () => {
    const pipeline = await card<PipelineHomeCard>(manager, 'pipeline', 'en');
    expect(pipeline.scope).toBe('team');
    expect(pipeline.stages.find((s) => s.key === 'proposal')?.name).toBe('Proposal / quote');
    // The west rep's USD deal is outside the team.
    expect(pipeline.totals.amounts).toEqual([
      {
        currency: 'CNY',
        total: { amount: '25000.00', currency: 'CNY' },
        weighted: { amount: '12000.00', currency: 'CNY' },
      },
      {
        currency: 'USD',
        total: { amount: '1000.00', currency: 'USD' },
        weighted: { amount: '500.00', currency: 'USD' },
      },
    ]);
    // Inquiry stage: the two opportunities the inquiries opened.
    expect(pipeline.totals.count).toBe(5);
  });

  it('shows counts but no amounts to a role without the revenue right', async () => {
    const pipeline = await card<PipelineHomeCard>(marketing, 'pipeline');
    expect(pipeline.scope).toBe('org');
    expect(pipeline.revenueVisible).toBe(false);
    expect(pipeline.totals).toEqual({ count: 6, amounts: [] });
    expect(pipeline.stages.every((s) => s.amounts.length === 0)).toBe(true);
    const won = await card<WonHomeCard>(marketing, 'won');
    expect(won.revenueVisible).toBe(false);
    expect(won.thisMonth).toMatchObject({ count: 1, amounts: [] });
    expect(won.lastMonth).toMatchObject({ count: 1, amounts: [] });
    expect(JSON.stringify(won)).not.toContain('3000');
  });

  it('compares won this month with last month in the organisation’s time zone', async () => {
    const rep = await card<WonHomeCard>(repA, 'won');
    expect(rep.timeZone).toBe('Asia/Shanghai');
    expect(rep.thisMonth).toMatchObject({ count: 1, amounts: [{ amount: '3000.00', currency: 'USD' }] });
    expect(rep.lastMonth).toMatchObject({ count: 0, amounts: [] });
    const lead = await card<WonHomeCard>(manager, 'won');
    expect(lead.lastMonth).toMatchObject({ count: 1, amounts: [{ amount: '7000.00', currency: 'CNY' }] });
    expect(lead.thisMonth.month > lead.lastMonth.month).toBe(true);
  });

  it('ranks the team’s reps for a manager and refuses the team card to a rep', async () => {
    const team = await card<TeamHomeCard>(manager, 'team');
    expect(team.members.map((m) => m.name)).toEqual(['李一', '张二']);
    expect(team.members[0]).toMatchObject({
      openCount: 3,
      wonCount: 1,
      won: [{ amount: '3000.00', currency: 'USD' }],
      weighted: [
        { amount: '8000.00', currency: 'CNY' },
        { amount: '500.00', currency: 'USD' },
      ],
    });
    expect(team.members[1]).toMatchObject({ wonCount: 0, wonLastMonthCount: 1 });
    const refused = await t.request('GET', '/api/home/team', { as: repA });
    expect(refused.statusCode).toBe(403);
    const noAmounts = await card<TeamHomeCard>(marketing, 'team');
    expect(noAmounts.members.length).toBe(3);
    expect(noAmounts.members.every((m) => m.won.length === 0 && m.weighted.length === 0)).toBe(true);
  });

  it('lists inquiries waiting for an answer, not those answered, within scope', async () => {
    const rep = await card<InquiryHomeCard>(repA, 'inquiries');
    expect(rep.count).toBe(1);
    expect(rep.items[0]).toMatchObject({
      customerName: '上海恒达家具有限公司',
      pol: 'CNNGB',
      pod: 'DEHAM',
      mode: 'fcl',
    });
    expect((await card<InquiryHomeCard>(repB, 'inquiries')).count).toBe(0);
    expect((await card<InquiryHomeCard>(manager, 'inquiries')).count).toBe(1);
    expect((await card<InquiryHomeCard>(repWest, 'inquiries')).count).toBe(0);
  });

  it('lists the caller’s own tasks overdue and due today', async () => {
    const tasks = await card<TaskHomeCard>(repA, 'tasks');
    expect(tasks.overdue.count).toBe(1);
    expect(tasks.overdue.items.map((i) => i.title)).toEqual(['逾期回访']);
    expect(tasks.today.items.map((i) => i.title)).toEqual(['今天报价']);
    const lead = await card<TaskHomeCard>(manager, 'tasks');
    expect(lead.overdue.count + lead.today.count).toBe(0);
  });

  it('warns of customers about to return to the pool by the pool rule, within scope', async () => {
    const rep = await card<PoolReturnCard>(repA, 'pool-returns');
    expect(rep.items.map((i) => i.name)).toEqual(['宁波远洋电子有限公司']);
    expect(rep.items[0]).toMatchObject({ rule: 'no_follow_up', ruleDays: 30, ownerName: '李一' });
    const lead = await card<PoolReturnCard>(manager, 'pool-returns');
    // Soonest first: repB's customer has been idle one day less.
    expect(lead.items.map((i) => i.name)).toEqual(['宁波远洋电子有限公司', '深圳宏远五金有限公司']);
    expect(lead.count).toBe(2);
  });

  it('shows shipments of the caller’s customers with exceptions and arriving soon', async () => {
    const shipment = (customerId: string, externalId: string, fields: Partial<typeof shipments.$inferInsert>) =>
      t.db.insert(shipments).values({ orgId, source: 'test', externalId, mode: 'FCL', customerId, ...fields });
    await shipment(ids.a, 'S-ROLLED', { bookingNumber: 'BKG001', rolled: true, status: 'loaded' });
    await shipment(ids.a, 'S-ETA', {
      bookingNumber: 'BKG002',
      status: 'departed',
      eta: new Date(Date.now() + 2 * day),
    });
    await shipment(ids.w, 'S-WEST', { bookingNumber: 'BKG003', customsHold: true, status: 'arrived' });
    const rep = await card<ShipmentHomeCard>(repA, 'shipments');
    expect(rep.exceptions.items.map((s) => [s.reference, s.exceptions])).toEqual([['BKG001', ['rolled']]]);
    expect(rep.arriving.items.map((s) => s.reference)).toEqual(['BKG002']);
    expect((await card<ShipmentHomeCard>(repB, 'shipments')).exceptions.count).toBe(0);
  });
});
