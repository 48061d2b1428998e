import { isUnlocode } from '@berth/domain';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, type Factories, type OpportunityFields } from '../../../test/factories';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';
import { demoLoadTimeout, loadDemo } from '../../../test/storage';
import { outbox } from '../../db/schema';
import { opportunities, opportunityStageChanges } from './tables';

type User = Session & { id: string; email: string };
const day = 86_400;

describe('opportunities, stages and inquiries', () => {
  let t: TestApp;
  let admin: Session;
  let make: Factories;
  let orgId: string;
  let east: string;
  let manager: User;
  let repA: User;
  let repB: User;
  let prospectA: string;
  let activeA: string;
  let customerB: string;
  let lostReasons: { id: string; name: string }[];

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, make } = await anOrganisation(t, { name: '商机货代 Pipeline Forwarding' }));
    orgId = admin.me.organization.id;
    east = (await make.team({ name: '华东销售部' })).id;
    manager = await make.user('sales_manager', { teamId: east, name: '王经理' });
    repA = await make.user('sales_rep', { teamId: east, name: '李一' });
    repB = await make.user('sales_rep', { teamId: east, name: '张二' });
    const customer = async (name: string, owner: User, status: 'prospect' | 'active' = 'prospect') =>
      (await make.customer({ name, ownerId: owner.id, teamId: east, status })).id;
    prospectA = await customer('宁波远洋电子有限公司', repA);
    activeA = await customer('上海恒达家具有限公司', repA, 'active');
    customerB = await customer('深圳宏远五金有限公司', repB, 'active');
    lostReasons = (await t.request('GET', '/api/opportunities/lost-reasons', { as: repA })).json().items;
  });
  afterAll(() => t.close());

  const create = (as: Session, body: object) => t.request('POST', '/api/opportunities', { as, body });
  const patch = (as: Session, id: string, version: number, body: object) =>
    t.request('PATCH', `/api/opportunities/${id}`, { as, body, headers: { 'if-match': `"${version}"` } });
  const get = (as: Session, id: string) => t.request('GET', `/api/opportunities/${id}`, { as });
  /** Pretends the opportunity entered its current stage `days` ago. */
  const ageStage = (id: string, days: number) =>
    t.db
      .update(opportunities)
      .set({ stageEnteredAt: sql`now() - make_interval(secs => ${days * day})` })
      .where(and(eq(opportunities.orgId, orgId), eq(opportunities.id, id)));

  it('lists the default stages in the caller language with a configuration version', async () => {
    const zh = await t.request('GET', '/api/opportunities/stages', { as: repA });
    expect(zh.statusCode).toBe(200);
    expect(zh.json().items.map((s: { key: string }) => s.key)).toEqual([
      'inquiry',
      'proposal',
      'negotiation',
      'won',
      'lost',
    ]);
    expect(zh.json().items[0]).toMatchObject({ key: 'inquiry', name: '询价', probability: 10, order: 1, kind: 'open' });
    expect(zh.headers.etag).toBe(`"${zh.json().version}"`);
    const en = await t.request('GET', '/api/opportunities/stages', {
      as: repA,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().items.map((s: { name: string }) => s.name)).toEqual([
      'Inquiry',
      'Proposal / quote',
      'Negotiation',
      'Won',
      'Lost',
    ]);
    expect(lostReasons.length).toBeGreaterThan(3);
  });

  it('creates, reads and edits an opportunity with ETag and If-Match', async () => {
    const res = await create(repA, {
      title: '宁波→洛杉矶 月度合约',
      customerId: prospectA,
      source: 'referral',
      lanes: [{ pol: 'cnngb', pod: 'USLAX', mode: 'FCL' }],
      volume: { teu: 40, shipmentsPerMonth: 4 },
      expectedCloseDate: '2031-03-31',
      expectedRevenue: { amount: '120000', currency: 'usd' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      code: expect.stringMatching(/^O\d{6}$/),
      customerName: '宁波远洋电子有限公司',
      lanes: [{ pol: 'CNNGB', pod: 'USLAX', mode: 'fcl' }],
      volume: { teu: 40, cbm: null, kg: null, shipmentsPerMonth: 4 },
      expectedRevenue: { amount: '120000.00', currency: 'USD' },
      // A sales rep sees the revenue of their own deals, not their margin.
      expectedMargin: null,
      stage: 'inquiry',
      status: 'open',
      probability: 10,
      ownerId: repA.id,
      teamId: east,
      version: 1,
    });
    expect(res.headers.etag).toBe('"1"');

    const read = await get(repA, created.id);
    expect(read.headers.etag).toBe('"1"');
    const edited = await patch(repA, created.id, 1, { title: '宁波→洛杉矶 年度合约', volume: { cbm: 12.5 } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: '宁波→洛杉矶 年度合约', version: 2, volume: { teu: 40, cbm: 12.5 } });
    expect(edited.headers.etag).toBe('"2"');
    const stale = await patch(repA, created.id, 1, { title: 'stale' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('conflict.version');
    expect((await get(repA, created.id)).json().title).toBe('宁波→洛杉矶 年度合约');

    const bad = await create(repA, {
      title: 'x',
      customerId: prospectA,
      source: 'referral',
      lanes: [{ pol: 'XXSHA', pod: 'USLAX', mode: 'fcl' }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toContainEqual(
      expect.objectContaining({ field: 'lanes.0.pol', code: 'customer.unlocode_invalid' }),
    );

    const other = await create(admin, { title: 'to delete', customerId: activeA, source: 'cold_call' });
    expect(
      (
        await t.request('DELETE', `/api/opportunities/${other.json().id}`, {
          as: admin,
          headers: { 'if-match': '"9"' },
        })
      ).statusCode,
    ).toBe(412);
    expect(
      (
        await t.request('DELETE', `/api/opportunities/${other.json().id}`, {
          as: admin,
          headers: { 'if-match': '"1"' },
        })
      ).statusCode,
    ).toBe(204);
    expect((await get(admin, other.json().id)).statusCode).toBe(404);
  });

  it('moves through the stages, keeping the history with the time spent in each stage', async () => {
    const { id } = await make
      .as(repA)
      .opportunity({ title: '上海→汉堡 拼箱', customerId: activeA, source: 'campaign' });
    await ageStage(id, 3);
    const moved = await patch(repA, id, 1, { stage: 'proposal' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ stage: 'proposal', probability: 30, status: 'open', closedAt: null });
    await ageStage(id, 2);
    const given = await patch(repA, id, 2, { stage: 'negotiation', probability: 75 });
    expect(given.json()).toMatchObject({ stage: 'negotiation', probability: 75 });

    const history = (await t.request('GET', `/api/opportunities/${id}/stage-changes`, { as: repA })).json().items;
    expect(history.map((h: { fromStage: string | null; toStage: string }) => [h.fromStage, h.toStage])).toEqual([
      [null, 'inquiry'],
      ['inquiry', 'proposal'],
      ['proposal', 'negotiation'],
    ]);
    expect(history[0].secondsInStage).toBeNull();
    // Entered three and two days ago; the test itself takes seconds, not hours.
    expect(history[1].secondsInStage).toBeGreaterThanOrEqual(3 * day);
    expect(history[1].secondsInStage).toBeLessThan(3 * day + 3600);
    expect(history[2].secondsInStage).toBeGreaterThanOrEqual(2 * day);
    expect(history[2].secondsInStage).toBeLessThan(2 * day + 3600);
    expect(history[1].changedBy).toBe(repA.id);
    expect(history[1].changedByName).toBe('李一');

    const unknown = await patch(repA, id, 3, { stage: 'nowhere' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'stage', code: 'opportunity.stage_unknown' });
  });

  it('needs a lost reason to lose, and closes the opportunity', async () => {
    const { id } = await make
      .as(repA)
      .opportunity({ title: '青岛→釜山 空运', customerId: activeA, source: 'cold_call' });
    const without = await patch(repA, id, 1, { stage: 'lost' });
    expect(without.statusCode).toBe(422);
    expect(without.json().errors).toEqual([
      expect.objectContaining({ field: 'lostReasonId', code: 'opportunity.lost_reason_required' }),
    ]);
    const unknown = await patch(repA, id, 1, { stage: 'lost', lostReasonId: '00000000-0000-7000-8000-000000000000' });
    expect(unknown.json().errors[0]).toMatchObject({ field: 'lostReasonId', code: 'opportunity.lost_reason_unknown' });
    // Nothing was written by the refused moves.
    expect((await get(repA, id)).json()).toMatchObject({ stage: 'inquiry', version: 1 });
    const reason = lostReasons[0]?.id as string;
    const lost = await patch(repA, id, 1, { stage: 'lost', lostReasonId: reason, lostNote: '对方选择了船东直订' });
    expect(lost.statusCode, lost.body).toBe(200);
    expect(lost.json()).toMatchObject({
      status: 'lost',
      probability: 0,
      lostReasonId: reason,
      lostNote: '对方选择了船东直订',
      closedAt: expect.any(String),
    });
    const clearing = await patch(repA, id, 2, { lostReasonId: null });
    expect(clearing.json().errors[0]).toMatchObject({ code: 'opportunity.lost_reason_required' });
    const reopened = await patch(repA, id, 2, { stage: 'proposal' });
    expect(reopened.json()).toMatchObject({ status: 'open', closedAt: null, lostReasonId: null, lostNote: null });
  });

  it('winning the first opportunity turns a prospect into an active customer', async () => {
    const before = (await t.request('GET', `/api/customers/${prospectA}`, { as: repA })).json();
    expect(before.status).toBe('prospect');
    const { id } = await make.as(repA).opportunity({ title: '首单 宁波→纽约', customerId: prospectA });
    const won = await patch(repA, id, 1, { stage: 'won' });
    expect(won.json()).toMatchObject({ status: 'won', probability: 100, closedAt: expect.any(String) });
    const after = (await t.request('GET', `/api/customers/${prospectA}`, { as: repA })).json();
    expect(after.status).toBe('active');
    expect(after.version).toBe(before.version + 1);
    const ownership = (await t.request('GET', `/api/customers/${prospectA}/ownership`, { as: repA })).json();
    expect(ownership.lastDealAt).not.toBeNull();
  });

  it('lets exactly one of two simultaneous moves of the same card win', async () => {
    const { id } = await make.as(repA).opportunity({ title: '厦门→鹿特丹 整箱', customerId: activeA });
    const [first, second] = await Promise.all([
      patch(repA, id, 1, { stage: 'proposal' }),
      patch(manager, id, 1, { stage: 'negotiation' }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 412]);
    const winner = first.statusCode === 200 ? 'proposal' : 'negotiation';
    const card = (await get(repA, id)).json();
    expect(card).toMatchObject({ stage: winner, version: 2 });
    const changes = await t.db
      .select()
      .from(opportunityStageChanges)
      .where(and(eq(opportunityStageChanges.orgId, orgId), eq(opportunityStageChanges.opportunityId, id)));
    expect(changes.map((c) => c.toStage).sort()).toEqual(['inquiry', winner].sort());
  });

  it('keeps revenue to the revenue right and margin to the cost-and-margin right', async () => {
    // A sales rep holds revenue on their own deals, not cost and margin.
    const refused = await create(repA, {
      title: 'x',
      customerId: activeA,
      source: 'referral',
      expectedRevenue: { amount: '1000', currency: 'CNY' },
      expectedMargin: { amount: '100', currency: 'CNY' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ field: 'expectedMargin', code: 'opportunity.cost_margin_hidden' }),
    ]);
    const plainNumber = await create(manager, {
      title: 'x',
      customerId: activeA,
      source: 'referral',
      expectedRevenue: 1 as never,
    });
    expect(plainNumber.statusCode).toBe(422);
    expect(plainNumber.json().errors[0]).toMatchObject({ field: 'expectedRevenue' });

    const res = await create(manager, {
      title: '上海→洛杉矶 电子产品',
      customerId: activeA,
      source: 'referral',
      ownerId: repA.id,
      expectedRevenue: { amount: '250000', currency: 'CNY' },
      expectedMargin: { amount: 30_000.5, currency: 'CNY' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      expectedRevenue: { amount: '250000.00', currency: 'CNY' },
      expectedMargin: { amount: '30000.50', currency: 'CNY' },
      ownerId: repA.id,
    });
    const asRep = (await get(repA, res.json().id)).json();
    expect(asRep).toMatchObject({ expectedRevenue: { amount: '250000.00', currency: 'CNY' }, expectedMargin: null });
    // The rep's own revenue is theirs to change; the margin they do not see is not.
    expect((await patch(repA, asRep.id, asRep.version, { expectedMargin: null })).statusCode).toBe(422);
    const list = (await t.request('GET', `/api/opportunities?customerId=${activeA}&limit=200`, { as: repA })).json();
    expect(list.items.every((o: { expectedMargin: unknown }) => o.expectedMargin === null)).toBe(true);
    const forecast = (await t.request('GET', '/api/opportunities/forecast?groupBy=owner', { as: repA })).json();
    expect(forecast.items.length).toBeGreaterThan(0);
    expect(forecast.items.every((r: { weightedMargin: unknown }) => r.weightedMargin === null)).toBe(true);
    // The customer's history shows the change, but not the margin, to the rep.
    const timeline = (await t.request('GET', `/api/customers/${activeA}/timeline?limit=200`, { as: repA })).json();
    const entry = timeline.items.find(
      (e: { kind: string; entityId: string }) => e.kind === 'opportunity' && e.entityId === res.json().id,
    );
    expect(entry?.changes.expected_margin).toEqual(['***', '***']);
    expect(entry?.changes.margin_currency).toEqual(['***', '***']);
    expect(entry?.changes.expected_revenue).toEqual([null, 250000]);
    const managerTimeline = (
      await t.request('GET', `/api/customers/${activeA}/timeline?limit=200`, { as: manager })
    ).json();
    const managerEntry = managerTimeline.items.find(
      (e: { kind: string; entityId: string }) => e.kind === 'opportunity' && e.entityId === res.json().id,
    );
    expect(managerEntry?.changes.expected_revenue).toEqual([null, 250000]);
  });

  it('shows the opportunity and its stage changes on the customer timeline', async () => {
    const { id } = await make.as(repA).opportunity({ title: '时间线 商机', customerId: activeA });
    await patch(repA, id, 1, { stage: 'proposal' });
    const timeline = (await t.request('GET', `/api/customers/${activeA}/timeline?limit=200`, { as: repA })).json();
    const entries = timeline.items.filter((e: { entityId: string }) => e.entityId === id);
    expect(entries.map((e: { kind: string; action: string }) => [e.kind, e.action])).toEqual([
      ['opportunity', 'update'],
      ['opportunity', 'create'],
    ]);
    expect(entries[0].changes.stage_key).toEqual(['inquiry', 'proposal']);
  });

  it("never lets a rep see or move another rep's opportunity through any route", async () => {
    const mine = await make.as(repA).opportunity({ title: 'A 的商机', customerId: activeA });
    const theirs = await make.as(repB).opportunity({ title: 'B 的商机', customerId: customerB });
    expect(theirs.ownerId).toBe(repB.id);

    for (const [method, url, body] of [
      ['GET', `/api/opportunities/${mine.id}`, undefined],
      ['GET', `/api/opportunities/${mine.id}/stage-changes`, undefined],
      ['PATCH', `/api/opportunities/${mine.id}`, { stage: 'won' }],
      ['PATCH', `/api/opportunities/${mine.id}`, { ownerId: repB.id }],
    ] as const) {
      const res = await t.request(method, url, { as: repB, body, headers: { 'if-match': '"1"' } });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await t.request('DELETE', `/api/opportunities/${mine.id}`, { as: repB })).statusCode).toBe(403);
    const listB = (await t.request('GET', '/api/opportunities?limit=200', { as: repB })).json().items;
    expect(listB.map((o: { id: string }) => o.id)).toEqual([theirs.id]);
    const byCustomer = (await t.request('GET', `/api/opportunities?customerId=${activeA}`, { as: repB })).json();
    expect(byCustomer.items).toEqual([]);
    const forecast = (await t.request('GET', '/api/opportunities/forecast?groupBy=owner', { as: repB })).json();
    expect(forecast.items.map((r: { key: string }) => r.key)).toEqual([repB.id]);
    const stats = (await t.request('GET', '/api/opportunities/stats?by=owner', { as: repB })).json();
    expect(stats.overall.total).toBe(1);
    // A rep cannot hand an opportunity to someone else or create one for them.
    const handOver = await patch(repA, mine.id, 1, { ownerId: repB.id });
    expect(handOver.statusCode).toBe(422);
    expect(handOver.json().errors[0]).toMatchObject({ code: 'opportunity.owner_outside_scope' });
    const forOther = await create(repA, { title: 'x', customerId: activeA, source: 'referral', ownerId: repB.id });
    expect(forOther.json().errors[0]).toMatchObject({ code: 'opportunity.owner_outside_scope' });
    // Nor open one on a customer they cannot see.
    const foreign = await create(repA, { title: 'x', customerId: customerB, source: 'referral' });
    expect(foreign.json().errors[0]).toMatchObject({ field: 'customerId', code: 'opportunity.customer_unknown' });
    // The team's manager sees and moves both.
    const managerList = (await t.request('GET', '/api/opportunities?limit=200', { as: manager })).json().items;
    expect(managerList.map((o: { id: string }) => o.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect((await patch(manager, theirs.id, 1, { stage: 'proposal' })).statusCode).toBe(200);
    // Unchanged by B's attempts.
    expect((await get(repA, mine.id)).json()).toMatchObject({ stage: 'inquiry', ownerId: repA.id, version: 1 });
  });

  it('answers a write it allowed with the record, while reading it stays within the writer’s scope', async () => {
    // Someone who may give opportunities to anyone but reads only their own.
    const role = await t.request('POST', '/api/roles', {
      as: admin,
      body: {
        key: 'opportunity_dispatcher',
        name: '商机分派',
        nameEn: 'Opportunity dispatcher',
        permissions: { customers: { read: 'org' }, opportunities: { read: 'own', create: 'org', update: 'org' } },
      },
    });
    expect(role.statusCode, role.body).toBe(201);
    const dispatcher = await t.userWithRole(admin, 'opportunity_dispatcher', { teamId: east });
    const created = await create(dispatcher, {
      title: '分派的商机',
      customerId: activeA,
      source: 'referral',
      ownerId: repA.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ title: '分派的商机', ownerId: repA.id, version: 1 });
    const renamed = await patch(dispatcher, id, 1, { title: '改名的商机' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ id, title: '改名的商机', version: 2 });

    expect((await get(dispatcher, id)).statusCode).toBe(404);
    const listed = (await t.request('GET', '/api/opportunities?limit=200', { as: dispatcher })).json().items;
    expect(listed.map((o: { id: string }) => o.id)).not.toContain(id);
    expect((await get(repA, id)).json()).toMatchObject({ title: '改名的商机', ownerId: repA.id });
  });

  it('filters the list by customer, owner, stage, status, lane, source and text, page by page', async () => {
    // A rep and customer of its own, with one opportunity already further on: the counts below are
    // then the same whichever tests ran before.
    const repB = await make.user('sales_rep', { teamId: east, name: '张二' });
    const customerB = (
      await make.customer({ name: '深圳宏远五金有限公司', ownerId: repB.id, teamId: east, status: 'active' })
    ).id;
    await make.as(repB).opportunity({ title: 'B 的商机', customerId: customerB, stage: 'proposal' });
    const lane = (
      await create(repB, {
        title: '深圳盐田→新加坡 冷链',
        customerId: customerB,
        source: 'event',
        lanes: [
          { pol: 'CNYTN', pod: 'SGSIN', mode: 'fcl' },
          { pol: 'CNSZX', pod: 'SGSIN', mode: 'air' },
        ],
      })
    ).json();
    const query = async (q: string) =>
      (await t.request('GET', `/api/opportunities?${q}`, { as: repB })).json().items.map((o: { id: string }) => o.id);
    expect(await query('lane=CNYTN')).toEqual([lane.id]);
    expect(await query('lane=cnytn-sgsin')).toEqual([lane.id]);
    expect(await query('lane=CNYTN-USLAX')).toEqual([]);
    expect(await query('lane=CNSZX-SGSIN')).toEqual([lane.id]);
    expect(await query('source=event')).toEqual([lane.id]);
    expect(await query('q=冷链')).toEqual([lane.id]);
    expect(await query(`q=${encodeURIComponent('宏远五金')}&stage=inquiry`)).toEqual([lane.id]);
    expect(await query('q=100%25')).toEqual([]);
    expect((await query('owner=me')).length).toBe(2);
    expect(await query(`owner=${repA.id}`)).toEqual([]);
    expect((await query('status=open&stage=proposal')).length).toBe(1);
    const first = (await t.request('GET', '/api/opportunities?limit=1', { as: repB })).json();
    expect(first.items).toHaveLength(1);
    const second = (
      await t.request('GET', `/api/opportunities?limit=1&cursor=${first.nextCursor}`, { as: repB })
    ).json();
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(second.nextCursor).toBeNull();
    const bad = await t.request('GET', '/api/opportunities?lane=shanghai', { as: repB });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation.failed');
  });
});

describe('inquiries open or join opportunities and remind the owner', () => {
  let t: TestApp;
  let admin: Session;
  let make: Factories;
  let orgId: string;
  let team: string;
  let rep: User;
  let otherRep: User;
  let service: User;
  let apiKey: string;
  let customer: string;
  let unowned: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, make } = await anOrganisation(t, { name: '询价货代 Inquiry Forwarding' }));
    orgId = admin.me.organization.id;
    team = (await make.team({ name: '华南销售部' })).id;
    rep = await make.user('sales_rep', { teamId: team, name: '赵磊' });
    otherRep = await make.user('sales_rep', { teamId: team, name: '钱多' });
    service = await make.user('customer_service', { name: '陈客服' });
    customer = (await make.customer({ name: '广州安信汽配有限公司', ownerId: rep.id, teamId: team })).id;
    unowned = (await make.customer({ name: '无主客户', ownerId: null })).id;
    const roles = (await t.request('GET', '/api/roles?limit=200', { as: admin })).json().items;
    const marketing = roles.find((r: { key: string }) => r.key === 'marketing').id;
    apiKey = (
      await t.request('POST', '/api/api-keys', { as: admin, body: { name: '官网询价', roleId: marketing } })
    ).json().secret;
  });
  afterAll(() => t.close());

  const viaApi = (body: object) =>
    t.request('POST', '/api/inquiries', { body, headers: { authorization: `Bearer ${apiKey}` } });
  const notificationsOf = async (user: Session) =>
    (await t.request('GET', '/api/notifications?limit=200', { as: user })).json().items as {
      kind: string;
      subjectId: string;
      title: string;
    }[];

  it('opens an opportunity in the inquiry stage for the customer owner and notifies them', async () => {
    // An owner and customer of its own: the mail counted below is this inquiry's alone.
    const rep = await make.user('sales_rep', { teamId: team, name: '赵磊' });
    const customer = (await make.customer({ name: '广州安信汽配有限公司', ownerId: rep.id, teamId: team })).id;
    const res = await viaApi({
      customerId: customer,
      pol: 'CNSHA',
      pod: 'USLAX',
      mode: 'FCL',
      message: '每月 10 个 40HQ，请报 6 月运价',
      volume: { teu: 20 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const inquiry = res.json();
    expect(inquiry).toMatchObject({
      customerId: customer,
      customerName: '广州安信汽配有限公司',
      pol: 'CNSHA',
      pod: 'USLAX',
      mode: 'fcl',
      openedOpportunity: true,
      channel: 'api',
      volume: { teu: 20 },
    });
    const opportunity = (await t.request('GET', `/api/opportunities/${inquiry.opportunityId}`, { as: rep })).json();
    expect(opportunity).toMatchObject({
      title: 'CNSHA→USLAX FCL 询价',
      stage: 'inquiry',
      status: 'open',
      source: 'inquiry',
      ownerId: rep.id,
      probability: 10,
      lanes: [{ pol: 'CNSHA', pod: 'USLAX', mode: 'fcl' }],
      volume: { teu: 20 },
    });
    const board = (await t.request('GET', '/api/opportunities?stage=inquiry&owner=me', { as: rep })).json().items;
    expect(board.map((o: { id: string }) => o.id)).toContain(inquiry.opportunityId);

    const notes = await notificationsOf(rep);
    expect(notes).toContainEqual(
      expect.objectContaining({ kind: 'opportunity.inquiry', subjectId: inquiry.opportunityId }),
    );
    expect(notes[0]?.title).toContain('CNSHA→USLAX');
    const mails = await t.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.orgId, orgId), eq(outbox.recipient, rep.email)));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain('广州安信汽配有限公司');
    expect(await notificationsOf(otherRep)).toEqual([]);
  });

  it('attaches an inquiry for the same customer and lane to the open opportunity', async () => {
    const first = (await viaApi({ customerId: customer, pol: 'CNNGB', pod: 'DEHAM', mode: 'fcl' })).json();
    const again = await viaApi({ customerId: customer, pol: 'cnngb', pod: 'deham', mode: 'LCL' });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ opportunityId: first.opportunityId, openedOpportunity: false, mode: 'lcl' });
    const otherLane = (await viaApi({ customerId: customer, pol: 'CNNGB', pod: 'NLRTM', mode: 'fcl' })).json();
    expect(otherLane.opportunityId).not.toBe(first.opportunityId);
    const listed = (await t.request('GET', `/api/inquiries?opportunityId=${first.opportunityId}`, { as: rep })).json();
    expect(listed.items).toHaveLength(2);
    // Once the opportunity is closed, the next inquiry opens a new one.
    const reason = (await t.request('GET', '/api/opportunities/lost-reasons', { as: rep })).json().items[0].id;
    const lost = await t.request('PATCH', `/api/opportunities/${first.opportunityId}`, {
      headers: { 'if-match': '*' },
      as: rep,
      body: { stage: 'lost', lostReasonId: reason },
    });
    expect(lost.statusCode).toBe(200);
    const later = (await viaApi({ customerId: customer, pol: 'CNNGB', pod: 'DEHAM', mode: 'fcl' })).json();
    expect(later).toMatchObject({ openedOpportunity: true });
    expect(later.opportunityId).not.toBe(first.opportunityId);
  });

  it('records how the customer asked when a rep logs an inquiry taken by WeChat or phone', async () => {
    const log = (body: object) => t.request('POST', '/api/inquiries', { as: rep, body });
    const wechat = await log({ customerId: customer, pol: 'CNSZX', pod: 'AUSYD', mode: 'fcl', channel: 'wechat' });
    expect(wechat.statusCode, wechat.body).toBe(201);
    expect(wechat.json()).toMatchObject({ channel: 'wechat', openedOpportunity: true, createdBy: rep.id });
    const typed = await log({ customerId: customer, pol: 'CNSZX', pod: 'AUSYD', mode: 'fcl', volume: { teu: 4 } });
    expect(typed.json()).toMatchObject({ channel: 'console', opportunityId: wechat.json().opportunityId });
    // The channels that name a system are set by the server, never claimed by the caller.
    const claimed = await log({ customerId: customer, pol: 'CNSZX', pod: 'AUSYD', mode: 'fcl', channel: 'portal' });
    expect(claimed.statusCode).toBe(422);
    // A rep logs inquiries of their own customers only.
    const other = (await make.customer({ name: '别人的客户', ownerId: otherRep.id, teamId: team })).id;
    const refused = await log({ customerId: other, pol: 'CNSZX', pod: 'AUSYD', mode: 'fcl', channel: 'phone' });
    expect(refused.statusCode).toBe(422);
  });

  it('opens one opportunity, not two, for simultaneous inquiries on the same lane', async () => {
    const body = { customerId: customer, pol: 'CNDLC', pod: 'JPTYO', mode: 'fcl' };
    const answers = await Promise.all([viaApi(body), viaApi(body), viaApi(body)]);
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    const inquiries = answers.map((a) => a.json());
    expect(new Set(inquiries.map((i) => i.opportunityId)).size).toBe(1);
    expect(inquiries.filter((i) => i.openedOpportunity)).toHaveLength(1);
  });

  it('gives an unowned customer’s inquiry to the user who records it, or to nobody from an API key', async () => {
    const byService = await t.request('POST', '/api/inquiries', {
      as: service,
      body: { customerId: unowned, pol: 'CNTAO', pod: 'KRPUS', mode: 'air' },
    });
    expect(byService.statusCode, byService.body).toBe(201);
    expect(byService.json().channel).toBe('console');
    const opened = await t.db
      .select({ ownerId: opportunities.ownerId, title: opportunities.title })
      .from(opportunities)
      .where(and(eq(opportunities.orgId, orgId), eq(opportunities.id, byService.json().opportunityId)));
    expect(opened[0]).toEqual({ ownerId: service.id, title: 'CNTAO→KRPUS 空运 询价' });
    const english = await t.request('POST', '/api/inquiries', {
      headers: { authorization: `Bearer ${apiKey}`, 'accept-language': 'en' },
      body: { customerId: unowned, pol: 'CNTAO', pod: 'JPTYO', mode: 'rail' },
    });
    const fromKey = await t.db
      .select({ ownerId: opportunities.ownerId, title: opportunities.title })
      .from(opportunities)
      .where(and(eq(opportunities.orgId, orgId), eq(opportunities.id, english.json().opportunityId)));
    expect(fromKey[0]).toEqual({ ownerId: null, title: 'CNTAO→JPTYO Rail inquiry' });
  });

  it('refuses bad inquiries with field errors and without writing anything', async () => {
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(opportunities);
    const bad = await viaApi({ customerId: customer, pol: 'CNSHAX', pod: 'USLAX', mode: 'ship' });
    expect(bad.statusCode).toBe(422);
    const fields = bad.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]);
    expect(fields).toContainEqual(['pol', 'customer.unlocode_invalid']);
    expect(fields.map((f: string[]) => f[0])).toContain('mode');
    const missing = await viaApi({
      customerId: '00000000-0000-7000-8000-000000000000',
      pol: 'CNSHA',
      pod: 'USLAX',
      mode: 'fcl',
    });
    expect(missing.json().errors[0]).toMatchObject({ field: 'customerId', code: 'opportunity.customer_unknown' });
    // A rep records inquiries only for their own customers.
    const foreign = await t.request('POST', '/api/inquiries', {
      as: otherRep,
      body: { customerId: customer, pol: 'CNSHA', pod: 'USLAX', mode: 'fcl' },
    });
    expect(foreign.json().errors[0]).toMatchObject({ field: 'customerId', code: 'opportunity.customer_unknown' });
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(opportunities);
    expect(after).toEqual(before);
  });

  it('shows each rep only the inquiries on their own opportunities', async () => {
    // Enough inquiries for two pages, whichever tests ran before.
    for (const pod of ['USNYC', 'USSEA', 'USSAV', 'USHOU']) {
      expect((await viaApi({ customerId: customer, pol: 'CNSHA', pod, mode: 'fcl' })).statusCode).toBe(201);
    }
    const mine = (await t.request('GET', '/api/inquiries?limit=200', { as: rep })).json().items;
    expect(mine.length).toBeGreaterThan(3);
    expect(mine.every((i: { customerId: string }) => i.customerId === customer)).toBe(true);
    expect((await t.request('GET', '/api/inquiries', { as: otherRep })).json().items).toEqual([]);
    const page = (await t.request('GET', '/api/inquiries?limit=2', { as: rep })).json();
    const next = (await t.request('GET', `/api/inquiries?limit=2&cursor=${page.nextCursor}`, { as: rep })).json();
    expect(next.items[0].id < page.items[1].id).toBe(true);
  });

  it('keeps an opportunity that inquiries refer to', async () => {
    const { opportunityId } = (await viaApi({ customerId: customer, pol: 'CNXMN', pod: 'AUSYD', mode: 'fcl' })).json();
    const res = await t.request('DELETE', `/api/opportunities/${opportunityId}`, { as: admin });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('conflict.in_use');
  });
});

describe('pipeline configuration: stages and lost reasons', () => {
  let t: TestApp;
  let admin: Session;
  let rep: User;
  let customer: string;

  beforeAll(async () => {
    t = await startTestApp();
    let make: Factories;
    ({ admin, make } = await anOrganisation(t, { name: '配置货代 Config Forwarding' }));
    rep = await make.user('sales_rep', { name: '孙一' });
    customer = (await make.customer({ name: '配置客户', ownerId: rep.id })).id;
  });
  afterAll(() => t.close());

  const stages = async (query = '?includeInactive=true') => {
    const res = await t.request('GET', `/api/opportunities/stages${query}`, { as: admin });
    return { etag: res.headers.etag as string, body: res.json() };
  };
  const put = (items: object[], etag: string, as: Session = admin) =>
    t.request('PUT', '/api/opportunities/stages', { as, body: { items }, headers: { 'if-match': etag } });
  const item = (s: { key: string; nameZh: string; nameEn: string; probability: number }, extra: object = {}) => ({
    key: s.key,
    nameZh: s.nameZh,
    nameEn: s.nameEn,
    probability: s.probability,
    ...extra,
  });

  it('renames, reorders, re-weights and adds open stages; won and lost stay last', async () => {
    const { etag, body } = await stages();
    const [inquiry, proposal, negotiation, won, lost] = body.items;
    expect((await put([item(inquiry)], etag, rep)).statusCode).toBe(403);
    const res = await put(
      [
        item(inquiry, { probability: 5 }),
        { nameZh: '客户拜访', nameEn: 'Site visit', probability: 20 },
        item(negotiation),
        item(proposal, { nameZh: '方案报价', probability: 40 }),
        item(won, { nameZh: '成交' }),
        item(lost),
      ],
      etag,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res.json().items.map((s: { key: string; probability: number; order: number }) => [s.key, s.probability, s.order]),
    ).toEqual([
      ['inquiry', 5, 1],
      ['site_visit', 20, 2],
      ['negotiation', 60, 3],
      ['proposal', 40, 4],
      ['won', 100, 5],
      ['lost', 0, 6],
    ]);
    expect(res.json().items[4]).toMatchObject({ name: '成交', nameEn: 'Won', kind: 'won' });
    expect(res.headers.etag).not.toBe(etag);
    expect((await put([item(inquiry)], etag)).statusCode).toBe(412);
    const created = await t.request('POST', '/api/opportunities', {
      as: rep,
      body: { title: '新阶段', customerId: customer, source: 'referral', stage: 'site_visit' },
    });
    expect(created.json()).toMatchObject({ stage: 'site_visit', probability: 20 });
  });

  it('keeps won and lost fixed and at least one open stage, and never strands open opportunities', async () => {
    const { etag, body } = await stages();
    const byKey = Object.fromEntries(body.items.map((s: { key: string }) => [s.key, s]));
    const fixed = await put([item(byKey.inquiry), item(byKey.won, { probability: 90 })], etag);
    expect(fixed.statusCode).toBe(422);
    expect(fixed.json().errors[0]).toMatchObject({
      field: 'items.1.probability',
      code: 'opportunity.closed_stage_fixed',
    });
    const none = await put([item(byKey.inquiry, { active: false })], etag);
    expect(none.json().errors[0]).toMatchObject({ field: 'items', code: 'opportunity.stage_open_required' });
    const dup = await put([item(byKey.inquiry), item(byKey.inquiry)], etag);
    expect(dup.json().errors[0]).toMatchObject({ field: 'items.1.key', code: 'opportunity.stage_key_duplicate' });
    // An open opportunity sits in site_visit: leaving it out would deactivate it.
    const inUse = await put([item(byKey.inquiry), item(byKey.proposal)], etag);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().code).toBe('opportunity.stage_in_use');
    const ok = await put([item(byKey.inquiry), item(byKey.site_visit), item(byKey.proposal)], etag);
    expect(ok.statusCode, ok.body).toBe(200);
    const active = (await stages('')).body.items.map((s: { key: string }) => s.key);
    expect(active).toEqual(['inquiry', 'site_visit', 'proposal', 'won', 'lost']);
    const all = (await stages()).body.items;
    expect(all.find((s: { key: string }) => s.key === 'negotiation')).toMatchObject({ active: false, kind: 'open' });
    const move = await t.request('GET', '/api/opportunities?stage=site_visit', { as: rep });
    const card = move.json().items[0];
    const refused = await t.request('PATCH', `/api/opportunities/${card.id}`, {
      headers: { 'if-match': '*' },
      as: rep,
      body: { stage: 'negotiation' },
    });
    expect(refused.json().errors[0]).toMatchObject({ field: 'stage', code: 'opportunity.stage_unknown' });
  });

  it('configures lost reasons; used ones can be deactivated but not deleted', async () => {
    const created = await t.request('POST', '/api/opportunities/lost-reasons', {
      as: admin,
      body: { nameZh: '付款条件不符', nameEn: 'Payment terms' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const reason = created.json();
    expect(reason).toMatchObject({ name: '付款条件不符', active: true, version: 1 });
    expect(
      (await t.request('POST', '/api/opportunities/lost-reasons', { as: rep, body: { nameZh: 'x', nameEn: 'x' } }))
        .statusCode,
    ).toBe(403);
    const en = await t.request('GET', '/api/opportunities/lost-reasons', {
      as: rep,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().items.map((r: { name: string }) => r.name)).toContain('Payment terms');

    const { id } = (
      await t.request('POST', '/api/opportunities', {
        as: rep,
        body: { title: '丢单', customerId: customer, source: 'referral' },
      })
    ).json();
    const lost = await t.request('PATCH', `/api/opportunities/${id}`, {
      headers: { 'if-match': '*' },
      as: rep,
      body: { stage: 'lost', lostReasonId: reason.id },
    });
    expect(lost.statusCode).toBe(200);
    const del = await t.request('DELETE', `/api/opportunities/lost-reasons/${reason.id}`, { as: admin });
    expect(del.statusCode).toBe(409);
    const stale = await t.request('PATCH', `/api/opportunities/lost-reasons/${reason.id}`, {
      as: admin,
      body: { active: false },
      headers: { 'if-match': '"7"' },
    });
    expect(stale.statusCode).toBe(412);
    const off = await t.request('PATCH', `/api/opportunities/lost-reasons/${reason.id}`, {
      as: admin,
      body: { active: false },
      headers: { 'if-match': '"1"' },
    });
    expect(off.json()).toMatchObject({ active: false, version: 2 });
    const listed = (await t.request('GET', '/api/opportunities/lost-reasons', { as: rep })).json().items;
    expect(listed.map((r: { id: string }) => r.id)).not.toContain(reason.id);
    const reopened = await t.request('PATCH', `/api/opportunities/${id}`, {
      headers: { 'if-match': '*' },
      as: rep,
      body: { stage: 'inquiry' },
    });
    expect(reopened.statusCode).toBe(200);
    const again = await t.request('PATCH', `/api/opportunities/${id}`, {
      headers: { 'if-match': '*' },
      as: rep,
      body: { stage: 'lost', lostReasonId: reason.id },
    });
    expect(again.json().errors[0]).toMatchObject({ code: 'opportunity.lost_reason_unknown' });

    const unused = (
      await t.request('POST', '/api/opportunities/lost-reasons', {
        as: admin,
        body: { nameZh: '临时', nameEn: 'Temp' },
      })
    ).json();
    expect((await t.request('DELETE', `/api/opportunities/lost-reasons/${unused.id}`, { as: admin })).statusCode).toBe(
      204,
    );
  });
});

describe('forecast and win rates on a known pipeline', () => {
  let t: TestApp;
  let admin: Session;
  let orgId: string;
  let team: string;
  let repX: User;
  let repY: User;
  let manager: User;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    let make: Factories;
    ({ admin, make } = await anOrganisation(t, { name: '预测货代 Forecast Forwarding' }));
    orgId = admin.me.organization.id;
    team = (await make.team({ name: '预测组' })).id;
    repX = await make.user('sales_rep', { teamId: team, name: '徐一' });
    repY = await make.user('sales_rep', { teamId: team, name: '杨二' });
    manager = await make.user('sales_manager', { teamId: team, name: '周经理' });
    const customer = (await make.customer({ name: '预测客户', ownerId: repX.id, teamId: team })).id;
    const lane = (pol: string, pod: string) => [{ pol, pod, mode: 'fcl' as const }];
    const add = async (key: string, body: Omit<OpportunityFields, 'customerId'>) => {
      ids[key] = (await make.opportunity({ title: key, customerId: customer, teamId: team, ...body })).id;
    };
    await add('A', {
      ownerId: repX.id,
      stage: 'proposal',
      expectedRevenue: { amount: '100000', currency: 'CNY' },
      expectedCloseDate: '2031-01-15',
      lanes: lane('CNSHA', 'USLAX'),
    });
    await add('B', {
      ownerId: repX.id,
      stage: 'negotiation',
      expectedRevenue: { amount: '50000', currency: 'CNY' },
      expectedCloseDate: '2031-01-20',
      lanes: lane('CNSHA', 'DEHAM'),
      source: 'campaign',
    });
    await add('C', {
      ownerId: repY.id,
      expectedRevenue: { amount: '20000', currency: 'USD' },
      expectedMargin: { amount: '3000', currency: 'USD' },
      expectedCloseDate: '2031-02-10',
      lanes: lane('CNNGB', 'USLAX'),
      source: 'inquiry',
    });
    await add('D', {
      ownerId: repY.id,
      expectedRevenue: { amount: '80000', currency: 'CNY' },
      expectedCloseDate: '2031-03-01',
      lanes: lane('CNSHA', 'USLAX'),
    });
    await add('E', {
      ownerId: repX.id,
      expectedRevenue: { amount: '70000', currency: 'CNY' },
      expectedCloseDate: '2031-01-10',
      lanes: lane('CNSHA', 'USLAX'),
    });
    await add('F', {
      ownerId: repX.id,
      stage: 'proposal',
      probability: 55,
      expectedRevenue: { amount: '10000', currency: 'CNY' },
      expectedMargin: { amount: '1000', currency: 'CNY' },
      expectedCloseDate: '2031-01-31',
    });
    const age = (id: string, days: number) =>
      t.db
        .update(opportunities)
        .set({ stageEnteredAt: sql`now() - make_interval(secs => ${days * day})` })
        .where(and(eq(opportunities.orgId, orgId), eq(opportunities.id, id)));
    await age(ids.D as string, 2);
    expect(
      (
        await t.request('PATCH', `/api/opportunities/${ids.D}`, {
          headers: { 'if-match': '*' },
          as: admin,
          body: { stage: 'won' },
        })
      ).statusCode,
    ).toBe(200);
    await age(ids.E as string, 4);
    const reason = (await t.request('GET', '/api/opportunities/lost-reasons', { as: admin })).json().items[0].id;
    const lost = await t.request('PATCH', `/api/opportunities/${ids.E}`, {
      headers: { 'if-match': '*' },
      as: admin,
      body: { stage: 'lost', lostReasonId: reason },
    });
    expect(lost.statusCode).toBe(200);
    // Cycle times of exactly 10 and 20 days.
    for (const [key, days] of [
      ['D', 10],
      ['E', 20],
    ] as const) {
      await t.db
        .update(opportunities)
        .set({ createdAt: sql`${opportunities.closedAt} - make_interval(days => ${days})` })
        .where(and(eq(opportunities.orgId, orgId), eq(opportunities.id, ids[key] as string)));
    }
  });
  afterAll(() => t.close());

  const forecast = async (query: string, as: Session = manager) => {
    const res = await t.request('GET', `/api/opportunities/forecast?${query}`, { as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const stats = async (by: string, as: Session = manager) => {
    const res = await t.request('GET', `/api/opportunities/stats?by=${by}`, { as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** An amount of the forecast as a number, after checking it is in the row's currency. */
  const n = (row: Record<string, unknown>, value: unknown) => {
    if (value === null) return null;
    expect((value as { currency: string }).currency).toBe(row.currency);
    return Number((value as { amount: string }).amount);
  };
  const pick = (row: Record<string, unknown>) => ({
    key: row.key,
    currency: row.currency,
    openCount: row.openCount,
    expectedRevenue: n(row, row.expectedRevenue),
    weightedRevenue: n(row, row.weightedRevenue),
    expectedMargin: n(row, row.expectedMargin),
    weightedMargin: n(row, row.weightedMargin),
    wonCount: row.wonCount,
    wonRevenue: n(row, row.wonRevenue),
  });

  it('weights the open pipeline by month and currency, never adding currencies', async () => {
    const body = await forecast('groupBy=month&from=2031-01-01&to=2031-02-28');
    expect(body.items.map(pick)).toEqual([
      {
        key: '2031-01',
        currency: 'CNY',
        openCount: 3,
        expectedRevenue: 160_000,
        weightedRevenue: 65_500,
        expectedMargin: 1_000,
        weightedMargin: 550,
        wonCount: 0,
        wonRevenue: 0,
      },
      {
        key: '2031-02',
        currency: 'USD',
        openCount: 1,
        expectedRevenue: 20_000,
        weightedRevenue: 2_000,
        expectedMargin: 3_000,
        weightedMargin: 300,
        wonCount: 0,
        wonRevenue: 0,
      },
    ]);
    expect(body.totals.map(pick)).toEqual([
      {
        key: null,
        currency: 'CNY',
        openCount: 3,
        expectedRevenue: 160_000,
        weightedRevenue: 65_500,
        expectedMargin: 1_000,
        weightedMargin: 550,
        wonCount: 0,
        wonRevenue: 0,
      },
      {
        key: null,
        currency: 'USD',
        openCount: 1,
        expectedRevenue: 20_000,
        weightedRevenue: 2_000,
        expectedMargin: 3_000,
        weightedMargin: 300,
        wonCount: 0,
        wonRevenue: 0,
      },
    ]);
    // Without a period, the won opportunity counts in the month it was won.
    const thisMonth = new Date().toISOString().slice(0, 7);
    const all = await forecast('groupBy=month');
    expect(pick(all.items.find((r: { key: string }) => r.key === thisMonth))).toMatchObject({
      currency: 'CNY',
      openCount: 0,
      wonCount: 1,
      wonRevenue: 80_000,
    });
    expect(pick(all.totals.find((r: { currency: string }) => r.currency === 'CNY'))).toMatchObject({
      openCount: 3,
      weightedRevenue: 65_500,
      wonRevenue: 80_000,
    });
  });

  it('groups the forecast by lane, owner and team with names', async () => {
    const lanes = await forecast('groupBy=lane');
    expect(
      lanes.items.map((r: Record<string, unknown>) => [r.key, r.currency, n(r, r.weightedRevenue), n(r, r.wonRevenue)]),
    ).toEqual([
      ['CNNGB-USLAX', 'USD', 2_000, 0],
      ['CNSHA-DEHAM', 'CNY', 30_000, 0],
      ['CNSHA-USLAX', 'CNY', 30_000, 80_000],
      [null, 'CNY', 5_500, 0],
    ]);
    const owners = await forecast('groupBy=owner');
    const byOwner = owners.items.map((r: Record<string, unknown>) => [
      r.name,
      r.currency,
      r.openCount,
      n(r, r.weightedRevenue),
    ]);
    expect(byOwner).toEqual(
      expect.arrayContaining([
        ['徐一', 'CNY', 3, 65_500],
        ['杨二', 'CNY', 0, 0],
        ['杨二', 'USD', 1, 2_000],
      ]),
    );
    expect(byOwner).toHaveLength(3);
    const teams = await forecast('groupBy=team');
    expect(teams.items.map((r: Record<string, unknown>) => [r.key, r.name, r.currency])).toEqual([
      [team, '预测组', 'CNY'],
      [team, '预测组', 'USD'],
    ]);
    // A rep sees the revenue of their own deals, not their margin.
    const mine = await forecast('groupBy=owner', repY);
    expect(mine.items.map((r: Record<string, unknown>) => [r.key, r.currency, n(r, r.weightedRevenue)])).toEqual([
      [repY.id, 'CNY', 0],
      [repY.id, 'USD', 2_000],
    ]);
    expect(mine.items.every((r: { weightedMargin: unknown }) => r.weightedMargin === null)).toBe(true);
  });

  it('computes win rate, cycle time and days per stage', async () => {
    const bySource = await stats('source');
    expect(bySource.overall).toMatchObject({ total: 6, open: 4, won: 1, lost: 1, winRate: 0.5, avgCycleDays: 15 });
    expect(bySource.overall.avgDaysInStage).toEqual({ inquiry: 3 });
    expect(
      bySource.items.map((r: Record<string, unknown>) => [r.key, r.total, r.won, r.lost, r.winRate, r.avgCycleDays]),
    ).toEqual([
      ['referral', 4, 1, 1, 0.5, 15],
      ['campaign', 1, 0, 0, null, null],
      ['inquiry', 1, 0, 0, null, null],
    ]);
    const byStage = await stats('stage');
    expect(
      byStage.items.map((r: Record<string, unknown>) => [
        r.key,
        r.total,
        r.open,
        r.won,
        r.lost,
        r.winRate,
        r.avgDaysInStage,
      ]),
    ).toEqual([
      ['inquiry', 3, 1, 1, 1, 0.5, { inquiry: 3 }],
      ['proposal', 2, 2, 0, 0, null, {}],
      ['negotiation', 1, 1, 0, 0, null, {}],
      ['won', 1, 0, 1, 0, 1, {}],
      ['lost', 1, 0, 0, 1, 0, {}],
    ]);
    expect(byStage.items[0].name).toBe('询价');
    const byLane = await stats('lane');
    expect(byLane.items[0]).toMatchObject({
      key: 'CNSHA-USLAX',
      total: 3,
      winRate: 0.5,
      avgDaysInStage: { inquiry: 3 },
    });
    const byOwner = await stats('owner');
    expect(byOwner.items.map((r: Record<string, unknown>) => [r.name, r.total, r.winRate])).toEqual([
      ['徐一', 4, 0],
      ['杨二', 2, 1],
    ]);
  });
});

describe('the demo pipeline', () => {
  let t: TestApp;
  let demoPassword: string;
  beforeAll(async () => {
    t = await startTestApp();
    demoPassword = (await loadDemo(t, { skip: ['shipments'] })).password;
  }, demoLoadTimeout);
  afterAll(() => t.close());

  it('has opportunities in every stage on real lanes, lost ones with reasons, and a stage history', async () => {
    const manager = await t.login('li.manager@demo.berth.local', demoPassword);
    const admin = await t.login('admin@demo.berth.local', demoPassword);
    const all = (await t.request('GET', '/api/opportunities?limit=200', { as: admin })).json().items as {
      stage: string;
      status: string;
      lostReasonId: string | null;
      lanes: { pol: string; pod: string }[];
      ownerId: string | null;
    }[];
    expect(all.length).toBeGreaterThan(30);
    for (const stage of ['inquiry', 'proposal', 'negotiation', 'won', 'lost']) {
      expect(all.filter((o) => o.stage === stage).length, stage).toBeGreaterThan(2);
    }
    expect(all.filter((o) => o.status === 'lost').every((o) => o.lostReasonId !== null)).toBe(true);
    expect(all.every((o) => o.lanes.length > 0 && isUnlocode(o.lanes[0]?.pol ?? ''))).toBe(true);
    expect(all.every((o) => o.ownerId !== null)).toBe(true);
    const stats = (await t.request('GET', '/api/opportunities/stats?by=stage', { as: admin })).json();
    expect(stats.overall.winRate).toBeGreaterThan(0);
    expect(stats.overall.avgCycleDays).toBeGreaterThan(2);
    expect(stats.items.find((r: { key: string }) => r.key === 'proposal').avgDaysInStage.proposal).toBeGreaterThan(1);
    // The east team's manager sees their team's part of it.
    const team = (await t.request('GET', '/api/opportunities?limit=200', { as: manager })).json().items;
    expect(team.length).toBeGreaterThan(0);
    expect(team.length).toBeLessThan(all.length);
    const inquiries = (await t.request('GET', '/api/inquiries?limit=200', { as: admin })).json().items;
    expect(inquiries.filter((i: { channel: string }) => i.channel === 'web_form')).toHaveLength(5);
  });
});
