import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';

type User = Session & { id: string };

describe('shipments report: volume, revenue and gross profit in one currency', () => {
  let t: TestApp;
  let admin: Session;
  let ops: User;
  let manager: User;
  let repA: User;
  let repB: User;
  let customerA: string;
  let customerB: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.setup('报表货代 Report Forwarding');
    const team = await t.request('POST', '/api/teams', { as: admin, body: { name: '华东销售部' } });
    expect(team.statusCode, team.body).toBe(201);
    const teamId = team.json().id as string;
    ops = await t.userWithRole(admin, 'operations', { name: '操作小李' });
    manager = await t.userWithRole(admin, 'sales_manager', { name: '经理', teamId });
    repA = await t.userWithRole(admin, 'sales_rep', { name: '销售甲', teamId });
    repB = await t.userWithRole(admin, 'sales_rep', { name: '销售乙' });
    const customer = async (name: string, owner: User) => {
      const res = await t.request('POST', '/api/customers', {
        as: admin,
        body: { name, ownerId: owner.id, status: 'active' },
      });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { id: string }).id;
    };
    customerA = await customer('上海浦江电子有限公司', repA);
    customerB = await customer('宁波甬港家具有限公司', repB);

    const rates = await t.request('POST', '/api/exchange-rates', {
      as: admin,
      body: {
        items: [
          { base: 'USD', quote: 'CNY', rate: '7.10', date: '2026-01-01' },
          { base: 'USD', quote: 'CNY', rate: '7.20', date: '2026-02-01' },
        ],
      },
    });
    expect(rates.statusCode, rates.body).toBe(200);

    const shipment = (externalId: string, customerId: string, fields: object) => ({
      source: 'tms',
      externalId,
      parties: [{ role: 'shipper', customerId }],
      ...fields,
    });
    const fed = await t.request('POST', '/api/shipments/batch', {
      as: ops,
      body: {
        items: [
          shipment('R-1', customerA, {
            mode: 'fcl',
            pol: 'CNSHA',
            pod: 'USLAX',
            etd: '2026-01-15T10:00:00+08:00',
            containers: [{ number: 'CSQU3054383', type: '40HQ' }],
            volumeCbm: 60,
            grossWeightKg: 10000,
            revenue: { amount: '1000.00', currency: 'USD' },
            cost: { amount: '5000.00', currency: 'CNY' },
          }),
          shipment('R-2', customerA, {
            mode: 'fcl',
            pol: 'CNSHA',
            pod: 'USLAX',
            // 1 February, 01:00 in Shanghai: the day of the February rate, though still January in UTC.
            etd: '2026-01-31T17:00:00Z',
            containers: [{ number: 'BICU1234565', type: '20GP' }],
            volumeCbm: 25,
            grossWeightKg: 8000.5,
            revenue: { amount: '1000.00', currency: 'USD' },
            cost: { amount: '500.00', currency: 'USD' },
          }),
          shipment('R-3', customerB, {
            mode: 'lcl',
            pol: 'CNNGB',
            pod: 'DEHAM',
            etd: '2026-02-20T09:00:00+08:00',
            volumeCbm: 10,
            grossWeightKg: 1500,
            revenue: { amount: '8000.00', currency: 'CNY' },
            cost: { amount: '6000.00', currency: 'CNY' },
          }),
          // Before the first rate: only a report that includes it needs a rate that does not exist.
          shipment('R-0', customerB, {
            mode: 'air',
            pol: 'CNPVG',
            pod: 'USORD',
            etd: '2025-12-20T09:00:00+08:00',
            grossWeightKg: 300,
            revenue: { amount: '900.00', currency: 'USD' },
          }),
        ],
      },
    });
    expect(fed.statusCode, fed.body).toBe(200);
    expect(fed.json().items.map((i: { status: string }) => i.status)).toEqual([
      'created',
      'created',
      'created',
      'created',
    ]);
  });
  afterAll(() => t.close());

  const report = (as: Session, query: string) => t.request('GET', `/api/reports/shipments?${query}`, { as });
  const cny = (amount: string) => ({ amount, currency: 'CNY' });

  it('totals volume and money per month, each amount converted at the rate of its shipment’s day', async () => {
    const res = await report(admin, 'groupBy=month&from=2026-01-01');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ groupBy: 'month', currency: 'CNY', from: '2026-01-01', to: null });
    expect(body.groups).toEqual([
      expect.objectContaining({
        key: '2026-01',
        shipments: 1,
        teu: 2,
        cbm: 60,
        kg: 10000,
        revenue: cny('7100.00'),
        cost: cny('5000.00'),
        grossProfit: cny('2100.00'),
        moneyHidden: 0,
        filter: { etdFrom: '2026-01-01', etdTo: '2026-01-31' },
      }),
      expect.objectContaining({
        key: '2026-02',
        shipments: 2,
        teu: 1,
        cbm: 35,
        kg: 9500.5,
        // 1000 USD at 7.20 (the February rate) + 8000 CNY; cost 500 USD at 7.20 + 6000 CNY.
        revenue: cny('15200.00'),
        cost: cny('9600.00'),
        grossProfit: cny('5600.00'),
        filter: { etdFrom: '2026-02-01', etdTo: '2026-02-28' },
      }),
    ]);
    expect(body.totals).toEqual({
      shipments: 3,
      teu: 3,
      cbm: 95,
      kg: 19500.5,
      revenue: cny('22300.00'),
      cost: cny('14600.00'),
      grossProfit: cny('7700.00'),
      moneyHidden: 0,
    });
  });

  it('converts into another currency with the inverse of the stored pair, and groups by customer and lane', async () => {
    const byCustomer = (await report(admin, 'groupBy=customer&currency=usd&from=2026-01-01')).json();
    expect(byCustomer.currency).toBe('USD');
    expect(byCustomer.groups).toEqual([
      expect.objectContaining({
        key: customerA,
        customerId: customerA,
        label: '上海浦江电子有限公司',
        shipments: 2,
        revenue: { amount: '2000.00', currency: 'USD' },
        // 5000 CNY / 7.10 + 500 USD
        cost: { amount: '1204.23', currency: 'USD' },
        filter: { customerId: customerA, etdFrom: '2026-01-01' },
      }),
      expect.objectContaining({
        key: customerB,
        shipments: 1,
        // 8000 CNY / 7.20 and 6000 CNY / 7.20
        revenue: { amount: '1111.11', currency: 'USD' },
        cost: { amount: '833.33', currency: 'USD' },
        grossProfit: { amount: '277.78', currency: 'USD' },
      }),
    ]);

    const byLane = (await report(admin, 'groupBy=lane&from=2026-01-01&to=2026-02-28')).json();
    expect(byLane.groups.map((g: { key: string; shipments: number }) => [g.key, g.shipments])).toEqual([
      ['CNSHA-USLAX:fcl', 2],
      ['CNNGB-DEHAM:lcl', 1],
    ]);
    expect(byLane.groups[0].filter).toEqual({
      lane: 'CNSHA-USLAX',
      mode: 'fcl',
      etdFrom: '2026-01-01',
      etdTo: '2026-02-28',
    });
  });

  it('drills down: each group’s filter lists exactly its shipments', async () => {
    const body = (await report(admin, 'groupBy=lane&from=2026-01-01')).json();
    for (const group of body.groups as { shipments: number; filter: Record<string, string> }[]) {
      const list = await t.request('GET', `/api/shipments?${new URLSearchParams(group.filter)}&limit=50`, {
        as: admin,
      });
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().items).toHaveLength(group.shipments);
    }
  });

  it('answers a missing rate with a problem naming the pair and the day, never a silent 1:1', async () => {
    const res = await report(admin, 'groupBy=month');
    expect(res.statusCode, res.body).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'money.rate_missing',
      errors: [{ field: 'currency', code: 'money.rate_missing', message: 'USD/CNY 2025-12-20' }],
    });
    expect(res.json().detail).toContain('USD/CNY, 2025-12-20');
    // Another currency without any rate names its first day too.
    const eur = await report(admin, 'groupBy=month&currency=EUR&from=2026-01-01');
    expect(eur.statusCode).toBe(422);
    expect(eur.json().detail).toMatch(/(CNY|USD)\/EUR, 2026-01-15/);
    // A rate entered for that day makes it work.
    await t.request('POST', '/api/exchange-rates', {
      as: admin,
      body: { base: 'USD', quote: 'CNY', rate: '7.00', date: '2025-12-01' },
    });
    const now = (await report(admin, 'groupBy=month')).json();
    expect(now.groups[0]).toMatchObject({ key: '2025-12', revenue: cny('6300.00'), cost: cny('0.00') });
    await t.request('DELETE', '/api/exchange-rates/USD/CNY/2025-12-01', { as: admin });
  });

  it('shows a rep only their own customers’ shipments, and their manager the team’s', async () => {
    const rep = (await report(repA, 'groupBy=customer&from=2026-01-01')).json();
    expect(rep.groups.map((g: { customerId: string }) => g.customerId)).toEqual([customerA]);
    expect(rep.totals.shipments).toBe(2);
    const other = (await report(repB, 'groupBy=customer&from=2026-01-01')).json();
    expect(other.groups.map((g: { customerId: string }) => g.customerId)).toEqual([customerB]);
    const team = (await report(manager, 'groupBy=month&from=2026-01-01')).json();
    expect(team.totals).toMatchObject({ shipments: 2, revenue: cny('14300.00'), moneyHidden: 0 });
  });

  it('leaves the money out for who may not see it, but not the volume', async () => {
    // A sales rep has no financial right today; operations reads every shipment but no money.
    const rep = (await report(repA, 'groupBy=month&from=2026-01-01')).json();
    expect(rep.totals).toMatchObject({ shipments: 2, teu: 3, revenue: null, cost: null, grossProfit: null });
    expect(rep.totals.moneyHidden).toBe(2);
    const operations = (await report(ops, 'groupBy=lane&from=2026-01-01')).json();
    expect(operations.totals).toMatchObject({ shipments: 3, revenue: null, grossProfit: null, moneyHidden: 3 });
    expect(operations.groups.every((g: { revenue: unknown }) => g.revenue === null)).toBe(true);
  });

  it('refuses a bad currency or period (400), and a caller without the shipments right', async () => {
    expect((await report(admin, 'currency=XXY')).statusCode).toBe(400);
    expect((await report(admin, 'from=2026-03-01&to=2026-01-01')).statusCode).toBe(400);
    expect((await report(admin, 'groupBy=week')).statusCode).toBe(400);
    const marketing = await t.userWithRole(admin, 'marketing');
    expect((await report(marketing, 'groupBy=month')).statusCode).toBe(403);
  });
});
