import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageApi, setUpOrganization, signIn } from './console-session';
import { choose } from './pick-option';
import { openBrowser, sharedServer } from './run-context';
import type { E2eServer } from './server-process';

const admin = { email: 'admin@report-forwarding.example', password: 'Shipment-report-2026' };
const day = 86_400_000;
/** Noon UTC `days` ago: the same calendar day in Shanghai and in the browser. */
const daysAgo = (days: number) => new Date(Math.floor(Date.now() / day) * day - days * day + day / 2).toISOString();

interface Figures {
  shipments: number;
  teu: number;
  cbm: number;
  kg: number;
  revenue: { amount: string; currency: string } | null;
  grossProfit: { amount: string; currency: string } | null;
}
interface Group extends Figures {
  key: string;
  label: string;
  pol: string | null;
  pod: string | null;
}

describe('the shipments report in the browser shows the API’s figures (zh-CN and en)', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = sharedServer();
    await setUpOrganization(server, '厦门报表货代', admin);
    browser = await openBrowser();
    page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await signIn(page, server, admin);
    const rate = await api('POST', '/api/exchange-rates', {
      base: 'USD',
      quote: 'CNY',
      rate: '7.1',
      date: daysAgo(400).slice(0, 10),
    });
    expect(rate.status, JSON.stringify(rate.body)).toBe(200);
    const customer = async (name: string) => {
      const res = await api('POST', '/api/customers', { name, status: 'active' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const east = await customer('厦门东渡贸易有限公司');
    const west = await customer('成都西部电子有限公司');
    const item = (externalId: string, customerId: string, etd: string, extra: object) => ({
      source: 'tms',
      externalId,
      mode: 'fcl',
      pol: 'CNXMN',
      pod: 'USLAX',
      etd,
      parties: [{ role: 'booking_customer', customerId }],
      ...extra,
    });
    const batch = await api('POST', '/api/shipments/batch', {
      items: [
        item('XM-1', east, daysAgo(2), {
          containers: [{ number: 'CSQU3054383', type: '40HQ' }],
          volumeCbm: 60,
          grossWeightKg: 12000,
          revenue: { amount: '1000.00', currency: 'USD' },
          cost: { amount: '5000.00', currency: 'CNY' },
        }),
        item('XM-2', east, daysAgo(45), {
          containers: [{ number: 'BICU1234565', type: '20GP' }],
          volumeCbm: 28.5,
          grossWeightKg: 8000,
          revenue: { amount: '5000.00', currency: 'CNY' },
          cost: { amount: '300.00', currency: 'USD' },
        }),
        item('XM-3', west, daysAgo(45), {
          pod: 'DEHAM',
          containers: [
            { number: 'MSCU1234566', type: '40GP' },
            { number: 'CSQU3054383', type: '20GP' },
          ],
          volumeCbm: 70,
          grossWeightKg: 20000,
          revenue: { amount: '12345.67', currency: 'CNY' },
          cost: { amount: '10000.00', currency: 'CNY' },
        }),
      ],
    });
    expect(batch.status, JSON.stringify(batch.body)).toBe(200);
    expect(batch.body.items.map((i: { status: string }) => i.status)).toEqual(['created', 'created', 'created']);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const api = (method: string, path: string, body?: unknown) => pageApi(page, method, path, body);

  /** The report the page asked for, asked again of the API with the same query. */
  const reportOfPage = async (change: () => Promise<unknown>) => {
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().includes('/api/reports/shipments')),
      change(),
    ]);
    const url = new URL(request.url());
    const answer = await api('GET', `${url.pathname}${url.search}`);
    expect(answer.status).toBe(200);
    await page.getByTestId('report-total-shipments').waitFor();
    return { query: url.searchParams, report: answer.body as { groups: Group[]; totals: Figures } };
  };
  /** The table's rows as their cells' texts, the total row last. */
  const tableText = () =>
    page.evaluate(() =>
      Array.from(
        document.querySelectorAll(
          '[data-testid="report-table"] tbody tr.ant-table-row, [data-testid="report-table"] .ant-table-summary tr',
        ),
      ).map((row) => Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim() ?? '')),
    );
  const numberIn = (locale: string) => (n: number) => new Intl.NumberFormat(locale).format(n);
  const amountIn = (locale: string) => (m: { amount: string; currency: string } | null) => {
    if (!m) return '';
    const [whole = '0', fraction] = m.amount.replace('-', '').split('.');
    return `${m.amount.startsWith('-') ? '-' : ''}${new Intl.NumberFormat(locale).format(BigInt(whole))}.${fraction} ${m.currency}`;
  };
  const rowOf = (locale: string, label: string, g: Figures) => {
    const n = numberIn(locale);
    return [
      label,
      String(g.shipments),
      n(g.teu),
      n(g.cbm),
      n(g.kg),
      amountIn(locale)(g.revenue),
      amountIn(locale)(g.grossProfit),
    ];
  };
  const expectTable = async (locale: string, report: { groups: Group[]; totals: Figures }, totalLabel: string) => {
    await expect
      .poll(async () => (await tableText()).map((cells) => cells.slice(0, 7)))
      .toEqual([...report.groups.map((g) => rowOf(locale, g.label, g)), rowOf(locale, totalLabel, report.totals)]);
  };

  it('by month and by customer in Chinese, converted to CNY, drilling down to the shipments', async () => {
    const byMonth = await reportOfPage(() => page.goto(`${server.url}/reports/shipments`));
    expect(byMonth.query.get('groupBy')).toBe('month');
    // The figures are the ones the feed wrote: revenue 1000 USD at 7.1 + 5000 + 12345.67 CNY, cost 5000 CNY + 300 USD
    // at 7.1 + 10000 CNY.
    expect(byMonth.report.totals).toMatchObject({
      shipments: 3,
      teu: 6,
      cbm: 158.5,
      kg: 40000,
      revenue: { amount: '24445.67', currency: 'CNY' },
      grossProfit: { amount: '7315.67', currency: 'CNY' },
    });
    await expectTable('zh-CN', byMonth.report, '合计');

    const byCustomer = await reportOfPage(() => page.getByTestId('report-group-by').getByText('按客户').click());
    expect(byCustomer.query.get('groupBy')).toBe('customer');
    expect(byCustomer.report.groups.map((g) => g.shipments).sort()).toEqual([1, 2]);
    await expectTable('zh-CN', byCustomer.report, '合计');

    const east = byCustomer.report.groups.find((g) => g.label.includes('东渡')) as Group;
    await page.getByTestId(`report-drill-${east.key}`).click();
    await expect.poll(() => page.getByTestId('shipment-table').locator('tbody tr.ant-table-row').count()).toBe(2);
  });

  it('by lane in English and in another currency', async () => {
    await page.evaluate(() => window.localStorage.setItem('berth.locale', 'en'));
    await reportOfPage(() => page.goto(`${server.url}/reports/shipments`));
    const byLane = await reportOfPage(() => page.getByTestId('report-group-by').getByText('Lane').click());
    expect(byLane.report.groups).toHaveLength(2);
    const inUsd = await reportOfPage(() => choose(page, page.getByTestId('report-currency'), 'USD'));
    expect(inUsd.query.get('currency')).toBe('USD');
    // Summed exactly, rounded once: 1000 + (5000 + 12345.67) / 7.1 = 3443.052… (each shipment rounded on its own
    // would give 1000 + 704.23 + 1738.83 = 3443.06).
    expect(inUsd.report.totals.revenue).toEqual({ amount: '3443.05', currency: 'USD' });
    const laneLabel = (g: Group) => `${g.pol} → ${g.pod} · FCL`;
    await expect
      .poll(async () => (await tableText()).map((cells) => cells.slice(0, 7)))
      .toEqual([
        ...inUsd.report.groups.map((g) => rowOf('en', laneLabel(g), g)),
        rowOf('en', 'Total', inUsd.report.totals),
      ]);
  });
});
