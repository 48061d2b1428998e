import { fixedClock } from '@berth/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, type Factories } from '../../../test/factories';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';
import { notificationsOf, storage } from '../../../test/storage';
import { systemCtx } from '../../platform/context';
import { recordFollowUp } from './follow-up';
import { runPoolSweep } from './pool-sweep';
import { ownershipChanges } from './tables';

const { customers } = storage;
const day = 86_400_000;
const rule = {
  enabled: false,
  protectionDays: 7,
  noFollowUpDays: 30,
  noDealDays: null,
  warnDaysBefore: 3,
  maxClaimedHeld: null,
  maxClaimsPerDay: null,
};

type Rep = Session & { id: string };

describe('ownership and the public pool', () => {
  let t: TestApp;
  let admin: Session;
  let make: Factories;
  let east: string;
  let west: string;
  let manager: Rep;
  let rep1: Rep;
  let rep2: Rep;
  let westRep: Rep;
  let orgId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, make } = await anOrganisation(t, { name: '公海货代' }));
    orgId = admin.me.organization.id;
    east = (await make.team({ name: '华东销售部' })).id;
    west = (await make.team({ name: '华南销售部' })).id;
    manager = await make.user('sales_manager', { teamId: east, name: '王经理' });
    rep1 = await make.user('sales_rep', { teamId: east, name: '李一' });
    rep2 = await make.user('sales_rep', { teamId: east, name: '张二' });
    westRep = await make.user('sales_rep', { teamId: west, name: '陈西' });
  });
  afterAll(() => t.close());

  const createFor = async (owner: Rep, name: string, teamId = east) =>
    (await make.customer({ name, ownerId: owner.id, teamId })).id;
  const release = (as: Session, id: string, reason = '客户暂无需求') =>
    t.request('POST', `/api/customers/${id}/release`, { as, body: { reason } });
  const claim = (as: Session, id: string) => t.request('POST', `/api/customers/${id}/claim`, { as });
  const pooled = async (name: string) => {
    const id = await createFor(rep1, name);
    expect((await release(rep1, id)).statusCode).toBe(200);
    return id;
  };
  const saveRule = (as: Session, body: object, version: string, teamId?: string) =>
    t.request('PUT', `/api/pool/rules${teamId ? `?teamId=${teamId}` : ''}`, {
      as,
      body,
      headers: { 'if-match': version },
    });

  it('keeps pool rules per organisation with team overrides, versioned', async () => {
    const initial = (await t.request('GET', '/api/pool/rules', { as: rep1 })).json();
    expect(initial).toMatchObject({ default: { teamId: null, version: 0, enabled: false }, teams: [] });
    expect((await saveRule(rep1, rule, '"0"')).statusCode).toBe(403);
    // A manager with team scope configures only their team's override.
    expect((await saveRule(manager, rule, '"0"')).statusCode).toBe(403);
    expect((await saveRule(manager, rule, '"0"', west)).statusCode).toBe(403);
    const created = await saveRule(manager, { ...rule, maxClaimedHeld: 5 }, '"0"', east);
    expect(created.statusCode, created.body).toBe(200);
    expect(created.headers.etag).toBe('"1"');
    expect(created.json()).toMatchObject({ teamId: east, version: 1, maxClaimedHeld: 5 });
    expect((await saveRule(manager, rule, '"0"', east)).statusCode).toBe(412);
    const bad = await saveRule(admin, { ...rule, noFollowUpDays: 0 }, '"0"');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('noFollowUpDays');
    expect((await saveRule(admin, { ...rule, protectionDays: 3 }, '"0"')).statusCode).toBe(200);
    const rules = (await t.request('GET', '/api/pool/rules', { as: manager })).json();
    expect(rules.default).toMatchObject({ version: 1, protectionDays: 3 });
    expect(rules.teams).toEqual([expect.objectContaining({ teamId: east, maxClaimedHeld: 5 })]);
    expect(
      (await t.request('DELETE', `/api/pool/rules?teamId=${east}`, { as: manager, headers: { 'if-match': '"7"' } }))
        .statusCode,
    ).toBe(412);
    expect((await saveRule(manager, { ...rule, maxClaimedHeld: null }, '"1"', east)).statusCode).toBe(200);
  });

  it('lets the owner release a customer into the team pool, where the team claims it', async () => {
    const id = await createFor(rep1, '宁波远洋物流有限公司');
    expect(
      (await t.request('POST', `/api/customers/${id}/release`, { as: rep1, body: { reason: '' } })).statusCode,
    ).toBe(422);
    expect((await release(rep2, id)).statusCode).toBe(404);
    const released = await release(rep1, id);
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json()).toMatchObject({ id, previousOwnerId: rep1.id, teamId: east });
    expect((await release(manager, id)).json().code).toBe('pool.already_in_pool');
    expect((await t.request('GET', `/api/customers/${id}`, { as: rep1 })).statusCode).toBe(404);

    const eastPool = (await t.request('GET', '/api/pool?q=远洋', { as: rep2 })).json();
    expect(eastPool.items.map((c: { id: string }) => c.id)).toEqual([id]);
    expect(eastPool.items[0]).toMatchObject({ previousOwnerId: rep1.id });
    expect((await t.request('GET', '/api/pool', { as: westRep })).json().items).toEqual([]);
    expect((await claim(westRep, id)).statusCode).toBe(404);

    const ownership = (await t.request('GET', `/api/customers/${id}/ownership`, { as: rep2 })).json();
    expect(ownership).toMatchObject({ ownerId: null, canClaim: true, canRelease: false, canAssign: false });

    const claimed = await claim(rep2, id);
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect(claimed.json()).toMatchObject({ id, ownerId: rep2.id, teamId: east });
    const again = await claim(rep1, id);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('pool.not_in_pool');
    const mine = (await t.request('GET', `/api/customers/${id}/ownership`, { as: rep2 })).json();
    expect(mine).toMatchObject({ ownerId: rep2.id, pooledAt: null, canRelease: true });
    // The organisation rule gives 3 days of protection (the east override says 7).
    expect(new Date(mine.protectedUntil).getTime() - Date.now()).toBeGreaterThan(6.9 * day);
  });

  it('puts ownership changes on the timeline, with their reason, instead of bare field changes', async () => {
    const id = await pooled('厦门海峡货运代理有限公司');
    expect((await claim(rep2, id)).statusCode).toBe(200);
    const timeline = (await t.request('GET', `/api/customers/${id}/timeline`, { as: rep2 })).json();
    const ownership = timeline.items.filter((e: { kind: string }) => e.kind === 'ownership');
    expect(ownership.map((e: { action: string }) => e.action)).toEqual(['claim', 'release']);
    expect(ownership[1]).toMatchObject({
      actorId: rep1.id,
      actorName: '李一',
      changes: { owner_id: [rep1.id, null] },
      meta: { reason: '客户暂无需求' },
    });
    const ownerOnlyChanges = timeline.items.filter(
      (e: { kind: string; action: string; changes: object | null }) =>
        e.kind === 'customer_change' &&
        e.action === 'update' &&
        e.changes &&
        Object.keys(e.changes).includes('owner_id'),
    );
    expect(ownerOnlyChanges).toEqual([]);
    const paged = (await t.request('GET', `/api/customers/${id}/timeline?limit=1`, { as: rep2 })).json();
    if (paged.items) expect(paged.items[0].action).toBe('claim');
  });

  it('enforces the claim limits: customers held from the pool and claims per 24 hours', async () => {
    const [a, b, c] = [await pooled('限额客户甲'), await pooled('限额客户乙'), await pooled('限额客户丙')];
    const base = (await t.request('GET', '/api/pool/quota', { as: westRep })).json();
    expect(base).toMatchObject({ maxClaimedHeld: null, remaining: null });
    expect((await saveRule(manager, { ...rule, maxClaimedHeld: 3 }, '"2"', east)).statusCode).toBe(200);
    // rep2 holds two customers claimed in the earlier tests.
    expect((await t.request('GET', '/api/pool/quota', { as: rep2 })).json()).toMatchObject({
      maxClaimedHeld: 3,
      claimedHeld: 2,
      remaining: 1,
    });
    expect((await claim(rep2, a)).statusCode).toBe(200);
    const over = await claim(rep2, b);
    expect(over.statusCode).toBe(409);
    expect(over.json().code).toBe('pool.claim_limit');
    // Releasing one frees a place.
    expect((await release(rep2, a)).statusCode).toBe(200);
    expect((await claim(rep2, b)).statusCode).toBe(200);

    expect((await saveRule(manager, { ...rule, maxClaimsPerDay: 1 }, '"3"', east)).statusCode).toBe(200);
    expect((await claim(rep1, c)).statusCode).toBe(200);
    const daily = await claim(rep1, a);
    expect(daily.statusCode).toBe(409);
    expect(daily.json().code).toBe('pool.daily_claim_limit');
    expect((await t.request('GET', '/api/pool/quota', { as: rep1 })).json()).toMatchObject({
      claimedToday: 1,
      remaining: 0,
    });
    expect((await saveRule(manager, rule, '"4"', east)).statusCode).toBe(200);
  });

  it('lets exactly one of many concurrent claims of the same customer win', async () => {
    const id = await pooled('并发领取测试有限公司');
    const reps = [rep1, rep2, manager, await make.user('sales_rep', { teamId: east })];
    const results = await Promise.all([...reps, ...reps].map((rep) => claim(rep, id)));
    const won = results.filter((r) => r.statusCode === 200);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'pool.not_in_pool')).toBe(true);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(7);
    const changes = await t.db
      .select()
      .from(ownershipChanges)
      .where(and(eq(ownershipChanges.customerId, id), eq(ownershipChanges.kind, 'claim')));
    expect(changes).toHaveLength(1);
    expect(changes[0]?.toOwnerId).toBe(won[0]?.json().ownerId);
  });

  it('lets managers reassign within their scope and tells the new owner', async () => {
    const id = await createFor(rep1, '青岛港联物流有限公司');
    const byRep = await t.request('POST', `/api/customers/${id}/assign`, { as: rep1, body: { ownerId: rep2.id } });
    expect(byRep.statusCode).toBe(403);
    const outside = await t.request('POST', `/api/customers/${id}/assign`, {
      as: manager,
      body: { ownerId: westRep.id },
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().errors[0]).toMatchObject({ field: 'ownerId', code: 'customer.owner_outside_scope' });
    const westCustomer = await createFor(westRep, '深圳南山货代', west);
    expect(
      (await t.request('POST', `/api/customers/${westCustomer}/assign`, { as: manager, body: { ownerId: rep2.id } }))
        .statusCode,
    ).toBe(404);

    const assigned = await t.request('POST', `/api/customers/${id}/assign`, {
      as: manager,
      body: { ownerId: rep2.id, reason: '李一调岗' },
      headers: { 'if-match': '"1"' },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ ownerId: rep2.id, teamId: east, version: 2 });
    const [note] = await notificationsOf(t, { userId: rep2.id, kind: 'customer.assigned' });
    expect(note?.params).toMatchObject({ actor: '王经理', customer: '青岛港联物流有限公司', reason: '李一调岗' });
    expect(note?.subjectId).toBe(id);
    const stale = await t.request('POST', `/api/customers/${id}/assign`, {
      as: manager,
      body: { ownerId: rep1.id },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.statusCode).toBe(412);
    // A pooled customer of the team can be given out directly.
    const inPool = await pooled('连云港新亚欧物流');
    const fromPool = await t.request('POST', `/api/customers/${inPool}/assign`, {
      as: manager,
      body: { ownerId: rep1.id },
    });
    expect(fromPool.json()).toMatchObject({ ownerId: rep1.id });
    expect((await t.request('GET', '/api/pool?q=连云港', { as: rep2 })).json().items).toEqual([]);
  });

  it("hands a departing rep's customers over in one go, with contacts and history", async () => {
    const leaver = await make.user('sales_rep', { teamId: east, name: '离职代表' });
    const ids = [
      await createFor(leaver, '交接客户一'),
      await createFor(leaver, '交接客户二'),
      await createFor(leaver, '交接客户三'),
    ];
    const contact = await t.request('POST', '/api/contacts', {
      as: admin,
      body: { customerId: ids[0], name: '赵联系' },
    });
    expect(contact.statusCode).toBe(201);
    const preview = async (as: Session) =>
      t.request('GET', `/api/customers/handover/preview?fromUserId=${leaver.id}`, { as });
    expect((await preview(manager)).json()).toEqual({ count: 3 });
    expect((await preview(rep1)).statusCode).toBe(403);
    expect(
      (
        await t.request('POST', '/api/customers/handover', {
          as: rep1,
          body: { fromUserId: leaver.id, toUserId: rep1.id },
        })
      ).statusCode,
    ).toBe(403);
    const same = await t.request('POST', '/api/customers/handover', {
      as: manager,
      body: { fromUserId: leaver.id, toUserId: leaver.id },
    });
    expect(same.json().errors[0]).toMatchObject({ field: 'toUserId', code: 'pool.same_user' });
    const outside = await t.request('POST', '/api/customers/handover', {
      as: manager,
      body: { fromUserId: leaver.id, toUserId: westRep.id },
    });
    expect(outside.statusCode).toBe(422);

    const one = await t.request('POST', '/api/customers/handover', {
      as: manager,
      body: { fromUserId: leaver.id, toUserId: rep2.id, customerIds: [ids[2]], reason: '试交接' },
    });
    expect(one.json()).toEqual({ count: 1 });
    expect((await preview(admin)).json()).toEqual({ count: 2 });
    const rest = await t.request('POST', '/api/customers/handover', {
      as: manager,
      body: { fromUserId: leaver.id, toUserId: rep1.id, reason: '离职交接' },
    });
    expect(rest.statusCode, rest.body).toBe(200);
    expect(rest.json()).toEqual({ count: 2 });
    expect((await preview(manager)).json()).toEqual({ count: 0 });
    const owners = await t.db.select({ id: customers.id, ownerId: customers.ownerId }).from(customers);
    expect(owners.filter((c) => c.ownerId === leaver.id)).toEqual([]);
    const contacts = (await t.request('GET', `/api/customers/${ids[0]}/contacts`, { as: rep1 })).json();
    expect(contacts.items.map((c: { name: string }) => c.name)).toEqual(['赵联系']);
    const timeline = (await t.request('GET', `/api/customers/${ids[0]}/timeline`, { as: rep1 })).json();
    expect(timeline.items[0]).toMatchObject({
      kind: 'ownership',
      action: 'handover',
      actorName: '王经理',
      changes: { owner_id: [leaver.id, rep1.id] },
      meta: { reason: '离职交接' },
    });
    expect(timeline.items.some((e: { action: string }) => e.action === 'create')).toBe(true);
    const told = await notificationsOf(t, { userId: rep1.id, kind: 'customer.handover' });
    expect(told[0]?.params).toMatchObject({ count: 2, from: '离职代表' });
  });

  it('records a follow-up without making open edit forms stale', async () => {
    const id = await createFor(rep1, '跟进记录测试公司');
    const before = (await t.request('GET', `/api/customers/${id}`, { as: rep1 })).json();
    await recordFollowUp(systemCtx(t.db, orgId), [id]);
    const after = (await t.request('GET', `/api/customers/${id}`, { as: rep1 })).json();
    expect(after.version).toBe(before.version);
    expect(after.updatedAt).toBe(before.updatedAt);
    const ownership = (await t.request('GET', `/api/customers/${id}/ownership`, { as: rep1 })).json();
    expect(ownership.lastFollowUpAt).not.toBeNull();
    const timeline = (await t.request('GET', `/api/customers/${id}/timeline`, { as: rep1 })).json();
    expect(timeline.items).toHaveLength(1);
  });
});

describe('the pool sweep', () => {
  let t: TestApp;
  let admin: Session;
  let make: Factories;
  let orgId: string;
  let team: string;
  let rep: Rep;

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, make } = await anOrganisation(t, { name: '回收测试货代' }));
    orgId = admin.me.organization.id;
    team = (await make.team({ name: '一部' })).id;
    rep = await make.user('sales_rep', { teamId: team, name: '周代表' });
    const saved = await t.request('PUT', '/api/pool/rules', {
      headers: { 'if-match': '*' },
      as: admin,
      body: { ...rule, enabled: true, protectionDays: 5, noFollowUpDays: 10, noDealDays: 60, warnDaysBefore: 3 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
  });
  afterAll(() => t.close());

  const assignToRep = async (name: string) => {
    const { id } = await make.customer({ name, ownerId: null, teamId: team });
    const res = await t.request('POST', `/api/customers/${id}/assign`, { as: admin, body: { ownerId: rep.id } });
    expect(res.statusCode, res.body).toBe(200);
    return id;
  };
  const row = async (id: string) =>
    (
      await t.db
        .select()
        .from(customers)
        .where(and(eq(customers.orgId, orgId), eq(customers.id, id)))
    )[0] as typeof customers.$inferSelect | undefined;
  const kinds = async (kind: string) => (await notificationsOf(t, { userId: rep.id, kind })).map((n) => n.params);

  it('warns the owner before the return, once, and returns only after the full notice', async () => {
    const start = Date.now();
    const at = (days: number) => new Date(start + days * day);
    const id = await assignToRep('厦门国际货运有限公司');
    const customer = await row(id);
    expect(customer?.protectedUntil?.getTime()).toBeGreaterThan(at(4.9).getTime());

    expect(await runPoolSweep(t.db, fixedClock(at(6)))).toEqual({ warned: 0, returned: 0 });
    expect(await runPoolSweep(t.db, fixedClock(at(7.5)))).toEqual({ warned: 1, returned: 0 });
    expect(await runPoolSweep(t.db, fixedClock(at(7.6)))).toEqual({ warned: 0, returned: 0 });
    expect(await kinds('pool.warning')).toEqual([
      expect.objectContaining({ customer: '厦门国际货运有限公司', days: 3, rule: 'no_follow_up', ruleDays: 10 }),
    ]);
    // Due at day 10, but warned at 7.5: the owner keeps it until 10.5.
    expect(await runPoolSweep(t.db, fixedClock(at(10.2)))).toEqual({ warned: 0, returned: 0 });
    expect(await runPoolSweep(t.db, fixedClock(at(10.6)))).toEqual({ warned: 0, returned: 1 });
    const returned = await row(id);
    expect(returned).toMatchObject({ ownerId: null, teamId: team, protectedUntil: null, poolWarnedAt: null });
    expect(returned?.pooledAt?.toISOString()).toBe(at(10.6).toISOString());
    expect(await kinds('pool.returned')).toEqual([expect.objectContaining({ rule: 'no_follow_up', ruleDays: 10 })]);
    const [change] = await t.db.select().from(ownershipChanges).where(eq(ownershipChanges.customerId, id));
    expect(change).toBeDefined();
    const log = await t.db
      .select()
      .from(ownershipChanges)
      .where(and(eq(ownershipChanges.customerId, id), eq(ownershipChanges.kind, 'auto_return')));
    expect(log).toEqual([
      expect.objectContaining({
        fromOwnerId: rep.id,
        toOwnerId: null,
        actorType: 'system',
        details: { rule: 'no_follow_up', days: 10 },
      }),
    ]);
    expect(await runPoolSweep(t.db, fixedClock(at(20)))).toEqual({ warned: 0, returned: 0 });
    const timeline = (await t.request('GET', `/api/customers/${id}/timeline`, { as: admin })).json();
    expect(timeline.items[0]).toMatchObject({ kind: 'ownership', action: 'auto_return', actorId: null });
    const pool = (await t.request('GET', '/api/pool', { as: rep })).json();
    expect(pool.items.map((c: { id: string }) => c.id)).toContain(id);
  });

  it('restarts the clock on a follow-up and warns again for the new due date', async () => {
    const start = Date.now();
    const at = (days: number) => new Date(start + days * day);
    const id = await assignToRep('福州马尾物流');
    expect((await runPoolSweep(t.db, fixedClock(at(7.5)))).warned).toBe(1);
    await recordFollowUp(systemCtx(t.db, orgId), [id], at(8));
    expect(await runPoolSweep(t.db, fixedClock(at(11)))).toEqual({ warned: 0, returned: 0 });
    expect((await runPoolSweep(t.db, fixedClock(at(15.5)))).warned).toBe(1);
    expect((await row(id))?.ownerId).toBe(rep.id);
    expect((await runPoolSweep(t.db, fixedClock(at(18.6)))).returned).toBe(1);
  });

  it('is safe when two sweeps run at the same time', async () => {
    const start = Date.now();
    const ids = [await assignToRep('并发回收一'), await assignToRep('并发回收二'), await assignToRep('并发回收三')];
    const at = (days: number) => new Date(start + days * day);
    const warned = await Promise.all([runPoolSweep(t.db, fixedClock(at(8))), runPoolSweep(t.db, fixedClock(at(8)))]);
    expect(warned[0].warned + warned[1].warned).toBe(3);
    const returned = await Promise.all([
      runPoolSweep(t.db, fixedClock(at(12))),
      runPoolSweep(t.db, fixedClock(at(12))),
    ]);
    expect(returned[0].returned + returned[1].returned).toBe(3);
    for (const id of ids) {
      const log = await t.db
        .select()
        .from(ownershipChanges)
        .where(and(eq(ownershipChanges.customerId, id), eq(ownershipChanges.kind, 'auto_return')));
      expect(log).toHaveLength(1);
    }
  });

  it('leaves customers alone while the rule is disabled', async () => {
    const id = await assignToRep('停用规则客户');
    const rules = (await t.request('GET', '/api/pool/rules', { as: admin })).json();
    const off = await t.request('PUT', '/api/pool/rules', {
      as: admin,
      body: { ...rule, enabled: false },
      headers: { 'if-match': `"${rules.default.version}"` },
    });
    expect(off.statusCode).toBe(200);
    expect(await runPoolSweep(t.db, fixedClock(new Date(Date.now() + 400 * day)))).toEqual({ warned: 0, returned: 0 });
    expect((await row(id))?.ownerId).toBe(rep.id);
  });
});

describe('pool exemptions and shipments as business', () => {
  const start = new Date('2027-03-01T02:00:00Z');
  let now = start;
  const clock = { now: () => new Date(now.getTime()) };
  const at = (days: number) => new Date(start.getTime() + days * day);
  let t: TestApp;
  let admin: Session;
  let make: Factories;
  let orgId: string;
  let rep: Rep;

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    ({ admin, make } = await anOrganisation(t, { name: '豁免测试货代' }));
    orgId = admin.me.organization.id;
    rep = await make.user('sales_rep', { name: '郑代表' });
    const saved = await t.request('PUT', '/api/pool/rules', {
      headers: { 'if-match': '*' },
      as: admin,
      body: { ...rule, enabled: true, protectionDays: 0, noFollowUpDays: null, noDealDays: 30, warnDaysBefore: 0 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // Consignees, notify parties, agents and carriers are exempt unless the rule says otherwise.
    expect(saved.json()).toMatchObject({
      exemptRoles: ['consignee', 'notify_party', 'overseas_agent', 'carrier'],
      exemptRelationships: [],
    });
  });
  afterAll(() => t.close());

  const owned = async (name: string, fields: Record<string, unknown> = {}) =>
    (await make.customer({ name, ownerId: rep.id, ...fields })).id;
  const ownerOf = async (id: string) =>
    (
      await t.db
        .select()
        .from(customers)
        .where(and(eq(customers.orgId, orgId), eq(customers.id, id)))
    )[0]?.ownerId;

  it('never returns consignees, agents and carriers, nor the relationships the rule exempts; a shipment is a deal', async () => {
    now = start;
    const plain = await owned('普通客户贸易有限公司', { roles: ['shipper'] });
    const consignee = await owned('Hamburg Consignee GmbH', { roles: ['consignee'] });
    const agentCarrier = await owned('Rotterdam Agency B.V.', { roles: ['overseas_agent', 'carrier'] });
    const alsoShipper = await owned('双重角色进出口有限公司', { roles: ['shipper', 'consignee'] });
    const strategic = await owned('战略合作集团有限公司', { relationshipType: 'strategic' });
    const shipping = await owned('常出货贸易有限公司', { roles: ['shipper'] });

    // Strategic customers become exempt once the rule says so.
    const rules = (await t.request('GET', '/api/pool/rules', { as: admin })).json();
    const saved = await t.request('PUT', '/api/pool/rules', {
      as: admin,
      headers: { 'if-match': `"${rules.default.version}"` },
      body: {
        ...rule,
        enabled: true,
        protectionDays: 0,
        noFollowUpDays: null,
        noDealDays: 30,
        warnDaysBefore: 0,
        exemptRelationships: ['strategic'],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);

    // Twenty days on, a shipment of one customer departs: it restarts that customer's "no deal" clock.
    now = at(20);
    const shipment = await t.request('POST', '/api/shipments/batch', {
      as: admin,
      body: {
        items: [
          {
            source: 'tms',
            externalId: 'POOL-1',
            mode: 'fcl',
            atd: at(20).toISOString(),
            parties: [{ role: 'shipper', customerId: shipping }],
          },
        ],
      },
    });
    expect(shipment.json().items[0].status, shipment.body).toBe('created');

    now = at(31);
    const deal = (
      await t.db
        .select()
        .from(customers)
        .where(and(eq(customers.orgId, orgId), eq(customers.id, shipping)))
    )[0];
    expect(deal?.lastDealAt?.toISOString()).toBe(at(20).toISOString());
    expect((await runPoolSweep(t.db, fixedClock(at(31)))).returned).toBe(2);
    expect(await ownerOf(plain)).toBeNull();
    expect(await ownerOf(alsoShipper)).toBeNull();
    for (const id of [consignee, agentCarrier, strategic, shipping]) expect(await ownerOf(id)).toBe(rep.id);
    // Without another shipment the customer falls due 30 days after it.
    expect((await runPoolSweep(t.db, fixedClock(at(51)))).returned).toBe(1);
    expect(await ownerOf(shipping)).toBeNull();
  });
});
