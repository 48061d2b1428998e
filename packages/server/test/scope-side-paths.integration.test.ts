import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from './harness';

/**
 * Paths beside the customer list and detail (exports, duplicate checks, leads captured at events)
 * apply the caller's own scope for what they do, not only the route's permission.
 */
describe('scopes on the side paths of customers', () => {
  let t: TestApp;
  let admin: Session;

  const createRole = async (key: string, permissions: Record<string, Record<string, string>>) => {
    const created = await t.request('POST', '/api/roles', {
      as: admin,
      body: { key, name: key, nameEn: key, permissions },
    });
    expect(created.statusCode).toBe(201);
  };
  const createCustomer = async (as: Session, body: Record<string, unknown>) => {
    const created = await t.request('POST', '/api/customers', { as, body });
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as { id: string; name: string };
  };
  const csvLines = async (as: Session, query: string) => {
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/customers/export?format=csv&${query}`,
      headers: { cookie: as.cookie, 'accept-language': 'en' },
    });
    expect(csv.statusCode).toBe(200);
    return csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n')
      .slice(1);
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.setup('Side Paths Co.');
  });
  afterAll(() => t.close());

  it('exports only the customers within the export scope, also when the read scope is wider', async () => {
    await createRole('own_exporter', {
      customers: { read: 'org', create: 'own', export: 'own' },
      segments: { read: 'org' },
    });
    const exporter = await t.userWithRole(admin, 'own_exporter');
    await createCustomer(admin, { name: '别人的导出客户', country: 'CN' });
    await createCustomer(exporter, { name: '自己的导出客户', country: 'CN' });
    const listed = (await t.request('GET', '/api/customers?country=CN', { as: exporter })).json().items;
    expect(listed).toHaveLength(2);

    const all = await csvLines(exporter, 'country=CN');
    expect(all).toHaveLength(1);
    expect(all[0]).toContain('自己的导出客户');

    const segment = (
      await t.request('POST', '/api/segments', { as: admin, body: { name: 'CN', filters: { country: 'CN' } } })
    ).json();
    const members = await csvLines(exporter, `segment=${segment.id}`);
    expect(members).toHaveLength(1);
    expect(members[0]).toContain('自己的导出客户');
    expect(await csvLines(admin, `segment=${segment.id}`)).toHaveLength(2);
  });

  it("tells a rep that a colleague's company exists and whose it is, nothing more", async () => {
    const team = (await t.request('POST', '/api/teams', { as: admin, body: { name: 'Dup team' } })).json().id;
    const rep = await t.userWithRole(admin, 'sales_rep', { teamId: team, name: 'Rep One' });
    const colleague = await t.userWithRole(admin, 'sales_rep', { teamId: team, name: 'Rep Two' });
    const theirs = await createCustomer(colleague, {
      name: '厦门鹭海国际货运代理有限公司',
      creditCode: '91330200MA2A11111G',
      phone: '0592-5551234',
      email: 'info@luhai-freight.cn',
    });
    const mine = await createCustomer(rep, { name: '厦门鹭海物流', phone: '0592-5559999' });
    const check = async (query: Record<string, string>) => {
      const res = await t.request('GET', `/api/customers/duplicates?${new URLSearchParams(query)}`, { as: rep });
      expect(res.statusCode).toBe(200);
      return res.json() as { items: { customer: { id: string } }[]; elsewhere: unknown[] };
    };

    const byName = await check({ name: '厦门鹭海国际货运代理有限公司' });
    expect(byName.items).toEqual([]);
    expect(byName.elsewhere).toEqual([
      { name: '厦门鹭海国际货运代理有限公司', nameEn: null, ownerName: 'Rep Two', score: 95, reasons: ['name'] },
    ]);
    expect(JSON.stringify(byName)).not.toContain(theirs.id);
    const byCode = await check({ creditCode: '91330200MA2A11111G' });
    expect(byCode.elsewhere).toEqual([expect.objectContaining({ ownerName: 'Rep Two', reasons: ['credit_code'] })]);

    // A phone, a mail domain or a look-alike name of someone else's customer confirms nothing.
    expect(await check({ phone: '0592-5551234' })).toEqual({ items: [], elsewhere: [] });
    expect(await check({ email: 'someone@luhai-freight.cn' })).toEqual({ items: [], elsewhere: [] });
    const similar = await check({ name: '厦门鹭海国际货运' });
    expect(similar.elsewhere).toEqual([]);
    // Their own customers match on everything, as before.
    expect((await check({ phone: '0592-5559999' })).items.map((c) => c.customer.id)).toEqual([mine.id]);
    // Whoever may read both sees both in full.
    const forAdmin = (
      await t.request('GET', `/api/customers/duplicates?${new URLSearchParams({ phone: '0592-5551234' })}`, {
        as: admin,
      })
    ).json();
    expect(forAdmin.items.map((c: { customer: { id: string } }) => c.customer.id)).toEqual([theirs.id]);
  });
});
