import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';
import { queryRows } from '../../db/database';
import { fullAccessCtx } from '../../platform/context';
import { customerFilterWhere } from './customer-filter-where';
import { rollupSortOf } from './customer-rollup-sort';
import { customerShipmentRollups } from './tables';

type User = Session & { id: string };
type Sort = 'lastShipmentAt' | 'shipments12m' | 'teu12m' | 'revenue12m';
interface Made {
  id: string;
  ownerId: string;
  status: string;
  name: string;
  values: Record<Sort, string | number | null> | null;
}

/** The values of each customer with a roll-up: ties on every sort, and two instants a microsecond apart. */
const rollupValues: Record<Sort, string | number>[] = [
  ['2026-05-01T10:00:00.123456Z', 5, '12.5', '8000.00'],
  ['2026-05-01T10:00:00.123457Z', 5, '12.5', '8000.00'],
  ['2026-05-01T10:00:00.123456Z', 0, '0', '0.00'],
  ['2026-03-15T00:00:00.000000Z', 9, '40', '120000.50'],
  ['2026-03-15T00:00:00.000000Z', 5, '3.25', '950.00'],
  ['2026-07-20T08:30:00.000000Z', 1, '12.5', '8000.00'],
  ['2026-07-20T08:30:00.000000Z', 0, '0', '0.00'],
  ['2026-01-02T00:00:00.000000Z', 2, '2', '8000.00'],
  ['2026-05-01T10:00:00.123456Z', 9, '40', '0.00'],
  ['2025-12-31T23:59:59.999999Z', 3, '7.75', '430.10'],
].map(([lastShipmentAt, shipments12m, teu12m, revenue12m]) => ({
  lastShipmentAt,
  shipments12m,
  teu12m,
  revenue12m,
})) as Record<Sort, string | number>[];

const compareValues = (sort: Sort, a: string | number, b: string | number) =>
  sort === 'lastShipmentAt' ? String(a).localeCompare(String(b)) : Number(a) - Number(b);

/** The order the list promises: customers with a value by (value, id), then the others by id, both in the direction. */
function expectedOrder(made: Made[], sort: Sort, descending: boolean, sees: (c: Made) => boolean = () => true) {
  const sign = descending ? -1 : 1;
  const byId = (a: Made, b: Made) => sign * (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const valued = made.filter((c) => c.values && sees(c));
  const none = made.filter((c) => !c.values || !sees(c));
  valued.sort((a, b) => sign * compareValues(sort, a.values?.[sort] ?? 0, b.values?.[sort] ?? 0) || byId(a, b));
  return [...valued, ...none.sort(byId)].map((c) => c.id);
}

describe('the customer list sorted by shipment roll-ups', () => {
  let t: TestApp;
  let admin: Session;
  let rep: User;
  let analyst: User;
  let viewer: User;
  const made: Made[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.setup('排序货代 Rollup Sort Forwarding');
    rep = await t.userWithRole(admin, 'sales_rep', { name: '销售小钱' });
    const role = async (key: string, permissions: object) => {
      const res = await t.request('POST', '/api/roles', {
        as: admin,
        body: { key, name: key, nameEn: key, permissions },
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    // Reads every customer but sees the revenue of its own only; reads every customer and no revenue at all.
    await role('account_analyst', { customers: { read: 'org' }, revenue: { read: 'own' } });
    await role('lane_viewer', { customers: { read: 'org' } });
    analyst = await t.userWithRole(admin, 'account_analyst', { name: '分析小孙' });
    viewer = await t.userWithRole(admin, 'lane_viewer', { name: '航线小李' });
    const owners = [admin.me.user.id, rep.id, analyst.id];
    for (let i = 0; i < 15; i++) {
      const name = `${i % 2 ? '排序物流' : '排序贸易'}${String.fromCharCode(0x4e00 + i * 7)}有限公司`;
      const status = i % 3 ? 'active' : 'prospect';
      const ownerId = owners[i % 3] as string;
      const res = await t.request('POST', '/api/customers', { as: admin, body: { name, status, ownerId } });
      expect(res.statusCode, res.body).toBe(201);
      made.push({ id: res.json().id, ownerId, status, name, values: rollupValues[i] ?? null });
    }
    await t.db.insert(customerShipmentRollups).values(
      made.flatMap((c) =>
        c.values
          ? [
              {
                orgId: admin.me.organization.id,
                customerId: c.id,
                firstShipmentAt: new Date('2024-01-01T00:00:00Z'),
                lastShipmentAt: sql`${c.values.lastShipmentAt}::timestamptz` as unknown as Date,
                shipments12m: c.values.shipments12m as number,
                teu12m: String(c.values.teu12m),
                revenue12mAmount: String(c.values.revenue12m),
                revenue12mCurrency: 'CNY',
              },
            ]
          : [],
      ),
    );
  });
  afterAll(() => t.close());

  /** Every page of a list, three customers a page, checking each cursor with `checkCursor`. */
  async function allPages(as: Session, query: string, checkCursor: (value: unknown, id: string) => void = () => {}) {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/customers?limit=3&${query}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.request('GET', url, { as });
      expect(res.statusCode, res.body).toBe(200);
      ids.push(...res.json().items.map((c: { id: string }) => c.id));
      cursor = res.json().nextCursor;
      if (cursor) {
        const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
        checkCursor(value, id);
      }
    } while (cursor);
    return ids;
  }

  it('pages through every order: ties by id, customers without shipments last, in both directions', async () => {
    for (const sort of ['lastShipmentAt', 'shipments12m', 'teu12m', 'revenue12m'] as const) {
      for (const descending of [true, false]) {
        const query = `sort=${descending ? '-' : ''}${sort}`;
        expect(await allPages(admin, query), query).toEqual(expectedOrder(made, sort, descending));
      }
    }
  });

  it('keeps the scope, the filters and the search term', async () => {
    const repOwn = made.filter((c) => c.ownerId === rep.id);
    expect(await allPages(rep, 'sort=-shipments12m')).toEqual(expectedOrder(repOwn, 'shipments12m', true));
    expect(await allPages(rep, 'sort=revenue12m')).toEqual(expectedOrder(repOwn, 'revenue12m', false));
    const prospects = made.filter((c) => c.status === 'prospect');
    expect(await allPages(admin, 'sort=-teu12m&status=prospect')).toEqual(expectedOrder(prospects, 'teu12m', true));
    const logistics = made.filter((c) => c.name.startsWith('排序物流'));
    expect(await allPages(admin, `sort=-lastShipmentAt&q=${encodeURIComponent('排序物流')}`)).toEqual(
      expectedOrder(logistics, 'lastShipmentAt', true),
    );
  });

  it('ranks only the revenue a role may see, and refuses the order to a role that sees none', async () => {
    const sees = (c: Made) => c.ownerId === analyst.id;
    const ids = await allPages(analyst, 'sort=-revenue12m', (value, id) => {
      // A cursor never carries the revenue of a customer whose revenue the caller may not see.
      if (value !== null) expect(made.find((c) => c.id === id)?.ownerId).toBe(analyst.id);
    });
    expect(ids).toEqual(expectedOrder(made, 'revenue12m', true, sees));

    const refused = await t.request('GET', '/api/customers?sort=-revenue12m', { as: viewer });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ field: 'sort', code: 'customer.sort_revenue_hidden' }),
    ]);
    // The other roll-up orders are not guarded.
    expect((await t.request('GET', '/api/customers?sort=-teu12m', { as: viewer })).statusCode).toBe(200);
  });

  it('refuses a cursor whose value does not fit the order', async () => {
    const bad = Buffer.from(JSON.stringify(['not a time', made[0]?.id])).toString('base64url');
    const res = await t.request('GET', `/api/customers?sort=-lastShipmentAt&cursor=${bad}`, { as: admin });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ field: 'cursor', code: 'pagination.cursor_invalid' });
  });

  it('walks the roll-up indexes for a big organisation', async () => {
    const orgId = admin.me.organization.id;
    const [seed] = made;
    // 8,000 more customers copied from one (new id and code), 3,000 of them with a roll-up.
    const copied = (
      await queryRows<{ column_name: string }>(
        t.db,
        sql`select column_name from information_schema.columns
             where table_schema = current_schema() and table_name = 'customers' and is_generated = 'NEVER'
               and column_name not in ('id', 'code', 'credit_code')`,
      )
    ).map((row) => sql.identifier(row.column_name));
    await t.db.execute(sql`insert into customers (id, code, ${sql.join(copied, sql`, `)})
      select gen_random_uuid(), 'X' || lpad(g::text, 7, '0'), ${sql.join(copied, sql`, `)}
        from customers c, generate_series(1, 8000) g
       where c.org_id = ${orgId} and c.id = ${seed?.id}`);
    await t.db.execute(sql`insert into customer_shipment_rollups
        (org_id, customer_id, last_shipment_at, shipments_12m, teu_12m, revenue_12m_amount, revenue_12m_currency)
      select org_id, id, timestamptz '2026-01-01' + (random() * 300) * interval '1 day', (random() * 50)::int,
             round((random() * 80)::numeric, 2), round((random() * 100000)::numeric, 2), 'CNY'
        from customers where org_id = ${orgId} and code like 'X%' and random() < 0.4`);
    await t.db.execute(sql`analyze customers`);
    await t.db.execute(sql`analyze customer_shipment_rollups`);
    const ctx = fullAccessCtx(t.db, orgId, admin.me.user.id);
    const indexes = {
      '-lastShipmentAt': 'customer_shipment_rollups_last_idx',
      shipments12m: 'customer_shipment_rollups_count_idx',
      '-teu12m': 'customer_shipment_rollups_teu_idx',
      '-revenue12m': 'customer_shipment_rollups_revenue_idx',
    };
    for (const [sort, index] of Object.entries(indexes)) {
      const query = rollupSortOf(ctx, sort)?.valued(customerFilterWhere(ctx, {}), 51, undefined);
      const plan = await queryRows<{ 'QUERY PLAN': string }>(t.db, sql`explain ${query?.getSQL()}`);
      const text = plan.map((row) => row['QUERY PLAN']).join('\n');
      expect(text, text).toContain(index);
      expect(text, text).not.toMatch(/\bSort\b/);
    }
    // Copying 8,000 customers runs their search-key triggers: a minute on a loaded machine.
  }, 300_000);
});
