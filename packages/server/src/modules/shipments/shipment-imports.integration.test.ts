import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';

type User = Session & { id: string };

/** Valid ISO 6346 numbers; the last one is CSQU3054383 with its check digit off by one. */
const goodBoxes = ['CSQU3054383', 'BICU1234565', 'MSCU1234566'];
const badBox = 'CSQU3054384';

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
/** The Excel serial of a day (1900 date system), as a CSV saved from Excel may hold a date. */
const excelSerial = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000) + 25_569;

describe('importing shipments and exchange rates from spreadsheets', () => {
  let t: TestApp;
  let admin: Session;
  let rep: User;
  let customer: { id: string; code: string };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.setup('导入测试货代 Import Forwarding');
    rep = await t.userWithRole(admin, 'sales_rep', { name: '销售丙' });
    const res = await t.request('POST', '/api/customers', {
      as: admin,
      body: { name: '杭州滨江贸易有限公司', ownerId: rep.id, status: 'active' },
    });
    expect(res.statusCode, res.body).toBe(201);
    customer = res.json();
  });
  afterAll(() => t.close());

  const upload = (url: string, file: Buffer, name: string, fields: Record<string, string> = {}, as = admin) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([file]), name);
    return t.app.inject({
      method: 'POST',
      url,
      payload: form as never,
      headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken, 'accept-language': 'en' },
    });
  };
  const runJobs = async () => {
    while ((await t.server.deps.jobs.runDue()) > 0) {}
  };
  const importOf = async (id: string) => (await t.request('GET', `/api/imports/${id}`, { as: admin })).json();
  const importFile = async (file: Buffer, name: string, fields: Record<string, string>) => {
    const started = await upload('/api/imports', file, name, fields);
    expect(started.statusCode, started.body).toBe(202);
    await runJobs();
    return importOf(started.json().id);
  };

  const shipmentCsv = () =>
    Buffer.from(
      [
        '业务编号,运输方式,客户编号,收货人,箱号1,箱号2,预计开船,收入,收入币种,毛重(KG)',
        `JOB-I1,FCL,${customer.code},Hamburg Imports GmbH,${goodBoxes[0]} 40HQ,${goodBoxes[1]} 20GP,${excelSerial(day(20))},"2,500.00",USD,12000`,
        `JOB-I2,FCL,${customer.code},,${badBox} 40HQ,,${day(15)},1800,USD,8000`,
        `JOB-I3,FCL,${customer.code},Hamburg Imports GmbH,${goodBoxes[2]} 40HQ,,${day(10).replace(/-/g, '/')} 14:30,12000,CNY,9000`,
        `,LCL,${customer.code},,,,${day(5)},300,CNY,500`,
      ].join('\r\n'),
      'utf8',
    );

  it('previews a shipment file: the Chinese headers map themselves, repeated container columns included', async () => {
    const res = await upload('/api/imports/preview', shipmentCsv(), 'shipments.csv', { entity: 'shipments' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().suggestedMapping).toMatchObject({
      业务编号: 'externalId',
      运输方式: 'mode',
      客户编号: 'customerCode',
      收货人: 'consignee',
      箱号1: 'containers',
      箱号2: 'containers',
      预计开船: 'etd',
      收入: 'revenueAmount',
      收入币种: 'revenueCurrency',
    });
  });

  it('imports shipments through the feed’s upsert, reporting the bad container by its Excel row while the rest go in', async () => {
    const done = await importFile(shipmentCsv(), 'shipments.csv', { entity: 'shipments', source: 'legacy-tms' });
    expect(done).toMatchObject({ status: 'succeeded', total: 4, processed: 4, created: 2, failed: 2 });
    expect(done.errors).toEqual([
      { row: 3, field: 'containers', message: expect.stringContaining('Container 1') },
      { row: 5, field: 'externalId', message: expect.any(String) },
    ]);
    const list = await t.request('GET', '/api/shipments?limit=50', { as: admin });
    const items = list.json().items as {
      externalId: string;
      source: string;
      teu: string;
      containers: unknown[];
      etd: string;
    }[];
    const first = items.find((s) => s.externalId === 'JOB-I1');
    expect(first).toMatchObject({
      source: 'legacy-tms',
      containers: [{ number: goodBoxes[0] }, { number: goodBoxes[1] }],
    });
    expect(Number(first?.teu)).toBe(3);
    // A day without a time is the organisation's midnight; a serial is the same day.
    expect(first?.etd).toBe(new Date(`${day(20)}T00:00:00+08:00`).toISOString());
    // The consignee nobody matched waits for review, as from the feed.
    const unmatched = await t.request('GET', '/api/shipment-parties/unmatched', { as: admin });
    expect(JSON.stringify(unmatched.json())).toContain('Hamburg Imports GmbH');
  });

  it('importing the same file again changes nothing: the rows are unchanged (skipped), the bad ones reported again', async () => {
    const again = await importFile(shipmentCsv(), 'shipments.csv', { entity: 'shipments', source: 'legacy-tms' });
    expect(again).toMatchObject({ status: 'succeeded', created: 0, updated: 0, skipped: 2, failed: 2 });
  });

  it('reads a day without a time as midnight on the importing user’s own calendar when they chose a zone', async () => {
    const zone = await t.request('PATCH', '/api/me', { as: admin, body: { timeZone: 'Europe/Berlin' } });
    expect(zone.statusCode, zone.body).toBe(200);
    try {
      const csv = Buffer.from(['业务编号,运输方式,预计开船', `JOB-TZ,FCL,${day(30)}`].join('\r\n'), 'utf8');
      const done = await importFile(csv, 'berlin.csv', { entity: 'shipments', source: 'tz-check' });
      expect(done).toMatchObject({ status: 'succeeded', created: 1 });
      const [shipment] = (await t.request('GET', '/api/shipments?q=JOB-TZ', { as: admin })).json().items;
      const offset = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' })
        .formatToParts(new Date(`${day(30)}T12:00:00Z`))
        .find((part) => part.type === 'timeZoneName')
        ?.value.replace('GMT', '');
      expect(shipment.etd).toBe(new Date(`${day(30)}T00:00:00${offset}`).toISOString());
    } finally {
      await t.request('PATCH', '/api/me', { as: admin, body: { timeZone: null } });
    }
  });

  it('keeps the customer’s shipment roll-ups without changing its version', async () => {
    const before = await t.request('GET', `/api/customers/${customer.id}`, { as: admin });
    const record = before.json();
    expect(record.shipmentRollup).toMatchObject({ shipments12m: 2, teu12m: '5', revenueComplete: false });
    expect(record.shipmentRollup.revenue12m.currency).toBe('CNY');
    // With a USD rate the revenue converts at the rate of the shipment's day.
    await t.request('POST', '/api/exchange-rates', {
      as: admin,
      body: { base: 'USD', quote: 'CNY', rate: '7.1', date: day(400) },
    });
    // The nightly recomputation picks it up.
    const tomorrow = new Date(Date.now() + 86_400_000 + 60_000);
    await t.server.deps.jobs.scheduleRecurring();
    while ((await t.server.deps.jobs.runDue(tomorrow)) > 0) {}
    const after = (await t.request('GET', `/api/customers/${customer.id}`, { as: admin })).json();
    expect(after.version).toBe(record.version);
    expect(after.shipmentRollup).toMatchObject({
      revenueComplete: true,
      revenue12m: { amount: '29750.00', currency: 'CNY' },
    });
    // The list filters and sorts on them.
    const busy = await t.request('GET', '/api/customers?minShipments12m=2&sort=-lastShipmentAt', { as: admin });
    expect(busy.json().items.map((c: { id: string }) => c.id)).toEqual([customer.id]);
    const none = await t.request('GET', '/api/customers?minShipments12m=3', { as: admin });
    expect(none.json().items).toEqual([]);
  });

  it('pages the customer list by last shipment with keyset cursors', async () => {
    const other = await t.request('POST', '/api/customers', { as: admin, body: { name: '无货物客户有限公司' } });
    expect(other.statusCode).toBe(201);
    const page1 = await t.request('GET', '/api/customers?sort=-lastShipmentAt&limit=1', { as: admin });
    expect(page1.statusCode, page1.body).toBe(200);
    expect(page1.json().items[0].id).toBe(customer.id);
    const page2 = await t.request(
      'GET',
      `/api/customers?sort=-lastShipmentAt&limit=1&cursor=${page1.json().nextCursor}`,
      { as: admin },
    );
    expect(page2.statusCode, page2.body).toBe(200);
    expect(page2.json().items[0].id).not.toBe(customer.id);
  });

  it('imports an .xlsx of shipments whose dates are Excel dates', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('出货明细');
    sheet.addRow(['Booking No', 'Mode', 'Customer Code', 'Containers', 'ETD', 'Revenue', 'Revenue Currency']);
    sheet.addRow([
      'BKG-X1',
      'fcl',
      customer.code,
      `${goodBoxes[0]} 20GP; ${goodBoxes[1]} 40HQ`,
      new Date(`${day(3)}T00:00:00Z`),
      100,
      'USD',
    ]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const done = await importFile(file, 'shipments.xlsx', { entity: 'shipments' });
    expect(done, JSON.stringify(done.errors)).toMatchObject({ status: 'succeeded', created: 1, failed: 0 });
    const list = await t.request('GET', '/api/shipments?limit=50', { as: admin });
    const shipment = list.json().items.find((s: { externalId: string }) => s.externalId === 'BKG-X1');
    expect(shipment).toMatchObject({ source: 'import', bookingNumber: 'BKG-X1' });
    expect(shipment.etd.slice(0, 10) <= day(3)).toBe(true);
  });

  it('refuses a shipment import to a user without organisation-wide shipment rights', async () => {
    const res = await upload('/api/imports', shipmentCsv(), 'shipments.csv', { entity: 'shipments' }, rep);
    expect(res.statusCode).toBe(403);
  });

  it('imports exchange rates, reporting a bad rate by its row while the others are saved', async () => {
    const csv = Buffer.from(
      [
        '基准币种,报价币种,汇率,日期',
        'USD,CNY,7.12,2026-11-02',
        'EUR,CNY,abc,2026-11-02',
        'EUR,CNY,7.8,2026/11/3',
      ].join('\n'),
    );
    const preview = await upload('/api/imports/preview', csv, 'rates.csv', { entity: 'exchange-rates' });
    expect(preview.json().suggestedMapping).toEqual({
      基准币种: 'base',
      报价币种: 'quote',
      汇率: 'rate',
      日期: 'date',
    });
    const done = await importFile(csv, 'rates.csv', { entity: 'exchange-rates', policy: 'update' });
    expect(done).toMatchObject({ status: 'succeeded', created: 2, failed: 1 });
    expect(done.errors).toEqual([{ row: 3, field: 'rate', message: expect.any(String) }]);
    const rates = (await t.request('GET', '/api/exchange-rates?from=2026-11-01&to=2026-11-30', { as: admin })).json();
    expect(rates.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ base: 'USD', quote: 'CNY', rate: '7.12', date: '2026-11-02', source: 'import' }),
        expect.objectContaining({ base: 'EUR', quote: 'CNY', rate: '7.8', date: '2026-11-03', source: 'import' }),
      ]),
    );
    const again = await importFile(csv, 'rates.csv', { entity: 'exchange-rates', policy: 'update' });
    expect(again).toMatchObject({ created: 0, updated: 0, skipped: 2, failed: 1 });
  });
});
