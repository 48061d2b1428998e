import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';
import { queryRows } from '../../db/database';

/**
 * The report's aggregate (`shipment_report_days`, kept by the triggers of migration 0036) must always hold what a
 * pass over the shipments computes: after the feed's inserts, corrections of amounts, customer, lane and ETD, deletes,
 * a customer merge and any sequence of random changes.
 */
describe('shipments report aggregate: always the sum of the shipments', () => {
  let t: TestApp;
  let admin: Session;
  let ops: Session;
  let orgId: string;
  const customerIds: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.setup('汇总货代 Aggregate Forwarding');
    orgId = admin.me.organization.id;
    ops = await t.userWithRole(admin, 'operations');
    for (const name of ['杭州西湖茶业有限公司', '苏州工业园精密制造有限公司', '厦门鹭岛水产有限公司']) {
      const res = await t.request('POST', '/api/customers', { as: admin, body: { name, status: 'active' } });
      expect(res.statusCode, res.body).toBe(201);
      customerIds.push(res.json().id);
    }
    const rate = await t.request('POST', '/api/exchange-rates', {
      as: admin,
      body: { base: 'USD', quote: 'CNY', rate: '7.10', date: '2026-01-01' },
    });
    expect(rate.statusCode, rate.body).toBe(200);
  });
  afterAll(() => t.close());

  /** The aggregate as stored, and as computed from the shipments now, in one comparable shape. */
  const keyed = sql`org_id::text, day::text, customer_id::text, pol, pod, mode, revenue_currency, cost_currency,
                    shipments::int, trim_scale(teu)::text as teu, trim_scale(cbm)::text as cbm,
                    trim_scale(kg)::text as kg, trim_scale(revenue_amount)::text as revenue,
                    trim_scale(cost_amount)::text as cost`;
  const stored = () =>
    queryRows(
      t.db,
      sql`select ${keyed} from shipment_report_days where org_id = ${orgId} order by 1, 2, 3, 4, 5, 6, 7, 8`,
    );
  const computed = () =>
    queryRows(
      t.db,
      sql`select ${keyed}
            from (select org_id, (etd at time zone 'Asia/Shanghai')::date as day,
                         coalesce(customer_id, '00000000-0000-0000-0000-000000000000') as customer_id,
                         coalesce(pol, '') as pol, coalesce(pod, '') as pod, mode,
                         case when revenue_amount is null then '' else revenue_currency end as revenue_currency,
                         case when cost_amount is null then '' else cost_currency end as cost_currency,
                         count(*) as shipments, sum(teu) as teu, coalesce(sum(volume_cbm), 0) as cbm,
                         coalesce(sum(gross_weight_kg), 0) as kg, coalesce(sum(revenue_amount), 0) as revenue_amount,
                         coalesce(sum(cost_amount), 0) as cost_amount
                    from shipments
                   where org_id = ${orgId} and etd is not null
                   group by 1, 2, 3, 4, 5, 6, 7, 8) s
           order by 1, 2, 3, 4, 5, 6, 7, 8`,
    );
  const expectConsistent = async () => expect(await stored()).toEqual(await computed());

  const feed = async (items: object[]) => {
    const res = await t.request('POST', '/api/shipments/batch', { as: ops, body: { items } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as { status: string; id: string }[];
  };
  const shipment = (externalId: string, customer: number, fields: object = {}) => ({
    source: 'tms',
    externalId,
    mode: 'fcl',
    pol: 'CNSHA',
    pod: 'USLAX',
    etd: '2026-03-10T10:00:00+08:00',
    parties: [{ role: 'shipper', customerId: customerIds[customer] }],
    containers: [{ number: 'CSQU3054383', type: '40HQ' }],
    volumeCbm: 60,
    grossWeightKg: 12000.5,
    revenue: { amount: '1000.00', currency: 'USD' },
    cost: { amount: '5000.00', currency: 'CNY' },
    ...fields,
  });
  const correct = async (id: string, body: object) => {
    const { version } = (await t.request('GET', `/api/shipments/${id}`, { as: admin })).json();
    const res = await t.request('PATCH', `/api/shipments/${id}`, {
      as: admin,
      body,
      headers: { 'if-match': `"${version}"` },
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('follows the feed’s inserts, one row per day and key, shipments without ETD left out', async () => {
    const items = await feed([
      shipment('A-1', 0),
      shipment('A-2', 0, { etd: '2026-03-10T23:00:00+08:00' }),
      shipment('A-3', 1, { etd: '2026-03-10T17:00:00Z', revenue: null }),
      shipment('A-4', 2, { etd: null }),
      shipment('A-5', 2, { mode: 'air', pol: 'CNPVG', pod: null, containers: [] }),
    ]);
    expect(items.map((i) => i.status)).toEqual(['created', 'created', 'created', 'created', 'created']);
    await expectConsistent();
    const rows = await stored();
    // A-1 and A-2 share a day and key; A-3 is the next day in Shanghai; A-4 has no ETD.
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ shipments: 2, teu: '4', revenue: '2000', kg: '24001' });
  });

  it('follows corrections of amounts, customer, lane and ETD, and leaves no empty key behind', async () => {
    const [one, two] = await feed([shipment('B-1', 0), shipment('B-2', 1)]);
    await correct(one?.id as string, { revenue: { amount: '1234.56', currency: 'EUR' }, cost: null });
    await expectConsistent();
    await correct(one?.id as string, { parties: [{ role: 'shipper', customerId: customerIds[1] }] });
    await expectConsistent();
    await correct(two?.id as string, { pol: 'CNNGB', pod: 'DEHAM', volumeCbm: 33.3 });
    await expectConsistent();
    await correct(two?.id as string, { etd: '2026-04-01T08:00:00+08:00' });
    await expectConsistent();
    // The feed sending the same shipment with other figures updates it through its upsert.
    await feed([shipment('B-2', 2, { etd: '2026-04-02T08:00:00+08:00', grossWeightKg: 1 })]);
    await expectConsistent();
    const empty = await queryRows(t.db, sql`select 1 from shipment_report_days where shipments = 0`);
    expect(empty).toEqual([]);
  });

  it('follows deletes and tracking updates (which change nothing it holds)', async () => {
    await t.db.execute(sql`update shipments set status = 'departed', atd = now(), eta = now() + interval '20 days'
                            where org_id = ${orgId}`);
    await expectConsistent();
    await t.db.execute(sql`delete from shipments where org_id = ${orgId} and external_id in ('A-1', 'B-1')`);
    await expectConsistent();
  });

  it('follows a customer merge', async () => {
    await feed([shipment('C-1', 2), shipment('C-2', 2, { etd: '2026-03-11T10:00:00+08:00' })]);
    const merged = await t.request('POST', `/api/customers/${customerIds[0]}/merge`, {
      as: admin,
      body: { sourceId: customerIds[2] },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    await expectConsistent();
    const left = await queryRows(
      t.db,
      sql`select 1 from shipment_report_days where org_id = ${orgId} and customer_id = ${customerIds[2]}`,
    );
    expect(left).toEqual([]);
    const report = await t.request('GET', '/api/reports/shipments?groupBy=customer&from=2026-03-11&to=2026-03-11', {
      as: admin,
    });
    expect(report.statusCode, report.body).toBe(200);
    const groups = report.json().groups as { customerId: string; shipments: number }[];
    expect(groups.find((g) => g.customerId === customerIds[0])).toMatchObject({ shipments: 1 });
    expect(groups.some((g) => g.customerId === customerIds[2])).toBe(false);
  });

  it('sums the converted amounts exactly and rounds each figure once: every grouping has the same totals', async () => {
    await feed([
      shipment('D-1', 1, { etd: '2026-06-01T10:00:00+08:00', revenue: null }),
      shipment('D-2', 1, { etd: '2026-06-01T12:00:00+08:00', revenue: null, pod: 'NLRTM' }),
      shipment('D-3', 1, { etd: '2026-06-01T12:00:00+08:00', revenue: null, pod: 'DEHAM' }),
    ]);
    const report = (groupBy: string) =>
      t.request('GET', `/api/reports/shipments?groupBy=${groupBy}&currency=USD&from=2026-06-01&to=2026-06-01`, {
        as: admin,
      });
    // Three lanes of 5,000 CNY at 7.10: 15,000 / 7.10 = 2,112.676… → 2,112.68 (rounded per lane, then added:
    // 3 × 704.23 = 2,112.69). Each lane on its own: 704.225… → 704.23.
    const byMonth = await report('month');
    expect(byMonth.statusCode, byMonth.body).toBe(200);
    expect(byMonth.json().groups).toEqual([
      expect.objectContaining({ key: '2026-06', shipments: 3, cost: { amount: '2112.68', currency: 'USD' } }),
    ]);
    const byLane = (await report('lane')).json();
    expect(byLane.groups.map((g: { cost: { amount: string } }) => g.cost.amount)).toEqual([
      '704.23',
      '704.23',
      '704.23',
    ]);
    expect(byLane.totals.cost).toEqual({ amount: '2112.68', currency: 'USD' });
    expect((await report('customer')).json().totals.cost).toEqual({ amount: '2112.68', currency: 'USD' });
    expect(byMonth.json().totals.grossProfit).toEqual({ amount: '-2112.68', currency: 'USD' });
  });

  it('holds after any sequence of inserts, updates and deletes (property)', async () => {
    const customer = fc.option(fc.integer({ min: 0, max: 2 }), { nil: null });
    const day = fc.integer({ min: 0, max: 3 });
    const amount = fc.option(
      fc.integer({ min: -5000, max: 500_000 }).map((cents) => (cents / 100).toFixed(2)),
      { nil: null },
    );
    const currency = fc.constantFrom('USD', 'CNY');
    const fields = fc.record({
      customer,
      day,
      hour: fc.integer({ min: 0, max: 23 }),
      pol: fc.constantFrom(null, 'CNSHA', 'CNNGB'),
      pod: fc.constantFrom(null, 'USLAX'),
      mode: fc.constantFrom('fcl', 'lcl'),
      teu: fc.integer({ min: 0, max: 4 }),
      cbm: fc.option(fc.integer({ min: 0, max: 70 }), { nil: null }),
      revenue: amount,
      revenueCurrency: currency,
      cost: amount,
      costCurrency: currency,
      noEtd: fc.boolean(),
    });
    type Fields = typeof fields extends fc.Arbitrary<infer F> ? F : never;
    const change = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), rows: fc.array(fields, { minLength: 1, maxLength: 4 }) }),
      fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), to: fields }),
      fc.record({ kind: fc.constant('bulk' as const), from: fc.nat(2), to: customer }),
      fc.record({ kind: fc.constant('tracking' as const) }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    );
    let serial = 0;
    const values = (f: Fields) => {
      const customerId = f.customer === null ? null : (customerIds[f.customer] as string);
      const etd = f.noEtd ? null : new Date(Date.UTC(2026, 4, 1 + f.day, f.hour)).toISOString();
      return sql`${customerId}::uuid, ${f.pol}, ${f.pod}, ${f.mode}, ${etd}::timestamptz, ${f.teu}, ${f.cbm}::numeric,
                 ${f.revenue}::numeric, ${f.revenue === null ? null : f.revenueCurrency},
                 ${f.cost}::numeric, ${f.cost === null ? null : f.costCurrency}`;
    };
    // Shipments of this property only (the earlier tests' stay as they are).
    const mine = sql`org_id = ${orgId} and source = 'prop'`;
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 6 }), async (changes) => {
        for (const c of changes) {
          if (c.kind === 'insert') {
            await t.db.execute(sql`insert into shipments (org_id, source, external_id, customer_id, pol, pod, mode, etd,
                                     teu, volume_cbm, revenue_amount, revenue_currency, cost_amount, cost_currency)
                                   values ${sql.join(
                                     c.rows.map((f) => sql`(${orgId}, 'prop', ${`P-${serial++}`}, ${values(f)})`),
                                     sql`, `,
                                   )}`);
          } else if (c.kind === 'update') {
            await t.db.execute(sql`update shipments
                set (customer_id, pol, pod, mode, etd, teu, volume_cbm, revenue_amount, revenue_currency, cost_amount,
                     cost_currency) = (${values(c.to)})
              where ${mine} and id = (select id from shipments where ${mine} order by id
                                      offset ${c.pick} % greatest(1, (select count(*) from shipments where ${mine}))
                                      limit 1)`);
          } else if (c.kind === 'bulk') {
            // As a merge or a party link does: many shipments to another customer in one statement.
            await t.db.execute(sql`update shipments set customer_id = ${c.to === null ? null : customerIds[c.to]}::uuid
                                    where ${mine} and customer_id = ${customerIds[c.from]}`);
          } else if (c.kind === 'tracking') {
            await t.db.execute(sql`update shipments set status = 'arrived', ata = now() where ${mine}`);
          } else {
            await t.db.execute(sql`delete from shipments
              where ${mine} and id = (select id from shipments where ${mine} order by id
                                      offset ${c.pick} % greatest(1, (select count(*) from shipments where ${mine}))
                                      limit 1)`);
          }
        }
        expect(await stored()).toEqual(await computed());
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 40) },
    );
  });
});
