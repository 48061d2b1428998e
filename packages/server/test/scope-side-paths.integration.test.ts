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
    expect(created.statusCode).toBe(201);
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
});
