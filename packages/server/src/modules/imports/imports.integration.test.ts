import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';
import { sharedStringsBomb, wideRowsBomb } from '../../../test/spreadsheet-bombs';
import { jobs } from '../../db/schema';

const badRows = new Set([5, 17, 100, 234, 450, 451, 600, 777, 900, 1001]);

/** A Chinese Excel export: GBK, Chinese headers, 1,000 customers of which 10 are broken. */
function customerCsv(): Buffer {
  const lines = ['客户名称,英文名称,统一社会信用代码,国家,联系电话,邮箱,客户状态,合作类型,航线'];
  for (let row = 2; row <= 1001; row++) {
    const i = row - 1;
    if (!badRows.has(row)) {
      lines.push(
        `测试货运${i}号有限公司,Test Freight ${i} Co. Ltd.,,中国,1380013${String(i).padStart(4, '0')},ops${i}@freight${i}.cn,合作中,长期客户,CNSHA-USLAX 整箱`,
      );
    } else if (row % 2 === 0) {
      lines.push(`坏数据${i}号公司,,91350100M000100Y44,中国,,,,, `); // wrong credit code check digit
    } else {
      lines.push(`坏数据${i}号公司,,,火星,12,not-an-email,,,SHANGHAI-USLAX 整箱`); // country, phone, email, port
    }
  }
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'gbk');
}

describe('importing customers from spreadsheets', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.setup();
  });
  afterAll(() => t.close());

  const upload = (url: string, file: Buffer, name: string, fields: Record<string, string> = {}, fieldsFirst = true) => {
    const form = new FormData();
    if (fieldsFirst) for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([file]), name);
    if (!fieldsFirst) for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return t.app.inject({
      method: 'POST',
      url,
      payload: form as never,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'accept-language': 'zh-CN' },
    });
  };
  const runJobs = async () => {
    while ((await t.server.deps.jobs.runDue()) > 0) {}
  };
  const importOf = async (id: string) => (await t.request('GET', `/api/imports/${id}`, { as: admin })).json();

  it('previews a GBK file: detects the encoding, reads the headers and maps them by their Chinese labels', async () => {
    const response = await upload('/api/imports/preview', customerCsv(), '客户.csv');
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.encoding).toBe('gb18030');
    expect(preview.headers[0]).toBe('客户名称');
    expect(preview.rows[0][0]).toBe('测试货运1号有限公司');
    expect(preview.suggestedMapping).toMatchObject({
      客户名称: 'name',
      统一社会信用代码: 'creditCode',
      联系电话: 'phone',
      航线: 'lanes',
    });
  });

  // About 15 s alone on two cores and over a minute beside the other suites: the customers table's write cost, which
  // the staged import is to bring down. This test is about what is imported, not how fast, hence its own timeout.
  it('imports 1,000 rows in the background and reports exactly the 10 bad rows by their Excel row number', async () => {
    const started = await upload('/api/imports', customerCsv(), '客户.csv', { entity: 'customers', policy: 'skip' });
    expect(started.statusCode).toBe(202);
    const { id } = started.json();
    expect((await importOf(id)).status).toBe('queued');
    await runJobs();
    const done = await importOf(id);
    expect(done).toMatchObject({
      status: 'succeeded',
      total: 1000,
      processed: 1000,
      created: 990,
      failed: 10,
      skipped: 0,
    });
    expect([...new Set<number>(done.errors.map((e: { row: number }) => e.row))].sort((a, b) => a - b)).toEqual(
      [...badRows].sort((a, b) => a - b),
    );
    const fields = done.errors.filter((e: { row: number }) => e.row === 17).map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['country', 'phone', 'email', 'tradeProfile.lanes.0.pol']));
    expect(done.errors.find((e: { row: number }) => e.row === 100).message).toContain('统一社会信用代码');
    const customer = (await t.request('GET', '/api/customers?q=测试货运7号', { as: admin })).json().items[0];
    expect(customer).toMatchObject({
      country: 'CN',
      status: 'active',
      relationshipType: 'long_term',
      phone: '+8613800130007',
    });
    expect(customer.tradeProfile.lanes).toEqual([
      { pol: 'CNSHA', pod: 'USLAX', mode: 'fcl', volume: null, volumeUnit: null, volumePeriod: null },
    ]);
    const report = await t.app.inject({
      method: 'GET',
      url: `/api/imports/${id}/errors.csv`,
      headers: { cookie: admin.cookie },
    });
    expect(report.body.split('\n').filter((l) => /^\d+,/.test(l))).toHaveLength(done.errors.length);
    expect(report.body.replace(/^\uFEFF/, '')).toMatch(/^行号,字段,问题\r?\n/);
    expect(
      decodeURIComponent(String(report.headers['content-disposition']).split("filename*=UTF-8''")[1] ?? ''),
    ).toMatch(/^导入错误-客户-\d{4}-\d{2}-\d{2}\.csv$/);
    const english = await t.app.inject({
      method: 'GET',
      url: `/api/imports/${id}/errors.csv?lang=en`,
      headers: { cookie: admin.cookie },
    });
    expect(english.body.replace(/^\uFEFF/, '')).toMatch(/^Row,Field,Problem\r?\n/);
    // Each error names the column as the file headed it (a lane's part included), never the API's path.
    const row17 = (body: string) => body.split(/\r?\n/).filter((l) => l.startsWith('17,'));
    for (const body of [report.body, english.body]) {
      expect(row17(body).map((l) => l.split(',')[1])).toEqual(
        expect.arrayContaining(['国家', '联系电话', '邮箱', '航线']),
      );
      expect(body).not.toContain('tradeProfile');
    }
  }, 240_000);

  it('re-running the same file makes no duplicates; "update" changes the matched customers', async () => {
    const again = (await upload('/api/imports', customerCsv(), '客户.csv', { policy: 'skip' })).json();
    await runJobs();
    expect(await importOf(again.id)).toMatchObject({ status: 'succeeded', created: 0, skipped: 990, failed: 10 });
    const total = async () => (await t.request('GET', '/api/customers?q=测试货运&limit=200', { as: admin })).json();
    expect((await total()).items.length).toBe(200);
    const csv = iconv.encode('客户名称,客户状态\r\n测试货运3号有限公司,已停止合作\r\n', 'gbk');
    const update = (await upload('/api/imports', csv, 'u.csv', { policy: 'update' })).json();
    await runJobs();
    expect(await importOf(update.id)).toMatchObject({ updated: 1, created: 0 });
    const three = (await t.request('GET', '/api/customers?q=测试货运3号有限', { as: admin })).json().items[0];
    expect(three.status).toBe('inactive');
    expect(three.phone).toBe('+8613800130003');
  });

  it('"update" changes every mapped column: lanes, billing, roles, commodities, tags and owner, with history', async () => {
    const vip = (await t.request('POST', '/api/tags', { as: admin, body: { name: 'VIP' } })).json();
    const manager = await t.userWithRole(admin, 'sales_manager');
    const csv = [
      '客户名称,航线,开票抬头,账期,信用额度,额度币种,结算方式,标签,客户角色,主要货物,负责人,联系电话',
      `测试货运7号有限公司,CNNGB-DEHAM LCL; CNSHA-USNYC 整箱,测试货运七号,30天,500000,USD,月结,VIP,"发货人,直客",家具,${manager.email},`,
      '测试货运8号有限公司,,,,,,,不存在的标签,,,,',
      '测试货运9号有限公司,,,,80000,,,,,,,',
    ].join('\r\n');
    const done = (await upload('/api/imports', Buffer.from(csv), 'u.csv', { policy: 'update' })).json();
    await runJobs();
    const record = await importOf(done.id);
    expect(record).toMatchObject({ status: 'succeeded', updated: 2, created: 0, failed: 1 });
    expect(record.errors).toEqual([expect.objectContaining({ row: 3, field: 'tags' })]);
    const find = async (q: string) => (await t.request('GET', `/api/customers?q=${q}`, { as: admin })).json().items[0];
    const seven = await find('测试货运7号有限');
    expect(seven).toMatchObject({
      phone: '+8613800130007',
      status: 'active',
      roles: ['shipper', 'direct_customer'],
      ownerId: manager.id,
      tagIds: [vip.id],
      billing: {
        invoiceTitle: '测试货运七号',
        paymentTermsDays: 30,
        settlementType: 'monthly',
        creditLimit: { amount: '500000.00', currency: 'USD' },
      },
    });
    expect(seven.tradeProfile.commodities).toEqual(['家具']);
    expect(seven.tradeProfile.lanes.map((l: { pol: string; pod: string; mode: string }) => l)).toEqual([
      expect.objectContaining({ pol: 'CNNGB', pod: 'DEHAM', mode: 'lcl' }),
      expect.objectContaining({ pol: 'CNSHA', pod: 'USNYC', mode: 'fcl' }),
    ]);
    const nine = await find('测试货运9号有限');
    expect(nine.billing.creditLimit).toEqual({ amount: '80000.00', currency: 'CNY' });
    expect(nine.tradeProfile.lanes).toHaveLength(1); // lanes not in the row: kept
    const timeline = (await t.request('GET', `/api/customers/${seven.id}/timeline?limit=50`, { as: admin })).json();
    const changes = Object.assign({}, ...timeline.items.map((e: { changes: object | null }) => e.changes ?? {}));
    expect(changes).toHaveProperty('billing');
    expect(changes).toHaveProperty('roles');
    expect(changes).toHaveProperty('owner_id');
    expect(changes.lanes[1]).toEqual(['CNNGB-DEHAM lcl', 'CNSHA-USNYC fcl']);
    expect(timeline.items.some((e: { action: string }) => e.action === 'tag')).toBe(true);
  });

  it('imports .xlsx with an explicit column mapping, remembered for the next file with the same headers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['Company', 'Tel', 'Remarks']);
    sheet.addRow(['Xlsx Shipping Ltd', '+86 21 6123 4567', 'ignored']);
    sheet.addRow(['Another Xlsx Trading', null, 'a cell after an empty one']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const mapping = JSON.stringify({ Company: 'name', Tel: 'phone' });
    const bad = await upload('/api/imports', file, 'c.xlsx', { mapping: '{"Company":"spaceship"}' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('mapping');
    // The fields may come after the file in the multipart body.
    const started = (await upload('/api/imports', file, 'c.xlsx', { mapping }, false)).json();
    await runJobs();
    expect(await importOf(started.id)).toMatchObject({ status: 'succeeded', created: 2, failed: 0 });
    const preview = (await upload('/api/imports/preview', file, 'c.xlsx')).json();
    expect(preview.suggestedMapping).toEqual({ Company: 'name', Tel: 'phone' });
    expect(preview.rows[1]).toEqual(['Another Xlsx Trading', '', 'a cell after an empty one']);
  });

  it('reads the files other systems export: UTF-16 tab-separated text, semicolons, title lines above the header', async () => {
    // Excel's "Unicode text": UTF-16LE with a byte order mark, tab-separated, under a title and a date line.
    const unicodeText = [
      '客户资料表\t\t',
      '导出时间：2026-11-30\t\t',
      '客户名称\t联系电话\t国家',
      '制表符货运有限公司\t021-61234567\t中国',
      '坏电话货运有限公司\t12\t中国',
    ].join('\r\n');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(unicodeText, 'utf16le')]);
    const preview = (await upload('/api/imports/preview', utf16, '客户.txt')).json();
    expect(preview).toMatchObject({ encoding: 'utf-16le', headers: ['客户名称', '联系电话', '国家'] });
    expect(preview.rows[0]).toEqual(['制表符货运有限公司', '021-61234567', '中国']);
    const started = (await upload('/api/imports', utf16, '客户.txt')).json();
    await runJobs();
    const done = await importOf(started.id);
    expect(done).toMatchObject({ status: 'succeeded', total: 2, created: 1, failed: 1 });
    // The row numbers are those Excel shows: the title lines count.
    expect(done.errors).toEqual([expect.objectContaining({ row: 5, field: 'phone' })]);

    // Semicolons, a cell that spans two lines and an empty line: rows still numbered as in Excel.
    const semicolons = [
      'Company;Address;Email',
      '"Semicolon Freight GmbH";"Hafenstraße 1',
      'Hamburg";ops@semicolon.example',
      '',
      'Broken Mail GmbH;Bremen;not-an-email',
    ].join('\n');
    const second = (await upload('/api/imports', Buffer.from(semicolons), 'kunden.csv')).json();
    await runJobs();
    const secondDone = await importOf(second.id);
    expect(secondDone).toMatchObject({ status: 'succeeded', created: 1, failed: 1 });
    expect(secondDone.errors).toEqual([expect.objectContaining({ row: 4, field: 'email' })]);
    const found = (await t.request('GET', '/api/customers?q=Semicolon Freight', { as: admin })).json().items[0];
    expect(found).toMatchObject({ address: 'Hafenstraße 1\nHamburg', email: 'ops@semicolon.example' });
  });

  it('reads the first worksheet that has data, under a title row', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('封面');
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(['某某国际货运代理有限公司 客户清单']);
    sheet.addRow(['客户名称', '英文名称', '邮箱']);
    sheet.addRow(['封面后货运有限公司', 'After Cover Freight Co., Ltd.', 'ops@aftercover.cn']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const started = (await upload('/api/imports', file, '清单.xlsx')).json();
    await runJobs();
    expect(await importOf(started.id)).toMatchObject({ status: 'succeeded', total: 1, created: 1, failed: 0 });
    const found = (await t.request('GET', '/api/customers?q=封面后货运', { as: admin })).json().items[0];
    expect(found).toMatchObject({ nameEn: 'After Cover Freight Co., Ltd.', email: 'ops@aftercover.cn' });
  });

  it('refuses files that are not spreadsheets, and imports by users without the right', async () => {
    const wrong = await upload('/api/imports', Buffer.from('MZ...'), 'virus.exe');
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0]).toMatchObject({
      field: 'file',
      message: '只能导入 .csv、.txt 或 .xlsx 文件。.xls 工作簿请先另存为 .xlsx。',
    });
    const ops = await t.userWithRole(admin, 'operations');
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      payload: new FormData() as never,
      headers: { cookie: ops.cookie, 'x-csrf-token': ops.csrfToken },
    });
    expect(denied.statusCode).toBe(403);
  });

  it('refuses an .xlsx that unpacks to too much, before inflating it, and does not retry an import refused so', async () => {
    const bomb = await sharedStringsBomb(40 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(512 * 1024);
    let peak = 0;
    const base = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed - base);
    }, 2);
    const preview = await upload('/api/imports/preview', bomb, 'bomb.xlsx');
    const started = await upload('/api/imports', bomb, 'bomb.xlsx', { entity: 'customers', policy: 'skip' });
    clearInterval(sampler);
    for (const refused of [preview, started]) {
      expect(refused.statusCode).toBe(422);
      expect(refused.json().errors[0]).toMatchObject({ field: 'file', code: 'import.spreadsheet_too_large' });
    }
    expect(preview.json().errors[0].message).toContain('.xlsx');
    // The 40 MB of text never became strings in memory.
    expect(peak).toBeLessThan(30 * 1024 * 1024);

    // Too many cells shows only while the rows are read, in the background: the import fails once, for good.
    const wide = await upload('/api/imports', await wideRowsBomb(320), 'wide.xlsx', { entity: 'customers' });
    expect(wide.statusCode).toBe(202);
    await runJobs();
    const failed = await importOf(wide.json().id);
    expect(failed).toMatchObject({ status: 'failed', created: 0 });
    expect(failed.message).toContain('.xlsx');
    const [job] = await t.db.select().from(jobs).where(sql`${jobs.payload}->>'id' = ${wide.json().id}`);
    expect(job).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('refuses an import file over the import size limit with 413', async () => {
    const small = await startTestApp({ IMPORT_LIMIT_BYTES: '2048' });
    try {
      const owner = await small.setup();
      const form = new FormData();
      form.append('file', new Blob([customerCsv()]), '客户.csv');
      const response = await small.app.inject({
        method: 'POST',
        url: '/api/imports/preview',
        payload: form as never,
        headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrfToken },
      });
      expect(response.statusCode).toBe(413);
      expect(response.json().code).toBe('request.too_large');
    } finally {
      await small.close();
    }
  });
});
