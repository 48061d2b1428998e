import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, type Factories } from '../../../test/factories';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';
import { queryRows } from '../../db/database';

interface Contact {
  id: string;
  name: string;
  title: string | null;
  phones: string[];
  emails: string[];
  wechat: string | null;
  birthday: string | null;
  isPrimary: boolean;
  preferredChannel: string | null;
  marketingConsent: boolean;
}
interface RowError {
  row: number;
  field: string;
  message: string;
}

const header =
  '客户编号,统一社会信用代码,客户名称,姓名,职务,手机,邮箱,微信,生日,主要联系人,偏好联系方式,同意接收营销信息';

describe('importing contacts from spreadsheets', () => {
  let t: TestApp;
  let admin: Session;
  let make: Factories;
  const customer = { a: { id: '', code: '' }, b: { id: '', code: '' } };

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, make } = await anOrganisation(t));
    customer.a = await make.customer({ name: '上海远航物流有限公司', creditCode: '91350100M000100Y43' });
    customer.b = await make.customer({ name: '宁波海洋船务有限公司', nameEn: 'Ningbo Ocean Shipping Co., Ltd.' });
    await make.customer({ name: '重名贸易有限公司' });
    await make.customer({ name: '重名贸易有限公司' });
  });
  afterAll(() => t.close());

  const upload = (as: Session, url: string, file: Buffer, name: string, fields: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([file]), name);
    return t.app.inject({
      method: 'POST',
      url,
      payload: form as never,
      headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken, 'accept-language': 'zh-CN' },
    });
  };
  const runJobs = async () => {
    while ((await t.server.deps.jobs.runDue()) > 0) {}
  };
  const importFile = async (
    as: Session,
    file: Buffer,
    name: string,
    fields: Record<string, string> = {},
  ): Promise<{
    status: string;
    created: number;
    updated: number;
    skipped: number;
    failed: number;
    errors: RowError[];
  }> => {
    const started = await upload(as, '/api/imports', file, name, { entity: 'contacts', ...fields });
    expect(started.statusCode, started.body).toBe(202);
    await runJobs();
    return (await t.request('GET', `/api/imports/${started.json().id}`, { as })).json();
  };
  const contactsOf = async (customerId: string, as = admin): Promise<Contact[]> =>
    (await t.request('GET', `/api/customers/${customerId}/contacts?limit=100`, { as })).json().items;
  const byName = (list: Contact[], name: string) => list.find((c) => c.name === name) as Contact;

  /** Rows 2–10 as Excel numbers them: three good ones, then one broken row per reason. */
  const firstFile = () =>
    [
      header,
      `${customer.a.code},,,张伟,经理,13800138000,zhang@yuanhang.cn,zw001,1990/5/1,是,微信,Y`,
      ',91350100M000100Y43,,李娜,,13900139000；021-61234567,,,1988年12月3日,否,电话,0',
      ',,"Ningbo Ocean Shipping Co., Ltd.",Tom Lee,Sales,,Tom@NingboOcean.com,,32994,yes,email,',
      ',,不存在的公司,王五,,,,,,,,',
      ',,重名贸易有限公司,赵六,,,,,,,,',
      'C999999,,,钱七,,,,,,,,',
      `${customer.a.code},,,孙八,,12,,,,,,`,
      `${customer.a.code},,,周九,,,,,1990-02-30,maybe,,`,
      ',,,吴十,,13600136000,,,,,,',
    ].join('\r\n');

  it('imports a UTF-8 CSV by customer code, credit code or name, and reports bad rows by their Excel row', async () => {
    const done = await importFile(admin, Buffer.from(`\uFEFF${firstFile()}\r\n`), '联系人.csv');
    expect(done).toMatchObject({ status: 'succeeded', created: 3, failed: 6, skipped: 0 });
    const reasons = done.errors.map((e) => [e.row, e.field]);
    expect(reasons).toEqual([
      [5, 'customerName'],
      [6, 'customerName'],
      [7, 'customerCode'],
      [8, 'phones.0'],
      [9, 'birthday'],
      [9, 'isPrimary'],
      [10, 'customer'],
    ]);
    expect(done.errors.find((e) => e.row === 6)?.message).toContain('多个客户同名');
    expect(done.errors.find((e) => e.row === 5)?.message).toContain('找不到该客户');

    const a = await contactsOf(customer.a.id);
    expect(byName(a, '张伟')).toMatchObject({
      title: '经理',
      phones: ['+8613800138000'],
      emails: ['zhang@yuanhang.cn'],
      wechat: 'zw001',
      birthday: '1990-05-01',
      isPrimary: true,
      preferredChannel: 'wechat',
      marketingConsent: true,
    });
    expect(byName(a, '李娜')).toMatchObject({
      phones: ['+8613900139000', '+862161234567'],
      birthday: '1988-12-03',
      isPrimary: false,
      preferredChannel: 'phone',
      marketingConsent: false,
    });
    expect(byName(await contactsOf(customer.b.id), 'Tom Lee')).toMatchObject({
      emails: ['tom@ningboocean.com'],
      birthday: '1990-05-01',
      isPrimary: true,
    });
  });

  it('re-importing the same file with "skip" creates nothing', async () => {
    const done = await importFile(admin, Buffer.from(`${firstFile()}\r\n`), '联系人.csv', { policy: 'skip' });
    expect(done).toMatchObject({ status: 'succeeded', created: 0, skipped: 3, failed: 6 });
    expect(await contactsOf(customer.a.id)).toHaveLength(2);
  });

  it('reads GBK files and maps their Chinese headers by themselves', async () => {
    const csv = iconv.encode(
      '客户名称,联系人,联系电话,职位\r\n宁波海洋船务有限公司,陈静,0574-87654321,单证\r\n',
      'gbk',
    );
    const preview = (await upload(admin, '/api/imports/preview', csv, 'gbk.csv', { entity: 'contacts' })).json();
    expect(preview.encoding).toBe('gb18030');
    expect(preview.suggestedMapping).toEqual({
      客户名称: 'customerName',
      联系人: 'name',
      联系电话: 'phones',
      职位: 'title',
    });
    expect(preview.fields).toContain('customerCreditCode');
    const done = await importFile(admin, csv, 'gbk.csv');
    expect(done).toMatchObject({ status: 'succeeded', created: 1, failed: 0 });
    expect(byName(await contactsOf(customer.b.id), '陈静')).toMatchObject({
      phones: ['+8657487654321'],
      title: '单证',
    });
  });

  it('reads .xlsx date and boolean cells; a new primary contact clears the old one', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('联系人');
    sheet.addRow(['Customer code', 'Name', 'Birthday', 'Primary contact', 'Email']);
    sheet.addRow([customer.b.code, 'Anna Schmidt', new Date(Date.UTC(1985, 6, 15)), true, 'anna@ningboocean.com']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const done = await importFile(admin, file, 'contacts.xlsx');
    expect(done).toMatchObject({ status: 'succeeded', created: 1, failed: 0 });
    const b = await contactsOf(customer.b.id);
    expect(byName(b, 'Anna Schmidt')).toMatchObject({ birthday: '1985-07-15', isPrimary: true });
    expect(byName(b, 'Tom Lee').isPrimary).toBe(false);
    expect(b.filter((c) => c.isPrimary)).toHaveLength(1);
  });

  it('"update" changes matched contacts (by name, phone or email) and keeps one primary; "create" adds anyway', async () => {
    const csv = [
      '客户编号,姓名,职务,手机,主要联系人,同意接收营销信息',
      `${customer.a.code},张伟,总经理,13700137000,,`,
      `${customer.a.code},Li Na,,13900139000,是,是`,
    ].join('\n');
    const done = await importFile(admin, Buffer.from(csv), 'update.csv', { policy: 'update' });
    expect(done).toMatchObject({ status: 'succeeded', created: 0, updated: 2, failed: 0 });
    const a = await contactsOf(customer.a.id);
    expect(a).toHaveLength(2);
    // Matched by name: title changed, the new phone added to the old one; no longer primary.
    expect(byName(a, '张伟')).toMatchObject({
      title: '总经理',
      phones: ['+8613800138000', '+8613700137000'],
      isPrimary: false,
      birthday: '1990-05-01',
    });
    // Matched by phone: renamed, made primary, consent given.
    expect(byName(a, 'Li Na')).toMatchObject({ isPrimary: true, marketingConsent: true, birthday: '1988-12-03' });
    const history = await queryRows<{ changes: Record<string, [unknown, unknown]> }>(
      t.db,
      sql`select changes from audit_log where entity = 'contacts' and entity_id = ${byName(a, '张伟').id}
          and action = 'update' order by at`,
    );
    expect(history.some((h) => h.changes.title?.[0] === '经理' && h.changes.title?.[1] === '总经理')).toBe(true);

    const again = await importFile(admin, Buffer.from(csv), 'update.csv', { policy: 'create' });
    expect(again).toMatchObject({ created: 2, updated: 0 });
    const after = await contactsOf(customer.a.id);
    expect(after).toHaveLength(4);
    expect(after.filter((c) => c.isPrimary)).toHaveLength(1);
  });

  it("a sales rep cannot import contacts onto another rep's customer", async () => {
    const rep = await make.user('sales_rep');
    const own = (
      await t.request('POST', '/api/customers', { as: rep, body: { name: '代表自己的客户有限公司' } })
    ).json();
    const csv = ['客户编号,姓名', `${own.code},自己的联系人`, `${customer.a.code},别人的联系人`].join('\n');
    const done = await importFile(rep, Buffer.from(csv), 'rep.csv');
    expect(done).toMatchObject({ status: 'succeeded', created: 1, failed: 1 });
    expect(done.errors).toEqual([expect.objectContaining({ row: 3, field: 'customerCode' })]);
    expect((await contactsOf(customer.a.id)).map((c) => c.name)).not.toContain('别人的联系人');
    expect((await contactsOf(own.id, rep)).map((c) => c.name)).toEqual(['自己的联系人']);
  });

  it('refuses a mapping without a customer column, and users without the right to create contacts', async () => {
    const csv = Buffer.from('姓名,手机\n张三,13800138000\n');
    const refused = await upload(admin, '/api/imports', csv, 'x.csv', { entity: 'contacts' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({ field: 'mapping', message: expect.stringContaining('所属客户') });
    const service = await make.user('customer_service');
    const denied = await upload(service, '/api/imports', csv, 'x.csv', { entity: 'contacts' });
    expect(denied.statusCode).toBe(403);
  });
});
