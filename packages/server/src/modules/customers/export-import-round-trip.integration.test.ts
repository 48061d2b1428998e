import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, type Factories } from '../../../test/factories';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';

/**
 * What the product writes, it reads: every header of the customer export, in Chinese and in English, is a
 * column the import recognises, and importing the exported file over the same customers changes nothing.
 */
describe('customer export → import round trip', () => {
  let t: TestApp;
  let admin: Session;
  let make: Factories;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, make } = await anOrganisation(t, { name: '往返货代 Round Trip Forwarding' }));
    const team = (await make.team({ name: '华东销售' })).id;
    const rep = await make.user('sales_rep', { teamId: team, name: '蒋七' });
    const vip = (await t.request('POST', '/api/tags', { as: admin, body: { name: 'VIP' } })).json().id;
    const full = await make.customer({
      name: '上海往返国际物流有限公司',
      nameEn: 'Shanghai Round Trip International Logistics Co., Ltd.',
      creditCode: '91350100M000100Y43',
      country: 'CN',
      address: '上海市浦东新区世纪大道 100 号',
      phone: '021-12345678转8001',
      email: 'ops@round-trip.cn',
      industry: '货运代理',
      roles: ['shipper', 'direct_customer'],
      relationshipType: 'long_term',
      status: 'temporary',
      ownerId: rep.id,
      tradeProfile: {
        lanes: [
          { pol: 'CNSHA', pod: 'USLAX', mode: 'fcl', volume: 40, volumeUnit: 'teu', volumePeriod: 'month' },
          { pol: 'CNSHA', pod: 'DEHAM', mode: 'lcl', volume: 300, volumeUnit: 'cbm', volumePeriod: 'year' },
        ],
        commodities: ['家具', '灯具'],
        hsChapters: ['94'],
        specialCargo: ['oversize', 'time_critical'],
      },
    });
    await t.request('POST', '/api/customers/bulk-tags', { as: admin, body: { customerIds: [full.id], add: [vip] } });
    ids.push(full.id);
    ids.push((await make.customer({ name: 'Hamburg Round Trip GmbH', country: 'DE', status: 'active' })).id);
  });
  afterAll(() => t.close());

  const exported = async (language: 'zh-CN' | 'en') => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/customers/export?format=csv&q=${encodeURIComponent('Round Trip')}`,
      headers: { cookie: admin.cookie, 'accept-language': language },
    });
    expect(response.statusCode).toBe(200);
    return response.rawPayload;
  };
  const upload = (url: string, file: Buffer, fields: Record<string, string>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([file]), 'export.csv');
    return t.app.inject({
      method: 'POST',
      url,
      payload: form as never,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    });
  };
  const stable = async () =>
    Promise.all(
      ids.map(async (id) => {
        const {
          version: _v,
          updatedAt: _u,
          ...rest
        } = (await t.request('GET', `/api/customers/${id}`, { as: admin })).json();
        return rest;
      }),
    );

  for (const language of ['zh-CN', 'en'] as const) {
    it(`recognises every header of the ${language} export and reads its values back unchanged`, async () => {
      const file = await exported(language);
      const preview = (await upload('/api/imports/preview', file, { entity: 'customers' })).json();
      expect(preview.headers.length).toBeGreaterThan(10);
      const unmapped = preview.headers.filter((h: string) => !(h in preview.suggestedMapping));
      expect(unmapped, `headers the import does not recognise: ${unmapped.join(', ')}`).toEqual([]);

      const before = await stable();
      const started = await upload('/api/imports', file, {
        entity: 'customers',
        policy: 'update',
        mapping: JSON.stringify(preview.suggestedMapping),
      });
      expect(started.statusCode).toBe(202);
      while ((await t.server.deps.jobs.runDue()) > 0) {}
      const done = (await t.request('GET', `/api/imports/${started.json().id}`, { as: admin })).json();
      expect(done.errors, JSON.stringify(done)).toEqual([]);
      expect(done, JSON.stringify(done)).toMatchObject({ status: 'succeeded', created: 0, failed: 0 });
      expect(await stable()).toEqual(before);
    });
  }
});
