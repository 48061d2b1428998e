import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentCustomerIds, segmentMemberWhere } from '../src/modules/segments/segments';
import { systemCtx } from '../src/platform/context';
import { type Session, startTestApp, type TestApp } from './harness';

describe('segments and saved views', () => {
  let t: TestApp;
  let admin: Session;
  let rep: Session & { id: string };
  let otherRep: Session & { id: string };
  let marketing: Session & { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.setup('分群货代');
    rep = await t.userWithRole(admin, 'sales_rep', { name: '张三' });
    otherRep = await t.userWithRole(admin, 'sales_rep', { name: '李四' });
    marketing = await t.userWithRole(admin, 'marketing');
    const create = (as: Session, body: Record<string, unknown>) =>
      t.request('POST', '/api/customers', { as, body }).then((r) => {
        if (r.statusCode !== 201) throw new Error(r.body);
        return r.json().id as string;
      });
    // Three active customers in the US market: two of the rep's, one of the other rep's; one German prospect.
    await create(rep, { name: '上海远航物流有限公司', country: 'US', status: 'active' });
    await create(rep, { name: '宁波海通货运代理有限公司', country: 'US', status: 'active' });
    await create(otherRep, { name: '深圳华南国际货运有限公司', country: 'US', status: 'active' });
    await create(otherRep, { name: 'Hamburg Freight GmbH', country: 'DE', status: 'prospect' });
  });
  afterAll(() => t.close());

  it('creates, reads, updates with If-Match (412 when stale) and deletes a segment', async () => {
    const created = await t.request('POST', '/api/segments', {
      as: marketing,
      body: { name: '美国活跃客户', description: '', filters: { country: 'us', status: 'active', q: '' } },
    });
    expect(created.statusCode).toBe(201);
    const segment = created.json();
    expect(segment).toMatchObject({
      name: '美国活跃客户',
      description: null,
      filters: { country: 'US', status: 'active' },
      shared: true,
      ownerId: marketing.id,
      version: 1,
    });
    expect(created.headers.etag).toBe('"1"');

    const read = await t.request('GET', `/api/segments/${segment.id}`, { as: marketing });
    expect(read.json().memberCount).toBe(3);

    const list = await t.request('GET', '/api/segments', { as: marketing });
    expect(list.json().items.map((s: { id: string }) => s.id)).toContain(segment.id);
    expect(list.json().items[0].memberCount).toBeUndefined();

    const updated = await t.request('PATCH', `/api/segments/${segment.id}`, {
      as: marketing,
      body: { name: '美国客户', filters: { country: 'US' } },
      headers: { 'if-match': '"1"' },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ name: '美国客户', filters: { country: 'US' }, version: 2 });
    const stale = await t.request('PATCH', `/api/segments/${segment.id}`, {
      as: marketing,
      body: { name: '过期' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('conflict.version');
    expect((await t.request('GET', `/api/segments/${segment.id}`, { as: marketing })).json().memberCount).toBe(3);

    const audit = await t.request('GET', `/api/audit?entity=segments&limit=50`, { as: admin });
    const actions = audit
      .json()
      .items.filter((e: { entityId: string }) => e.entityId === segment.id)
      .map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'update']));

    const staleDelete = await t.request('DELETE', `/api/segments/${segment.id}`, {
      as: marketing,
      headers: { 'if-match': '"1"' },
    });
    expect(staleDelete.statusCode).toBe(412);
    const deleted = await t.request('DELETE', `/api/segments/${segment.id}`, {
      as: marketing,
      headers: { 'if-match': '"2"' },
    });
    expect(deleted.statusCode).toBe(204);
    expect((await t.request('GET', `/api/segments/${segment.id}`, { as: marketing })).statusCode).toBe(404);
  });

  it('counts and lists only the members each viewer may see: a rep sees their own customers', async () => {
    const segment = (
      await t.request('POST', '/api/segments', {
        as: marketing,
        body: { name: 'US active', filters: { country: 'US', status: 'active' } },
      })
    ).json();
    const count = async (as: Session) => (await t.request('GET', `/api/segments/${segment.id}`, { as })).json();
    expect((await count(admin)).memberCount).toBe(3);
    expect((await count(rep)).memberCount).toBe(2);
    expect((await count(otherRep)).memberCount).toBe(1);

    const members = await t.request('GET', `/api/segments/${segment.id}/members?limit=1`, { as: rep });
    expect(members.statusCode).toBe(200);
    expect(members.json().items).toHaveLength(1);
    expect(members.json().items[0]).toMatchObject({ ownerId: rep.id, country: 'US', tagIds: [] });
    const next = await t.request(
      'GET',
      `/api/segments/${segment.id}/members?limit=1&cursor=${members.json().nextCursor}`,
      { as: rep },
    );
    expect(next.json().items).toHaveLength(1);
    expect(next.json().nextCursor).toBeNull();
    expect(next.json().items[0].id).not.toBe(members.json().items[0].id);

    // A rep cannot change a colleague's segment (update scope "own"): 404 as if it were not there.
    const hijack = await t.request('PATCH', `/api/segments/${segment.id}`, { as: rep, body: { name: 'mine now' } });
    expect(hijack.statusCode).toBe(404);

    // For later modules: the member ids in batches, and a WHERE clause, within the caller's scope.
    const ctx = {
      ...systemCtx(t.db, admin.me.organization.id),
      userId: rep.id,
      actor: { type: 'user' as const, id: rep.id },
    };
    const repCtx = { ...ctx, permissions: rep.me.permissions };
    const batches: string[][] = [];
    for await (const batch of segmentCustomerIds(repCtx, segment.id, 1)) batches.push(batch);
    expect(batches).toHaveLength(2);
    expect(batches.flat().sort()).toEqual(
      (await t.request('GET', `/api/segments/${segment.id}/members`, { as: rep }))
        .json()
        .items.map((c: { id: string }) => c.id)
        .sort(),
    );
    await expect(segmentMemberWhere(repCtx, '00000000-0000-7000-8000-000000000000')).rejects.toMatchObject({
      status: 404,
    });
  });

  it('keeps a private segment to its owner and offers shared ones to everyone', async () => {
    const privateOne = (
      await t.request('POST', '/api/segments', {
        as: rep,
        body: { name: '我的德国客户', filters: { country: 'DE' }, shared: false },
      })
    ).json();
    const sharedOne = (
      await t.request('POST', '/api/segments', {
        as: rep,
        body: { name: '全部潜在客户', filters: { status: 'prospect' } },
      })
    ).json();
    const names = async (as: Session) =>
      (await t.request('GET', '/api/segments?limit=200', { as })).json().items.map((s: { name: string }) => s.name);
    expect(await names(rep)).toEqual(expect.arrayContaining(['我的德国客户', '全部潜在客户']));
    expect(await names(otherRep)).toContain('全部潜在客户');
    expect(await names(otherRep)).not.toContain('我的德国客户');
    expect(await names(admin)).not.toContain('我的德国客户');
    expect((await t.request('GET', `/api/segments/${privateOne.id}`, { as: otherRep })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/segments/${privateOne.id}`, { as: admin })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/segments/${privateOne.id}/members`, { as: admin })).statusCode).toBe(404);
    const mine = await t.request('GET', '/api/segments?mine=true', { as: rep });
    expect(
      mine
        .json()
        .items.map((s: { id: string }) => s.id)
        .sort(),
    ).toEqual([privateOne.id, sharedOne.id].sort());
    // The other rep's prospect is in the shared segment, but this rep does not see it counted.
    expect((await t.request('GET', `/api/segments/${sharedOne.id}`, { as: rep })).json().memberCount).toBe(0);
    expect((await t.request('GET', `/api/segments/${sharedOne.id}`, { as: otherRep })).json().memberCount).toBe(1);
  });

  it('lets only the owner rename, share or delete a saved view', async () => {
    const created = await t.request('POST', '/api/saved-views', {
      as: rep,
      body: {
        resource: 'customers',
        name: '我的美国客户',
        state: { filters: { country: 'US' }, sort: 'name', columns: ['code', 'name'] },
      },
    });
    expect(created.statusCode).toBe(201);
    const view = created.json();
    expect(view).toMatchObject({ shared: false, mine: true, ownerId: rep.id, state: { filters: { country: 'US' } } });

    const listOf = async (as: Session) =>
      (await t.request('GET', '/api/saved-views?resource=customers', { as })).json().items as {
        id: string;
        mine: boolean;
      }[];
    expect((await listOf(otherRep)).map((v) => v.id)).not.toContain(view.id);

    const shared = await t.request('PATCH', `/api/saved-views/${view.id}`, {
      as: rep,
      body: { shared: true, name: '美国客户' },
      headers: { 'if-match': '"1"' },
    });
    expect(shared.statusCode).toBe(200);
    expect(shared.json()).toMatchObject({ shared: true, name: '美国客户', version: 2 });
    const seen = (await listOf(otherRep)).find((v) => v.id === view.id);
    expect(seen).toMatchObject({ mine: false });

    const byOther = await t.request('PATCH', `/api/saved-views/${view.id}`, { as: otherRep, body: { name: 'x' } });
    expect(byOther.statusCode).toBe(403);
    expect((await t.request('DELETE', `/api/saved-views/${view.id}`, { as: otherRep })).statusCode).toBe(403);
    expect((await t.request('DELETE', `/api/saved-views/${view.id}`, { as: admin })).statusCode).toBe(403);
    const stale = await t.request('PATCH', `/api/saved-views/${view.id}`, {
      as: rep,
      body: { name: 'y' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.statusCode).toBe(412);
    expect((await t.request('DELETE', `/api/saved-views/${view.id}`, { as: rep })).statusCode).toBe(204);
    expect((await listOf(rep)).map((v) => v.id)).not.toContain(view.id);
  });
});
