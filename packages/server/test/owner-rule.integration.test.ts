import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownershipChanges } from '../src/modules/pool/tables';
import { type Session, startTestApp, type TestApp } from './harness';

type User = Session & { id: string; email: string };
const day = 86_400_000;

/** The owner rule is one rule: every place that gives a user a record applies scope and status alike. */
describe('who may be given a record', () => {
  let t: TestApp;
  let admin: Session;
  let east: string;
  let west: string;
  let manager: User;
  let rep: User;
  let westRep: User;
  let leaver: User;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.setup('规则货代');
    east = (await t.request('POST', '/api/teams', { as: admin, body: { name: '华东销售部' } })).json().id;
    west = (await t.request('POST', '/api/teams', { as: admin, body: { name: '华南销售部' } })).json().id;
    manager = await t.userWithRole(admin, 'sales_manager', { teamId: east, name: '王经理' });
    rep = await t.userWithRole(admin, 'sales_rep', { teamId: east, name: '李一' });
    westRep = await t.userWithRole(admin, 'sales_rep', { teamId: west, name: '陈西' });
    leaver = await t.userWithRole(admin, 'sales_rep', { teamId: east, name: '赵离' });
    const disabled = await t.request('PATCH', `/api/users/${leaver.id}`, {
      headers: { 'if-match': '*' },
      as: admin,
      body: { status: 'disabled' },
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
  });
  afterAll(() => t.close());

  const errorsOf = (res: { json: () => { errors?: { field: string; code: string }[] } }) =>
    (res.json().errors ?? []).map((e) => `${e.field}:${e.code}`);

  const importAs = async (as: Session, csv: string, policy = 'create') => {
    const form = new FormData();
    form.append('policy', policy);
    form.append('file', new Blob([Buffer.from(csv)]), 'owners.csv');
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      payload: form as never,
      headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken, 'accept-language': 'en' },
    });
    expect(started.statusCode, started.body).toBe(202);
    while ((await t.server.deps.jobs.runDue()) > 0) {}
    return (await t.request('GET', `/api/imports/${started.json().id}`, { as })).json();
  };

  it('refuses, row by row, an import that gives customers to a rep of another team', async () => {
    const csv = ['客户名称,负责人', `华东本队货代有限公司,${rep.email}`, `华南他队货代有限公司,${westRep.email}`].join(
      '\r\n',
    );
    const done = await importAs(manager, csv);
    expect(done).toMatchObject({ status: 'succeeded', created: 1, failed: 1 });
    expect(done.errors).toEqual([expect.objectContaining({ row: 3, field: 'owner' })]);
    // The API says the same for the same request.
    const viaApi = await t.request('POST', '/api/customers', {
      as: manager,
      body: { name: '华南他队货代二号有限公司', ownerId: westRep.id },
    });
    expect(viaApi.statusCode).toBe(422);
    expect(errorsOf(viaApi)).toEqual(['ownerId:customer.owner_outside_scope']);
    // Naming one's own team does not make another team's rep one's own.
    const ownTeam = await t.request('POST', '/api/customers', {
      as: manager,
      body: { name: '华南他队货代三号有限公司', ownerId: westRep.id, teamId: east },
    });
    expect(errorsOf(ownTeam)).toEqual(['ownerId:customer.owner_outside_scope']);
  });

  it('refuses a disabled user as a new owner everywhere, and keeps one who already owns', async () => {
    const created = await t.request('POST', '/api/customers', { as: admin, body: { name: '停用负责人测试有限公司' } });
    expect(created.statusCode, created.body).toBe(201);
    const customer = created.json();

    const create = await t.request('POST', '/api/customers', {
      as: admin,
      body: { name: '停用负责人二号有限公司', ownerId: leaver.id },
    });
    expect(errorsOf(create)).toEqual(['ownerId:reference.user_inactive']);
    const update = await t.request('PATCH', `/api/customers/${customer.id}`, {
      as: admin,
      body: { ownerId: leaver.id },
      headers: { 'if-match': `"${customer.version}"` },
    });
    expect(errorsOf(update)).toEqual(['ownerId:reference.user_inactive']);
    const assign = await t.request('POST', `/api/customers/${customer.id}/assign`, {
      as: admin,
      body: { ownerId: leaver.id },
    });
    expect(errorsOf(assign)).toEqual(['ownerId:pool.user_inactive']);
    const handover = await t.request('POST', '/api/customers/handover', {
      as: admin,
      body: { fromUserId: admin.me.user.id, toUserId: leaver.id },
    });
    expect(errorsOf(handover)).toEqual(['toUserId:pool.user_inactive']);
    const task = await t.request('POST', '/api/tasks', { as: admin, body: { title: '回访', assigneeId: leaver.id } });
    expect(errorsOf(task)).toEqual(['assigneeId:task.assignee_not_allowed']);
    const event = await t.request('POST', '/api/sales-events', {
      as: admin,
      body: {
        kind: 'trade_show',
        name: '停用负责人展会',
        startsAt: new Date(Date.now() + day).toISOString(),
        endsAt: new Date(Date.now() + 2 * day).toISOString(),
        ownerId: leaver.id,
      },
    });
    expect(errorsOf(event)).toEqual(['ownerId:sales_event.user_inactive']);
    const opportunity = await t.request('POST', '/api/opportunities', {
      as: admin,
      body: { customerId: customer.id, title: '停用负责人商机', source: 'referral', ownerId: leaver.id },
    });
    expect(errorsOf(opportunity)).toEqual(['ownerId:reference.user_inactive']);
    const done = await importAs(admin, ['客户名称,负责人', `停用负责人三号有限公司,${leaver.email}`].join('\r\n'));
    expect(done).toMatchObject({ created: 0, failed: 1 });
    expect(done.errors).toEqual([
      expect.objectContaining({ row: 2, field: 'owner', message: 'This user is disabled.' }),
    ]);
    const updated = await importAs(
      admin,
      ['客户名称,负责人', `停用负责人测试有限公司,${leaver.email}`].join('\r\n'),
      'update',
    );
    expect(updated).toMatchObject({ updated: 0, failed: 1 });

    // A customer the user owned before they left stays editable, team included.
    const kept = await t.request('POST', '/api/customers', {
      as: admin,
      body: { name: '离职前客户有限公司', ownerId: rep.id },
    });
    await t.request('PATCH', `/api/users/${rep.id}`, {
      headers: { 'if-match': '*' },
      as: admin,
      body: { status: 'disabled' },
    });
    const moved = await t.request('PATCH', `/api/customers/${kept.json().id}`, {
      as: admin,
      body: { teamId: west, ownerId: rep.id },
      headers: { 'if-match': `"${kept.json().version}"` },
    });
    await t.request('PATCH', `/api/users/${rep.id}`, {
      headers: { 'if-match': '*' },
      as: admin,
      body: { status: 'active' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ ownerId: rep.id, teamId: west });
  });

  it('gives the kept record of a merge a fresh protection and logs its new owner', async () => {
    const rule = { enabled: true, protectionDays: 10, noFollowUpDays: 30, noDealDays: null, warnDaysBefore: 3 };
    const saved = await t.request('PUT', '/api/pool/rules', {
      as: admin,
      body: { ...rule, maxClaimedHeld: null, maxClaimsPerDay: null },
      headers: { 'if-match': '"0"' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const kept = (
      await t.request('POST', '/api/customers', { as: admin, body: { name: '合并保留有限公司', ownerId: null } })
    ).json();
    const absorbed = (
      await t.request('POST', '/api/customers', { as: admin, body: { name: '合并并入有限公司', ownerId: rep.id } })
    ).json();
    const before = Date.now();
    const merged = await t.request('POST', `/api/customers/${kept.id}/merge`, {
      as: admin,
      body: { sourceId: absorbed.id },
      headers: { 'if-match': `"${kept.version}"` },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ ownerId: rep.id, teamId: east });
    const ownership = (await t.request('GET', `/api/customers/${kept.id}/ownership`, { as: admin })).json();
    expect(ownership.ownerId).toBe(rep.id);
    const protectedUntil = new Date(ownership.protectedUntil).getTime();
    expect(protectedUntil).toBeGreaterThanOrEqual(before + 10 * day - 60_000);
    expect(protectedUntil).toBeLessThanOrEqual(Date.now() + 10 * day + 60_000);
    const log = await t.db
      .select()
      .from(ownershipChanges)
      .where(and(eq(ownershipChanges.orgId, admin.me.organization.id), eq(ownershipChanges.customerId, kept.id)));
    expect(log).toEqual([
      expect.objectContaining({
        kind: 'update',
        fromOwnerId: null,
        toOwnerId: rep.id,
        toTeamId: east,
        details: { mergedFrom: absorbed.code },
      }),
    ]);
    const timeline = (await t.request('GET', `/api/customers/${kept.id}/timeline`, { as: admin })).json().items;
    expect(timeline).toContainEqual(
      expect.objectContaining({ kind: 'ownership', changes: expect.objectContaining({ owner_id: [null, rep.id] }) }),
    );
  });
});
