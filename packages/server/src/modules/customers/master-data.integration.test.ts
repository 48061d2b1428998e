import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, type Factories } from '../../../test/factories';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';
import { queryRows } from '../../db/database';

/** What a forwarder records of a customer beyond the basics (issue: master-data details). */
describe('forwarder master data: extensions, temporary customers, lane periods, HS chapters and special cargo', () => {
  let t: TestApp;
  let admin: Session;
  let make: Factories;
  let rep: Session & { id: string };
  let otherRep: Session & { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, make } = await anOrganisation(t, { name: '主数据货代 Master Data Forwarding' }));
    const team = (await make.team({ name: '华北销售' })).id;
    rep = await make.user('sales_rep', { teamId: team, name: '冯五' });
    otherRep = await make.user('sales_rep', { teamId: team, name: '陈六' });
  });
  afterAll(() => t.close());

  const upload = (url: string, text: string, fields: Record<string, string>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([Buffer.from(`\uFEFF${text}`)]), 'customers.csv');
    return t.app.inject({
      method: 'POST',
      url,
      payload: form as never,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    });
  };
  const runJobs = async () => {
    while ((await t.server.deps.jobs.runDue()) > 0) {}
  };

  it('keeps the extension of a phone number written with 转 or 分机, on customers and contacts', async () => {
    const customer = await make.as(rep).customer({ name: '天津港联物流有限公司', phone: '022-23456789转8001' });
    expect(customer.phone).toBe('+862223456789;ext=8001');
    const [row] = await queryRows<{ phone: string; phone_extension: string }>(
      t.db,
      sql`select phone, phone_extension from customers where id = ${customer.id}`,
    );
    // The number stays E.164 for duplicate checks and the data quality report; the extension sits beside it.
    expect(row).toEqual({ phone: '+862223456789', phone_extension: '8001' });
    const contact = await make.as(rep).contact({
      customerId: customer.id,
      name: '郑经理',
      phones: ['022-23456789 分机 66', '13800138000'],
    });
    expect(contact.phones).toEqual(['+862223456789;ext=66', '+8613800138000']);

    const edited = await t.request('PATCH', `/api/customers/${customer.id}`, {
      as: rep,
      body: { phone: '+862223456789 ext. 9' },
      headers: { 'if-match': `"${customer.version}"` },
    });
    expect(edited.json().phone).toBe('+862223456789;ext=9');
    // The same switchboard is the same company, whatever the extension.
    const duplicates = await t.request('GET', '/api/customers/duplicates?name=无关名称&phone=022-23456789', {
      as: rep,
    });
    expect(duplicates.json().items.map((d: { customer: { id: string } }) => d.customer.id)).toContain(customer.id);
  });

  it('records a 临时客户 and filters the list by it', async () => {
    const temporary = await make.as(rep).customer({ name: '一次性散货贸易公司', status: 'temporary' });
    expect(temporary.status).toBe('temporary');
    const list = (await t.request('GET', '/api/customers?status=temporary', { as: rep })).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([temporary.id]);
  });

  it('keeps a lane volume with its period; lanes recorded without one keep a null period', async () => {
    const customer = await make.as(rep).customer({
      name: '青岛海联国际货运有限公司',
      tradeProfile: {
        lanes: [
          { pol: 'CNTAO', pod: 'DEHAM', mode: 'fcl', volume: 20, volumeUnit: 'teu', volumePeriod: 'month' },
          { pol: 'CNTAO', pod: 'USLAX', mode: 'lcl', volume: 600, volumeUnit: 'cbm', volumePeriod: 'year' },
          { pol: 'CNTAO', pod: 'JPTYO', mode: 'air' },
        ],
      },
    });
    expect(customer.tradeProfile.lanes.map((l) => [l.volume, l.volumeUnit, l.volumePeriod])).toEqual([
      [20, 'teu', 'month'],
      [600, 'cbm', 'year'],
      [null, null, null],
    ]);
    const bad = await t.request('POST', '/api/customers', {
      as: rep,
      body: {
        name: '坏周期公司',
        tradeProfile: { lanes: [{ pol: 'CNTAO', pod: 'DEHAM', mode: 'fcl', volumePeriod: 'week' }] },
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('tradeProfile.lanes.0.volumePeriod');
  });

  it('filters the list and segments by HS chapter and special cargo, within the caller’s scope', async () => {
    const chemicals = await make.as(rep).customer({
      name: '沧州化工进出口有限公司',
      tradeProfile: { commodities: ['有机化学品'], hsChapters: ['29', 38, '8'], specialCargo: ['dangerous_goods'] },
    });
    expect(chemicals.tradeProfile).toMatchObject({ hsChapters: ['08', '29', '38'], specialCargo: ['dangerous_goods'] });
    const fruit = await make.as(rep).customer({
      name: '烟台鲜果贸易有限公司',
      tradeProfile: { hsChapters: ['08'], specialCargo: ['reefer', 'time_critical'] },
    });
    const hidden = await make.as(otherRep).customer({
      name: '另一位销售的化工客户',
      tradeProfile: { hsChapters: ['29'], specialCargo: ['dangerous_goods'] },
    });
    const ids = async (as: Session, query: string) =>
      (await t.request('GET', `/api/customers?${query}`, { as })).json().items.map((c: { id: string }) => c.id);
    expect(await ids(rep, 'specialCargo=dangerous_goods')).toEqual([chemicals.id]);
    expect(await ids(rep, 'hsChapter=8')).toEqual([fruit.id, chemicals.id]);
    expect(await ids(rep, 'hsChapter=08&specialCargo=reefer')).toEqual([fruit.id]);
    expect(await ids(admin, 'specialCargo=dangerous_goods')).toEqual([hidden.id, chemicals.id]);
    expect((await t.request('GET', '/api/customers?hsChapter=77', { as: rep })).statusCode).toBe(400);
    const refused = await t.request('POST', '/api/customers', {
      as: rep,
      body: { name: '坏章号公司', tradeProfile: { hsChapters: ['99'] } },
    });
    expect(refused.json().errors[0]).toMatchObject({
      field: 'tradeProfile.hsChapters.0',
      code: 'customer.hs_chapter_invalid',
    });

    const segment = (
      await t.request('POST', '/api/segments', {
        as: admin,
        body: { name: '危险品客户', shared: true, filters: { specialCargo: 'dangerous_goods' } },
      })
    ).json();
    const members = await t.request('GET', `/api/segments/${segment.id}/members`, { as: admin });
    expect(members.json().items.map((c: { id: string }) => c.id)).toEqual([hidden.id, chemicals.id]);

    // The filter reads the trade profile's GIN index on PostgreSQL; the plan is only checked there.
    const plan = await queryRows<{ 'QUERY PLAN': string }>(
      t.db,
      sql`explain select id from customers where trade_profile @> '{"specialCargo":["reefer"]}'::jsonb`,
    );
    expect(plan.length).toBeGreaterThan(0);
  });

  it('imports the new columns under their Chinese and English headers and exports them back', async () => {
    const zh = [
      '客户名称,电话,客户状态,航线,HS章节,特殊货物',
      '大连冷链食品进出口有限公司,0411-82345678转12,临时客户,CNDLC-JPTYO 整箱 8 TEU/月; CNDLC-KRPUS 拼箱 300 CBM/年,"03, 16",冷藏',
    ].join('\n');
    const en = [
      'Name,Phone,Status,Lanes,HS chapters,Special cargo',
      'Dalian Oversize Cargo Ltd,0411-82345679 ext. 7,temporary,CNDLC-DEHAM FCL 2 TEU/year,84,"Oversize, time-critical"',
    ].join('\n');
    for (const [text, name] of [
      [zh, '大连冷链食品进出口有限公司'],
      [en, 'Dalian Oversize Cargo Ltd'],
    ] as const) {
      const preview = (await upload('/api/imports/preview', text, { entity: 'customers' })).json();
      expect(Object.values(preview.suggestedMapping).sort()).toEqual(
        ['hsChapters', 'lanes', 'name', 'phone', 'specialCargo', 'status'].sort(),
      );
      const started = await upload('/api/imports', text, { entity: 'customers', policy: 'skip' });
      expect(started.statusCode).toBe(202);
      await runJobs();
      const done = (await t.request('GET', `/api/imports/${started.json().id}`, { as: admin })).json();
      expect(done, JSON.stringify(done.errors)).toMatchObject({ status: 'succeeded', created: 1, failed: 0 });
      const found = (await t.request('GET', `/api/customers?q=${encodeURIComponent(name)}`, { as: admin })).json();
      expect(found.items).toHaveLength(1);
    }
    const dalian = (await t.request('GET', `/api/customers?q=${encodeURIComponent('大连冷链')}`, { as: admin })).json()
      .items[0];
    expect(dalian).toMatchObject({
      phone: '+8641182345678;ext=12',
      status: 'temporary',
      tradeProfile: { hsChapters: ['03', '16'], specialCargo: ['reefer'] },
    });
    expect(dalian.tradeProfile.lanes).toEqual([
      { pol: 'CNDLC', pod: 'JPTYO', mode: 'fcl', volume: 8, volumeUnit: 'teu', volumePeriod: 'month' },
      { pol: 'CNDLC', pod: 'KRPUS', mode: 'lcl', volume: 300, volumeUnit: 'cbm', volumePeriod: 'year' },
    ]);
    const oversize = (await t.request('GET', '/api/customers?q=Dalian%20Oversize', { as: admin })).json().items[0];
    expect(oversize.tradeProfile.specialCargo).toEqual(['oversize', 'time_critical']);

    for (const [language, expected] of [
      [
        'zh-CN',
        ['CNDLC-JPTYO 整箱 8 TEU/月; CNDLC-KRPUS 拼箱 300 CBM/年', '03, 16', '冷藏', '+86 411 8234 5678 转 12'],
      ],
      [
        'en',
        ['CNDLC-JPTYO FCL 8 TEU/month; CNDLC-KRPUS LCL 300 CBM/year', '03, 16', 'Reefer', '+86 411 8234 5678 ext. 12'],
      ],
    ] as const) {
      const csv = await t.app.inject({
        method: 'GET',
        url: `/api/customers/export?format=csv&specialCargo=reefer&q=${encodeURIComponent('大连冷链')}`,
        headers: { cookie: admin.cookie, 'accept-language': language },
      });
      expect(csv.statusCode).toBe(200);
      for (const cell of expected) expect(csv.body).toContain(cell);
    }
  });
});
