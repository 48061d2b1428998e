import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, type Factories } from '../../../test/factories';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';
import { systemCtx } from '../../platform/context';
import { segmentCustomerIds, segmentMemberWhere } from './segments';

describe('segments and saved views', () => {
  let t: TestApp;
  let admin: Session;
  let make: Factories;
  let rep: Session & { id: string };
  let otherRep: Session & { id: string };
  let marketing: Session & { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, make } = await anOrganisation(t, { name: '分群货代' }));
    rep = await make.user('sales_rep', { name: '张三' });
    otherRep = await make.user('sales_rep', { name: '李四' });
    marketing = await make.user('marketing');
    // Three active customers in the US market: two of the rep's, one of the other rep's; one German prospect.
    await make.as(rep).customer({ name: '上海远航物流有限公司', country: 'US', status: 'active' });
    await make.as(rep).customer({ name: '宁波海通货运代理有限公司', country: 'US', status: 'active' });
    await make.as(otherRep).customer({ name: '深圳华南国际货运有限公司', country: 'US', status: 'active' });
    await make.as(otherRep).customer({ name: 'Hamburg Freight GmbH', country: 'DE', status: 'prospect' });
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
    const hijack = await t.request('PATCH', `/api/segments/${segment.id}`, {
      headers: { 'if-match': '*' },
      as: rep,
      body: { name: 'mine now' },
    });
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

  const namesOf = (response: { json: () => { items: { name: string }[] } }) =>
    response
      .json()
      .items.map((c) => c.name)
      .sort();

  it('lists the members of a segment on the customer list, narrowed by its other filters and searched', async () => {
    const us = (
      await t.request('POST', '/api/segments', {
        as: marketing,
        body: { name: '美国市场', filters: { country: 'US' } },
      })
    ).json();
    const list = (query: string, as: Session = admin) =>
      t.request('GET', `/api/customers?segment=${us.id}&limit=200${query}`, { as });
    expect(namesOf(await list(''))).toEqual([
      '上海远航物流有限公司',
      '宁波海通货运代理有限公司',
      '深圳华南国际货运有限公司',
    ]);
    expect(namesOf(await list(`&ownerId=${rep.id}`))).toEqual(['上海远航物流有限公司', '宁波海通货运代理有限公司']);
    // The request's filters narrow the segment's, they never replace them.
    expect(namesOf(await list('&country=DE'))).toEqual([]);
    expect(namesOf(await list('&q=宁波'))).toEqual(['宁波海通货运代理有限公司']);
    expect(namesOf(await list('&q=Hamburg'))).toEqual([]);
    expect(namesOf(await list('&q=货运&sort=-name'))).toEqual(['宁波海通货运代理有限公司', '深圳华南国际货运有限公司']);
    // Each viewer sees the members within their own data scope.
    expect(namesOf(await list('', otherRep))).toEqual(['深圳华南国际货运有限公司']);

    // Sorted, page by page with the cursor, the same rows as in one page.
    const whole = (await list('&sort=name')).json().items.map((c: { id: string }) => c.id);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await t.request(
          'GET',
          `/api/customers?segment=${us.id}&sort=name&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
          {
            as: admin,
          },
        )
      ).json();
      paged.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(whole);
    expect(paged).toHaveLength(3);

    // The segment's own members list answers the same.
    const members = await t.request('GET', `/api/segments/${us.id}/members?q=货运&sort=-name&limit=200`, { as: admin });
    expect(members.json().items).toEqual((await list('&q=货运&sort=-name')).json().items);
  });

  it('searches within a segment that has a search term of its own: both terms must match', async () => {
    const forwarders = (
      await t.request('POST', '/api/segments', { as: marketing, body: { name: '货运代理', filters: { q: '货运' } } })
    ).json();
    const list = (query: string) =>
      t.request('GET', `/api/customers?segment=${forwarders.id}&limit=200${query}`, { as: admin });
    expect(namesOf(await list(''))).toEqual(['宁波海通货运代理有限公司', '深圳华南国际货运有限公司']);
    expect(namesOf(await list('&q=宁波'))).toEqual(['宁波海通货运代理有限公司']);
    expect(namesOf(await list('&q=上海'))).toEqual([]);
    expect(namesOf(await list('&status=prospect'))).toEqual([]);

    // A segment is never built on another one: the reference is not stored.
    const nested = await t.request('POST', '/api/segments', {
      as: marketing,
      body: { name: '嵌套', filters: { segment: forwarders.id, country: 'US' } },
    });
    expect(nested.statusCode).toBe(201);
    expect(nested.json().filters).toEqual({ country: 'US' });
  });

  it("answers 404 for another organisation's segment, a colleague's private one or an unknown one", async () => {
    const otherAdmin = (await anOrganisation(t, { name: '另一家货代', adminName: 'B' })).admin;
    const foreign = (
      await t.request('POST', '/api/segments', { as: otherAdmin, body: { name: '别人的', filters: {} } })
    ).json();
    const privateOne = (
      await t.request('POST', '/api/segments', {
        as: rep,
        body: { name: '私人分群', filters: { country: 'US' }, shared: false },
      })
    ).json();
    const expectNotFound = async (url: string, as: Session) => {
      const response = await t.request('GET', url, { as });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('resource.not_found');
    };
    for (const url of [
      `/api/customers?segment=${foreign.id}`,
      `/api/customers/export?format=csv&segment=${foreign.id}`,
      `/api/customers?segment=${privateOne.id}`,
      `/api/customers/export?format=xlsx&segment=${privateOne.id}`,
      '/api/customers?segment=00000000-0000-7000-8000-000000000000',
    ]) {
      await expectNotFound(url, admin);
    }
    await expectNotFound(`/api/customers?segment=${privateOne.id}`, otherRep);
    expect(namesOf(await t.request('GET', `/api/customers?segment=${privateOne.id}`, { as: rep }))).toEqual([
      '上海远航物流有限公司',
      '宁波海通货运代理有限公司',
    ]);
    expect((await t.request('GET', '/api/customers?segment=not-a-uuid', { as: admin })).statusCode).toBe(400);
  });

  it('exports the members of a segment, narrowed by the other filters, and audits which segment', async () => {
    const us = (
      await t.request('POST', '/api/segments', {
        as: marketing,
        body: { name: '美国导出', filters: { country: 'US' } },
      })
    ).json();
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/customers/export?format=csv&segment=${us.id}&ownerId=${rep.id}`,
      headers: { cookie: admin.cookie, 'accept-language': 'zh-CN' },
    });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).join('\n')).toContain('上海远航物流有限公司');
    expect(lines.slice(1).join('\n')).toContain('宁波海通货运代理有限公司');
    const audit = (await t.request('GET', '/api/audit?action=export&entity=customers', { as: admin })).json().items;
    expect(audit[0].meta).toMatchObject({ format: 'csv', rows: 2, filters: { segment: us.id, ownerId: rep.id } });
  });

  it('shows a role with team scope over segments those of its teams (sub-teams too), never a private one', async () => {
    const team = async (name: string, parentId?: string) => (await make.team({ name, parentId })).id;
    const east = await team('华东销售部');
    const eastSub = await team('宁波组', east);
    const west = await team('华南销售部');
    const role = await t.request('POST', '/api/roles', {
      as: admin,
      body: {
        key: 'segment_lead',
        name: '分群组长',
        nameEn: 'Segment lead',
        permissions: { customers: { read: 'org' }, segments: { read: 'team', create: 'own', update: 'team' } },
      },
    });
    expect(role.statusCode, role.body).toBe(201);
    const lead = await make.user('segment_lead', { teamId: east, name: '组长' });
    const eastRep = await make.user('sales_rep', { teamId: east, name: '华东代表' });
    const subRep = await make.user('sales_rep', { teamId: eastSub, name: '宁波代表' });
    const westRep = await make.user('sales_rep', { teamId: west, name: '华南代表' });
    const segment = async (as: Session, name: string, shared = true) =>
      (await t.request('POST', '/api/segments', { as, body: { name, filters: { status: 'active' }, shared } })).json();
    const eastShared = await segment(eastRep, '华东共享');
    await segment(eastRep, '华东私人', false);
    await segment(subRep, '宁波共享');
    const westShared = await segment(westRep, '华南共享');
    await segment(lead, '组长私人', false);

    const seen = (await t.request('GET', '/api/segments?limit=200', { as: lead }))
      .json()
      .items.map((s: { name: string }) => s.name);
    expect(seen.sort()).toEqual(['宁波共享', '组长私人', '华东共享'].sort());
    expect((await t.request('GET', `/api/segments/${westShared.id}`, { as: lead })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/customers?segment=${westShared.id}`, { as: lead })).statusCode).toBe(404);
    const members = await t.request('GET', `/api/customers?segment=${eastShared.id}`, { as: lead });
    expect(members.statusCode).toBe(200);
    expect(members.json().items).toHaveLength(3);

    // Update scope "team" too: the lead edits the team's segments, not another team's.
    const edit = (id: string) =>
      t.request('PATCH', `/api/segments/${id}`, {
        headers: { 'if-match': '*' },
        as: lead,
        body: { description: '组长改' },
      });
    expect((await edit(eastShared.id)).statusCode).toBe(200);
    expect((await edit(westShared.id)).statusCode).toBe(404);
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

    const byOther = await t.request('PATCH', `/api/saved-views/${view.id}`, {
      headers: { 'if-match': '*' },
      as: otherRep,
      body: { name: 'x' },
    });
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
