import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { anOrganisation, type Factories } from '../../../test/factories';
import type { Member } from '../../../test/factories/member';
import { startTestApp, type TestApp } from '../../../test/harness';
import { fullAccessCtx } from '../../platform/context';
import { countCustomers } from './count-customers';

describe('the customer list as a working list', () => {
  let t: TestApp;
  let admin: Member;
  let make: Factories;
  let orgId: string;

  beforeAll(async () => {
    t = await startTestApp();
  });
  // Counts and exports are per organisation: each test takes its own.
  beforeEach(async () => {
    ({ admin, make, id: orgId } = await anOrganisation(t));
  });
  afterAll(() => t.close());

  const list = async (as: Member, query = '') =>
    (await t.request('GET', `/api/customers?limit=200${query}`, { as })).json().items as {
      id: string;
      code: string;
      lastFollowUpAt: string | null;
      nextFollowUpAt: string | null;
      openPipeline: { amount: string; currency: string }[] | null;
    }[];
  const workbook = async (as: Member) => {
    const response = await t.request('GET', '/api/customers/export?format=xlsx&lang=en', { as });
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const rows = [];
    for (let n = 2; n <= sheet.rowCount; n++) {
      const values = (sheet.getRow(n).values as unknown[]).slice(1);
      rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i]])));
    }
    return { headers, rows };
  };

  it('shows last and next follow-up and the open pipeline per currency, sorts by them, and exports them', async () => {
    const followed = await make.customer({ name: '上海远洋国际货运' });
    const quiet = await make.customer({ name: '青岛港湾物流' });
    await make.note({ customerId: followed.id, body: '电话沟通运价' });
    await make.task({ title: '回访', dueAt: '2030-01-05T02:00:00Z', related: { type: 'customer', id: followed.id } });
    await make.task({ title: '报价', dueAt: '2030-01-03T02:00:00Z', related: { type: 'customer', id: followed.id } });
    await make.opportunity({ customerId: followed.id, expectedRevenue: { amount: '1000.50', currency: 'USD' } });
    await make.opportunity({ customerId: followed.id, expectedRevenue: { amount: '2000', currency: 'USD' } });
    await make.opportunity({ customerId: followed.id, expectedRevenue: { amount: '500', currency: 'CNY' } });
    const contact = await make.contact({ customerId: followed.id, name: '王经理', isPrimary: true });
    expect(contact.isPrimary).toBe(true);
    const tag = (await t.request('POST', '/api/tags', { as: admin, body: { name: 'VIP', color: 'gold' } })).json();
    await t.request('POST', '/api/customers/bulk-tags', {
      as: admin,
      body: { customerIds: [followed.id], add: [tag.id], remove: [] },
    });

    const rows = await list(admin);
    const row = rows.find((c) => c.id === followed.id);
    expect(row?.lastFollowUpAt).toEqual(expect.any(String));
    expect(row?.nextFollowUpAt).toBe('2030-01-03T02:00:00.000Z');
    expect(row?.openPipeline).toEqual([
      { amount: '500.00', currency: 'CNY' },
      { amount: '3000.50', currency: 'USD' },
    ]);
    expect(rows.find((c) => c.id === quiet.id)).toMatchObject({
      lastFollowUpAt: null,
      nextFollowUpAt: null,
      openPipeline: [],
    });

    // Sorted by them, keyset pages included.
    expect((await list(admin, '&sort=-lastFollowUpAt')).map((c) => c.id)[0]).toBe(followed.id);
    expect((await list(admin, '&sort=lastFollowUpAt')).map((c) => c.id)[0]).toBe(quiet.id);
    expect((await list(admin, '&sort=nextFollowUpAt')).map((c) => c.id)[0]).toBe(followed.id);
    const first = (await t.request('GET', '/api/customers?limit=1&sort=nextFollowUpAt', { as: admin })).json();
    const second = (
      await t.request('GET', `/api/customers?limit=1&sort=nextFollowUpAt&cursor=${first.nextCursor}`, { as: admin })
    ).json();
    expect(second.items.map((c: { id: string }) => c.id)).toEqual([quiet.id]);

    const { headers, rows: exported } = await workbook(admin);
    expect(headers).toEqual(
      expect.arrayContaining([
        'Tags',
        'Primary contact',
        'Last follow-up',
        'Next follow-up',
        'Open pipeline (CNY)',
        'Open pipeline (USD)',
      ]),
    );
    const line = exported.find((r) => r.Name === '上海远洋国际货运');
    expect(line).toMatchObject({ Tags: 'VIP', 'Primary contact': '王经理', 'Open pipeline (USD)': 3000.5 });
    expect(line?.['Last follow-up']).toBeInstanceOf(Date);
    // 02:00 UTC is 10:00 in Beijing, the organisation's zone.
    expect((line?.['Next follow-up'] as Date | undefined)?.toISOString()).toBe('2030-01-03T10:00:00.000Z');
  });

  it('shows no pipeline amounts to a role without the revenue right, in the list or the export', async () => {
    const customer = await make.customer({ name: '宁波北仑货代' });
    await make.opportunity({ customerId: customer.id, expectedRevenue: { amount: '800', currency: 'USD' } });
    const marketing = await make.user('marketing');
    expect((await list(marketing)).find((c) => c.id === customer.id)?.openPipeline).toBeNull();
    const { headers } = await workbook(marketing);
    expect(headers.filter((h) => h.startsWith('Open pipeline'))).toEqual([]);

    // A rep sees the revenue of their own deals only, also on their own customer.
    const team = await make.team({ name: '华南销售部' });
    const rep = await make.user('sales_rep', { teamId: team.id });
    const mine = await make.customer({ name: '厦门海联', ownerId: rep.id });
    await make.opportunity({
      customerId: mine.id,
      ownerId: admin.id,
      expectedRevenue: { amount: '900', currency: 'USD' },
    });
    await make.as(rep).opportunity({ customerId: mine.id, expectedRevenue: { amount: '100', currency: 'EUR' } });
    expect((await list(rep)).find((c) => c.id === mine.id)?.openPipeline).toEqual([
      { amount: '100.00', currency: 'EUR' },
    ]);
  });

  it('filters by port of discharge without a port of loading', async () => {
    const la = await make.customer({
      name: '洛杉矶线客户',
      tradeProfile: { lanes: [{ pol: 'CNSHA', pod: 'USLAX', mode: 'fcl' }] },
    });
    await make.customer({ name: '汉堡线客户', tradeProfile: { lanes: [{ pol: 'CNNGB', pod: 'DEHAM', mode: 'fcl' }] } });
    expect((await list(admin, '&pod=USLAX')).map((c) => c.id)).toEqual([la.id]);
    expect((await list(admin, '&lane=CNNGB&pod=USLAX')).map((c) => c.id)).toEqual([]);
    const count = await t.request('GET', '/api/customers/count?pod=uslax', { as: admin });
    expect(count.json()).toEqual({ count: 1, estimated: false });
  });

  it('counts the list within the caller’s scope, exactly when cheap and estimated otherwise', async () => {
    const team = await make.team({ name: '华北销售部' });
    const rep = await make.user('sales_rep', { teamId: team.id });
    await make.customer({ name: '天津港货代', ownerId: rep.id, status: 'active' });
    await make.customer({ name: '大连港货代', status: 'active' });
    await make.customer({ name: '营口港货代', status: 'prospect' });
    const count = async (as: Member, query = '') =>
      (await t.request('GET', `/api/customers/count${query}`, { as })).json();
    expect(await count(admin)).toEqual({ count: 3, estimated: false });
    expect(await count(admin, '?status=active')).toEqual({ count: 2, estimated: false });
    expect(await count(rep)).toEqual({ count: 1, estimated: false });
    // Where counting would cost more than allowed, the planner's estimate is answered and marked.
    const estimated = await countCustomers(fullAccessCtx(t.db, orgId, admin.id), {}, 0);
    expect(estimated.estimated).toBe(true);
    expect(estimated.count).toBeGreaterThanOrEqual(0);
  });
});
