import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { anOrganisation, type Factories } from '../../../test/factories';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';

const validCreditCode = '91350100M000100Y43';

describe('customer master data', () => {
  let t: TestApp;
  let admin: Session;
  let make: Factories;
  let east: string;

  beforeAll(async () => {
    t = await startTestApp();
  });
  // Every test has an organisation of its own, so none sees what another left behind (codes,
  // duplicates, exports and tags are counted per organisation).
  beforeEach(async () => {
    ({ admin, make } = await anOrganisation(t, { name: '海港货代' }));
    east = (await make.team({ name: '华东销售部' })).id;
  });
  afterAll(() => t.close());

  const create = (as: Session, body: Record<string, unknown>) => t.request('POST', '/api/customers', { as, body });
  /** The customer the first test creates, for the tests that search, filter and export it. */
  const haitian = () =>
    make.customer({
      name: '宁波海天国际物流有限公司',
      nameEn: 'Ningbo Haitian International Logistics Co., Ltd.',
      creditCode: validCreditCode,
      country: 'CN',
      phone: '0574-87654321',
      email: 'ops@haitian-logistics.cn',
      roles: ['shipper', 'direct_customer'],
      relationshipType: 'long_term',
      status: 'active',
      tradeProfile: {
        lanes: [{ pol: 'CNNGB', pod: 'USLAX', mode: 'fcl', volume: 40, volumeUnit: 'teu' }],
        commodities: ['家具'],
      },
      billing: { settlementType: 'monthly', paymentTermsDays: 30, creditLimit: { amount: 500000, currency: 'CNY' } },
    });
  /** Huawei with a contact, which the search test finds by name and phone. */
  const huaweiWithContact = async () => {
    const customer = await make.customer({ name: '华为技术有限公司', nameEn: 'Huawei Technologies Co., Ltd.' });
    await make.contact({
      customerId: customer.id,
      name: '张伟',
      phones: ['13912345678'],
      emails: ['zhang.wei@huawei.com'],
    });
    return customer;
  };

  it('rejects a wrong credit code on its field, then creates the customer with a generated code', async () => {
    const wrong = await create(admin, { name: '宁波海天国际物流有限公司', creditCode: '91350100M000100Y44' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual([
      expect.objectContaining({
        field: 'creditCode',
        code: 'customer.credit_code_check_digit',
        message: '统一社会信用代码校验位不正确，请核对是否输错。',
      }),
    ]);
    const ok = await create(admin, {
      name: '宁波海天国际物流有限公司',
      nameEn: 'Ningbo Haitian International Logistics Co., Ltd.',
      creditCode: ' 91350100m000100y43 ',
      country: 'cn',
      phone: '0574-87654321',
      email: 'ops@haitian-logistics.cn',
      roles: ['shipper', 'direct_customer'],
      relationshipType: 'long_term',
      status: 'active',
      tradeProfile: {
        lanes: [{ pol: 'CNNGB', pod: 'USLAX', mode: 'fcl', volume: 40, volumeUnit: 'teu' }],
        commodities: ['家具'],
      },
      billing: { settlementType: 'monthly', paymentTermsDays: 30, creditLimit: { amount: 500000, currency: 'cny' } },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      code: 'C000001',
      creditCode: validCreditCode,
      country: 'CN',
      phone: '+8657487654321',
      ownerId: admin.me.user.id,
      billing: { settlementType: 'monthly', creditLimit: { amount: '500000.00', currency: 'CNY' } },
      tradeProfile: { lanes: [{ pol: 'CNNGB', pod: 'USLAX', mode: 'fcl', volume: 40, volumeUnit: 'teu' }] },
    });
    expect(ok.headers.etag).toBe('"1"');
  });

  it('names every invalid field of a customer by its API path', async () => {
    const bad = await create(admin, {
      name: '',
      country: 'XX',
      phone: '12',
      email: 'nope',
      tradeProfile: { lanes: [{ pol: 'SHANGHAI', pod: 'USLAX', mode: 'ship' }] },
      billing: { creditLimit: { amount: 10, currency: 'ABC' } },
    });
    expect(bad.statusCode).toBe(422);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'name',
        'country',
        'phone',
        'email',
        'tradeProfile.lanes.0.pol',
        'tradeProfile.lanes.0.mode',
        'billing.creditLimit.currency',
      ]),
    );
  });

  it('refuses a second customer with the same credit code', async () => {
    await haitian();
    const dup = await create(admin, { name: '另一家公司', creditCode: validCreditCode });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0]).toMatchObject({ field: 'creditCode', code: 'customer.credit_code_taken' });
  });

  it('finds customers by partial name, traditional script, pinyin initials, code, phone and contact', async () => {
    const huawei = await huaweiWithContact();
    const ids = async (q: string) =>
      (await t.request('GET', `/api/customers?q=${encodeURIComponent(q)}`, { as: admin }))
        .json()
        .items.map((c: { id: string }) => c.id);
    expect(await ids('华为')).toEqual([huawei.id]);
    expect(await ids('華為技術')).toEqual([huawei.id]);
    expect(await ids('hwjs')).toEqual([huawei.id]);
    expect(await ids('HUAWEI TECH')).toEqual([huawei.id]);
    expect(await ids(huawei.code.toLowerCase())).toEqual([huawei.id]);
    expect(await ids('张伟')).toEqual([huawei.id]);
    expect(await ids('139 1234 5678')).toEqual([huawei.id]);
    expect(await ids('海天')).not.toContain(huawei.id);
  });

  it('filters by lane, country, status, relationship, role and tag', async () => {
    await haitian();
    await huaweiWithContact();
    const list = async (query: string) =>
      (await t.request('GET', `/api/customers?${query}`, { as: admin }))
        .json()
        .items.map((c: { name: string }) => c.name);
    expect(await list('lane=CNNGB-USLAX')).toEqual(['宁波海天国际物流有限公司']);
    expect(await list('lane=CNNGB')).toEqual(['宁波海天国际物流有限公司']);
    expect(await list('lane=CNSHA-USLAX')).toEqual([]);
    expect(await list('country=CN&status=active&relationshipType=long_term&role=shipper')).toEqual([
      '宁波海天国际物流有限公司',
    ]);
    const tag = (
      await t.request('POST', '/api/tags', { as: admin, body: { name: 'VIP', color: 'gold', group: '价值' } })
    ).json();
    const all = (await t.request('GET', '/api/customers', { as: admin })).json().items;
    const tagged = await t.request('POST', '/api/customers/bulk-tags', {
      as: admin,
      body: { customerIds: [all[0].id], add: [tag.id] },
    });
    expect(tagged.json()).toEqual({ updated: 1, skipped: 0 });
    expect(await list(`tagId=${tag.id}`)).toEqual([all[0].name]);
    const tags = (await t.request('GET', '/api/tags', { as: admin })).json().items;
    expect(tags[0]).toMatchObject({ name: 'VIP', customerCount: 1, group: '价值' });
  });

  it('lists tags by name page by page, every tag once and none left out', async () => {
    // The tag the filter test makes, in this test's own organisation.
    await t.request('POST', '/api/tags', { as: admin, body: { name: 'VIP', color: 'gold', group: '价值' } });
    for (const name of ['海运', '空运', 'Reefer', 'DG', '铁路', 'Amazon FBA', '拼箱']) {
      expect((await t.request('POST', '/api/tags', { as: admin, body: { name, group: '业务' } })).statusCode).toBe(201);
    }
    const everything = (await t.request('GET', '/api/tags?limit=200', { as: admin })).json();
    expect(everything.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `limit=3&cursor=${encodeURIComponent(cursor)}` : 'limit=3';
      const page = (await t.request('GET', `/api/tags?${query}`, { as: admin })).json();
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((tag: { name: string }) => tag.name));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(Math.ceil(everything.items.length / 3));
    expect(seen).toEqual(everything.items.map((tag: { name: string }) => tag.name));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(['VIP', '海运', 'Amazon FBA', '拼箱']));
    const bad = await t.request('GET', '/api/tags?cursor=nonsense', { as: admin });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ field: 'cursor', code: 'pagination.cursor_invalid' });
  });

  it('flags the same company entered twice: traditional script, another suffix, the English name, the phone', async () => {
    await haitian();
    await huaweiWithContact();
    const candidates = async (query: Record<string, string>) =>
      (await t.request('GET', `/api/customers/duplicates?${new URLSearchParams(query)}`, { as: admin })).json().items;
    const variant = await candidates({ name: '寧波海天國際物流股份有限公司' });
    expect(variant[0]).toMatchObject({ customer: { name: '宁波海天国际物流有限公司' }, reasons: ['name'] });
    expect(variant[0].score).toBeGreaterThanOrEqual(90);
    const crossLanguage = await candidates({ name: '华为', nameEn: 'HUAWEI' });
    expect(crossLanguage.map((c: { customer: { name: string } }) => c.customer.name)).toContain('华为技术有限公司');
    const huaweiShort = (await create(admin, { name: 'HUAWEI' })).json();
    const partial = await candidates({ name: '华为', excludeId: huaweiShort.id });
    expect(partial.map((c: { customer: { name: string } }) => c.customer.name)).toEqual(['华为技术有限公司']);
    expect(partial[0].score).toBeLessThan(90);
    const byEnglish = await candidates({ name: '华为' });
    expect(byEnglish.find((c: { customer: { id: string } }) => c.customer.id === huaweiShort.id)?.reasons).toContain(
      'cross_language_name',
    );
    const byCode = await candidates({ creditCode: '91350100M000100Y43' });
    expect(byCode[0]).toMatchObject({ score: 100, reasons: ['credit_code'] });
    const byPhone = await candidates({ phone: '+86 574 8765 4321' });
    expect(byPhone[0].reasons).toContain('phone');
    const typo = await candidates({ name: '宁波海天国际物流运输有限公司' });
    expect(typo[0]?.customer.name).toBe('宁波海天国际物流有限公司');
    expect(await candidates({ email: 'someone@qq.com' })).toEqual([]);
  });

  it('keeps every change on the timeline with old and new values, and answers 412 to a stale edit', async () => {
    const c = (await create(admin, { name: '青岛港达物流' })).json();
    const first = await t.request('PATCH', `/api/customers/${c.id}`, {
      as: admin,
      body: { name: '青岛港达国际物流', status: 'active' },
      headers: { 'if-match': '"1"' },
    });
    expect(first.statusCode).toBe(200);
    const stale = await t.request('PATCH', `/api/customers/${c.id}`, {
      as: admin,
      body: { name: 'X' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.statusCode).toBe(412);
    await t.request('POST', '/api/contacts', { as: admin, body: { customerId: c.id, name: '刘经理' } });
    const timeline = (await t.request('GET', `/api/customers/${c.id}/timeline`, { as: admin })).json().items;
    const update = timeline.find(
      (e: { action: string; entity: string }) => e.action === 'update' && e.entity === 'customers',
    );
    expect(update.changes).toEqual({ name: ['青岛港达物流', '青岛港达国际物流'], status: ['prospect', 'active'] });
    expect(update.actorName).toBe('Admin');
    expect(
      timeline.some((e: { entity: string; action: string }) => e.entity === 'contacts' && e.action === 'create'),
    ).toBe(true);
    expect(timeline.at(-1).action).toBe('create');
  });

  it("shows a sales rep only their own customers and refuses another rep's through every route", async () => {
    const repA = await make.user('sales_rep', { teamId: east });
    const repB = await make.user('sales_rep', { teamId: east });
    const manager = await make.user('sales_manager', { teamId: east });
    const mine = (await create(repA, { name: '厦门远航船务' })).json();
    expect(mine.ownerId).toBe(repA.id);
    expect(mine.teamId).toBe(east);
    const assign = await create(repA, { name: '给别人的客户', ownerId: repB.id });
    expect(assign.statusCode).toBe(422);
    expect((await t.request('GET', `/api/customers/${mine.id}`, { as: repB })).statusCode).toBe(404);
    expect(
      (
        await t.request('PATCH', `/api/customers/${mine.id}`, {
          headers: { 'if-match': '*' },
          as: repB,
          body: { name: 'X' },
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.request('GET', `/api/customers/${mine.id}/timeline`, { as: repB })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/customers/${mine.id}/contacts`, { as: repB })).statusCode).toBe(404);
    const bulk = await t.request('POST', '/api/customers/bulk-tags', {
      as: repB,
      body: { customerIds: [mine.id], add: [] },
    });
    expect(bulk.json()).toEqual({ updated: 0, skipped: 1 });
    expect((await t.request('GET', '/api/customers', { as: repB })).json().items).toEqual([]);
    expect(
      (await t.request('GET', '/api/customers', { as: repA })).json().items.map((c: { id: string }) => c.id),
    ).toEqual([mine.id]);
    const managerSees = (await t.request('GET', '/api/customers', { as: manager }))
      .json()
      .items.map((c: { id: string }) => c.id);
    expect(managerSees).toEqual([mine.id]);
    // billing and credit are not for sales reps
    expect((await t.request('GET', `/api/customers/${mine.id}`, { as: repA })).json().billing).toBeNull();
  });

  it('lets finance change billing but nothing else, and operations read without editing', async () => {
    const finance = await make.user('finance');
    const ops = await make.user('operations');
    const c = (await create(admin, { name: '天津新港货运' })).json();
    const billing = await t.request('PATCH', `/api/customers/${c.id}`, {
      headers: { 'if-match': '*' },
      as: finance,
      body: { billing: { settlementType: 'monthly', paymentTermsDays: 45 } },
    });
    expect(billing.statusCode).toBe(200);
    expect(billing.json().billing.paymentTermsDays).toBe(45);
    const rename = await t.request('PATCH', `/api/customers/${c.id}`, {
      headers: { 'if-match': '*' },
      as: finance,
      body: { name: '改名' },
    });
    expect(rename.statusCode).toBe(403);
    expect((await t.request('GET', `/api/customers/${c.id}`, { as: ops })).statusCode).toBe(200);
    expect(
      (
        await t.request('PATCH', `/api/customers/${c.id}`, {
          headers: { 'if-match': '*' },
          as: ops,
          body: { name: '改名' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('masks contact personal data for roles without the right, and audits unmasked reads', async () => {
    const ops = await make.user('operations');
    const c = (await create(admin, { name: '大连港通物流' })).json();
    const contact = (
      await t.request('POST', '/api/contacts', {
        as: admin,
        body: {
          customerId: c.id,
          name: '王芳',
          phones: ['138 0013 8000'],
          emails: ['wang.fang@gangtong.cn'],
          birthday: '1988-05-20',
          isPrimary: true,
        },
      })
    ).json();
    expect(contact.phones).toEqual(['+8613800138000']);
    const masked = (await t.request('GET', `/api/contacts/${contact.id}`, { as: ops })).json();
    expect(masked).toMatchObject({
      masked: true,
      phones: ['+86138****8000'],
      emails: ['w***@gangtong.cn'],
      birthday: null,
    });
    const listed = (await t.request('GET', `/api/customers/${c.id}/contacts`, { as: ops })).json().items;
    expect(JSON.stringify(listed)).not.toContain('13800138000');
    const plain = (await t.request('GET', `/api/contacts/${contact.id}`, { as: admin })).json();
    expect(plain).toMatchObject({ masked: false, birthday: '1988-05-20' });
    const reveals = (
      await t.request('GET', `/api/audit?action=read_personal_data&entityId=${contact.id}`, { as: admin })
    ).json().items;
    expect(reveals).toHaveLength(1);
    expect(reveals[0].actorId).toBe(admin.me.user.id);
  });

  it('keeps one primary contact, and keeps a contact who left with their history', async () => {
    const c = (await create(admin, { name: '深圳盐田国际货代' })).json();
    const a = (
      await t.request('POST', '/api/contacts', { as: admin, body: { customerId: c.id, name: 'A', isPrimary: true } })
    ).json();
    const b = (
      await t.request('POST', '/api/contacts', { as: admin, body: { customerId: c.id, name: 'B', isPrimary: true } })
    ).json();
    const list = (await t.request('GET', `/api/customers/${c.id}/contacts`, { as: admin })).json().items;
    expect(list.find((x: { id: string }) => x.id === a.id).isPrimary).toBe(false);
    expect(list.find((x: { id: string }) => x.id === b.id).isPrimary).toBe(true);
    const left = await t.request('PATCH', `/api/contacts/${a.id}`, {
      as: admin,
      body: { status: 'left' },
      headers: { 'if-match': '"1"' },
    });
    expect(left.json()).toMatchObject({ status: 'left' });
    expect(left.json().leftAt).not.toBeNull();
    const other = (await create(admin, { name: '广州南沙物流' })).json();
    const moved = await t.request('PATCH', `/api/contacts/${b.id}`, {
      headers: { 'if-match': '*' },
      as: admin,
      body: { customerId: other.id },
    });
    expect(moved.json().customerId).toBe(other.id);
    const history = (await t.request('GET', `/api/audit?entity=contacts&entityId=${b.id}`, { as: admin })).json().items;
    expect(history[0].changes.customer_id).toEqual([c.id, other.id]);
  });

  it('makes a customer’s first contact its primary one, and only the first', async () => {
    const c = (await create(admin, { name: '青岛前湾集装箱物流' })).json();
    const first = await t.request('POST', '/api/contacts', { as: admin, body: { customerId: c.id, name: '赵经理' } });
    expect(first.json().isPrimary).toBe(true);
    const second = await t.request('POST', '/api/contacts', { as: admin, body: { customerId: c.id, name: '钱主管' } });
    expect(second.json().isPrimary).toBe(false);
    const list = (await t.request('GET', `/api/customers/${c.id}/contacts`, { as: admin })).json().items;
    expect(list.filter((x: { isPrimary: boolean }) => x.isPrimary).map((x: { name: string }) => x.name)).toEqual([
      '赵经理',
    ]);
  });

  it('merges a duplicate into the kept record: contacts, tags and lanes move, both histories stay', async () => {
    const kept = (
      await create(admin, {
        name: '上海远东国际货运',
        tradeProfile: { lanes: [{ pol: 'CNSHA', pod: 'DEHAM', mode: 'fcl' }] },
      })
    ).json();
    const dup = (
      await create(admin, {
        name: '上海遠東國際貨運有限公司',
        nameEn: 'Shanghai Far East Intl Freight',
        phone: '021-61234567',
        tradeProfile: {
          lanes: [
            { pol: 'CNSHA', pod: 'DEHAM', mode: 'fcl' },
            { pol: 'CNSHA', pod: 'NLRTM', mode: 'lcl' },
          ],
        },
      })
    ).json();
    const contact = (
      await t.request('POST', '/api/contacts', { as: admin, body: { customerId: dup.id, name: '陈先生' } })
    ).json();
    const tag = (await t.request('POST', '/api/tags', { as: admin, body: { name: '欧线' } })).json();
    await t.request('POST', '/api/customers/bulk-tags', { as: admin, body: { customerIds: [dup.id], add: [tag.id] } });
    await t.request('PATCH', `/api/customers/${dup.id}`, {
      headers: { 'if-match': '*' },
      as: admin,
      body: { status: 'active' },
    });

    const self = await t.request('POST', `/api/customers/${kept.id}/merge`, { as: admin, body: { sourceId: kept.id } });
    expect(self.statusCode).toBe(422);
    const merged = await t.request('POST', `/api/customers/${kept.id}/merge`, {
      as: admin,
      body: { sourceId: dup.id },
      headers: { 'if-match': '"1"' },
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({
      nameEn: 'Shanghai Far East Intl Freight',
      phone: '+862161234567',
      tagIds: [tag.id],
      tradeProfile: {
        lanes: [
          { pol: 'CNSHA', pod: 'DEHAM', mode: 'fcl' },
          { pol: 'CNSHA', pod: 'NLRTM', mode: 'lcl' },
        ],
      },
    });
    const contacts = (await t.request('GET', `/api/customers/${kept.id}/contacts`, { as: admin })).json().items;
    expect(contacts.map((c: { id: string }) => c.id)).toContain(contact.id);
    // The absorbed record answers 404 naming the record it lives on in, for those who may see that one.
    const absorbed = await t.request('GET', `/api/customers/${dup.id}`, { as: admin });
    expect(absorbed.statusCode).toBe(404);
    expect(absorbed.json()).toMatchObject({
      code: 'customer.merged',
      movedTo: { resource: 'customers', id: kept.id, label: `${kept.code} ${kept.name}` },
    });
    const stranger = await make.user('sales_rep', { name: '外人' });
    const hidden = await t.request('GET', `/api/customers/${dup.id}`, { as: stranger });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe('resource.not_found');
    expect(hidden.json().movedTo).toBeUndefined();
    const list = (await t.request('GET', '/api/customers?q=远东', { as: admin })).json().items;
    expect(list.map((c: { id: string }) => c.id)).toEqual([kept.id]);
    const timeline = (await t.request('GET', `/api/customers/${kept.id}/timeline`, { as: admin })).json().items;
    expect(timeline.some((e: { action: string }) => e.action === 'merge')).toBe(true);
    expect(
      timeline.some(
        (e: { entityId: string; changes: Record<string, unknown> | null }) =>
          e.entityId === dup.id && e.changes?.status,
      ),
    ).toBe(true);
    const again = await t.request('POST', `/api/customers/${kept.id}/merge`, { as: admin, body: { sourceId: dup.id } });
    expect(again.statusCode).toBe(422);
  });

  it('exports the filtered list to CSV with a BOM and to .xlsx, audited, and only for roles that may export', async () => {
    await haitian();
    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/customers/export?format=csv&country=CN',
      headers: { cookie: admin.cookie, 'accept-language': 'zh-CN' },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('客户编码,客户名称');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('宁波海天国际物流有限公司');

    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/customers/export?format=xlsx',
      headers: { cookie: admin.cookie, 'accept-language': 'en' },
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Customers');
    const listed = (await t.request('GET', '/api/customers?limit=200', { as: admin })).json().items.length;
    expect(sheet?.rowCount).toBe(listed + 1);
    expect(sheet?.getRow(1).getCell(1).value).toBe('Code');
    const exports = (await t.request('GET', '/api/audit?action=export&entity=customers', { as: admin })).json().items;
    expect(exports).toHaveLength(2);
    expect(exports[0].meta).toMatchObject({ format: 'xlsx', rows: listed });

    const rep = await make.user('sales_rep');
    expect((await t.request('GET', '/api/customers/export?format=csv', { as: rep })).statusCode).toBe(403);
  });

  it('shows lane changes on the timeline and hides masked data there too', async () => {
    const ops = await make.user('operations');
    const c = (await create(admin, { name: '连云港海联物流', billing: { paymentTermsDays: 30 } })).json();
    await t.request('PATCH', `/api/customers/${c.id}`, {
      headers: { 'if-match': '*' },
      as: admin,
      body: {
        tradeProfile: { lanes: [{ pol: 'CNLYG', pod: 'KZALA', mode: 'rail' }] },
        billing: { paymentTermsDays: 60 },
      },
    });
    await t.request('POST', '/api/contacts', {
      as: admin,
      body: { customerId: c.id, name: '孙经理', phones: ['13900001111'] },
    });
    const forAdmin = (await t.request('GET', `/api/customers/${c.id}/timeline`, { as: admin })).json().items;
    const laneChange = forAdmin.find((e: { changes: Record<string, unknown> | null }) => e.changes?.lanes);
    expect(laneChange.changes.lanes).toEqual([[], ['CNLYG-KZALA rail']]);
    expect(JSON.stringify(forAdmin)).toContain('+8613900001111');
    const forOps = JSON.stringify(
      (await t.request('GET', `/api/customers/${c.id}/timeline`, { as: ops })).json().items,
    );
    expect(forOps).not.toContain('13900001111');
    expect(forOps).not.toContain('paymentTermsDays');
    expect(forOps).not.toContain('read_personal_data');
  });

  it("moves a customer into the new owner's team when the owner changes", async () => {
    const south = (await make.team({ name: '华南销售部' })).id;
    const repSouth = await make.user('sales_rep', { teamId: south });
    const c = (await create(admin, { name: '汕头潮运货代' })).json();
    const moved = await t.request('PATCH', `/api/customers/${c.id}`, {
      headers: { 'if-match': '*' },
      as: admin,
      body: { ownerId: repSouth.id },
    });
    expect(moved.json()).toMatchObject({ ownerId: repSouth.id, teamId: south });
    expect((await t.request('GET', `/api/customers/${c.id}`, { as: repSouth })).statusCode).toBe(200);
  });
});
