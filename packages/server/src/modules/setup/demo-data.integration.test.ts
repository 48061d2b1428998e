import { isValidContainerNumber, systemClock } from '@berth/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { demoLoadTimeout, runJob } from '../../../test/storage';
import { queryRows } from '../../db/database';
import { demoPassword, loadDemoData } from './demo-data';

describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await loadDemoData(t.db, t.app.log);
  }, demoLoadTimeout);
  afterAll(() => t.close());

  it('creates a forwarder with a user per role and a few hundred valid customers with contacts', async () => {
    const [counts] = await queryRows<{ customers: number; contacts: number; users: number; bad_phones: number }>(
      t.db,
      sql`select (select count(*)::int from customers) as customers,
                 (select count(*)::int from contacts) as contacts,
                 (select count(*)::int from users) as users,
                 (select count(*)::int from customers where phone not like '+%') as bad_phones`,
    );
    expect(counts?.customers).toBeGreaterThan(250);
    expect(counts?.contacts).toBeGreaterThan(counts?.customers ?? 0);
    expect(counts?.users).toBe(9);
    expect(counts?.bad_phones).toBe(0);
  });

  it('starts the pool clocks of every owned customer, the leads met at its events included', async () => {
    const [clocks] = await queryRows<{ owned: number; without: number; unprotected: number }>(
      t.db,
      sql`select count(*)::int as owned,
                 (count(*) filter (where owner_since is null))::int as without,
                 (count(*) filter (where protected_until is null or protected_until <= owner_since))::int as unprotected
            from customers where owner_id is not null`,
    );
    expect(clocks?.owned).toBeGreaterThan(250);
    expect(clocks).toMatchObject({ without: 0, unprotected: 0 });
  });

  it('lets each demo user sign in and see what their role allows', async () => {
    const admin = await t.login('admin@demo.berth.local', demoPassword);
    const rep = await t.login('wang.sales@demo.berth.local', demoPassword);
    const all = (await t.request('GET', '/api/customers?limit=200', { as: admin })).json().items;
    const mine = (await t.request('GET', '/api/customers?limit=200', { as: rep })).json().items;
    expect(all.length).toBe(200);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((c: { ownerId: string }) => c.ownerId === rep.me.user.id)).toBe(true);
  });

  it('opens with a public pool: its rule, customers returned or released weeks ago, owners warned of returns due', async () => {
    const day = 86_400_000;
    const admin = await t.login('admin@demo.berth.local', demoPassword);
    const rules = (await t.request('GET', '/api/pool/rules', { as: admin })).json();
    expect(rules.default).toMatchObject({
      enabled: true,
      noFollowUpDays: 30,
      noDealDays: 180,
      warnDaysBefore: 5,
      version: 1,
    });

    const pool = (await t.request('GET', '/api/pool?limit=50', { as: admin })).json().items as {
      id: string;
      pooledAt: string;
      previousOwnerId: string | null;
      teamId: string | null;
    }[];
    expect(pool.map((c) => Math.round((Date.now() - Date.parse(c.pooledAt)) / day))).toEqual([
      1, 3, 6, 10, 15, 22, 37, 54,
    ]);
    expect(pool.every((c) => c.previousOwnerId !== null && c.teamId !== null)).toBe(true);
    // A rep sees the pool of their own team, and may claim from it.
    const rep = await t.login('wang.sales@demo.berth.local', demoPassword);
    const teamPool = (await t.request('GET', '/api/pool?limit=50', { as: rep })).json().items as { teamId: string }[];
    expect(teamPool.length).toBeGreaterThan(0);
    expect(teamPool.every((c) => c.teamId === rep.me.user.teamId)).toBe(true);
    expect((await t.request('GET', '/api/pool/quota', { as: rep })).json()).toMatchObject({ remaining: 5 });
    // Each customer's history says how it got there; the pipeline is on other customers.
    const [history] = await queryRows<{ auto: number; released: number; with_reason: number; in_pipeline: number }>(
      t.db,
      sql`select count(*) filter (where o.kind = 'auto_return' and o.details ->> 'rule' is not null)::int as auto,
                 count(*) filter (where o.kind = 'release')::int as released,
                 count(*) filter (where o.kind = 'release' and o.reason is not null)::int as with_reason,
                 (select count(*)::int from opportunities p
                   where p.customer_id in (select id from customers where pooled_at is not null)) as in_pipeline
            from ownership_changes o`,
    );
    expect(history).toEqual({ auto: 5, released: 3, with_reason: 3, in_pipeline: 0 });

    // Four owned customers fall due within the warning period: their owners have been warned.
    const warnings = await queryRows<{ user_id: string; owner_id: string; days: number }>(
      t.db,
      sql`select n.user_id, c.owner_id, (n.params ->> 'days')::int as days
            from notifications n join customers c on c.id = n.subject_id
           where n.kind = 'pool.warning' order by days`,
    );
    expect(warnings.map((w) => w.days)).toEqual([1, 2, 3, 4]);
    expect(warnings.every((w) => w.user_id === w.owner_id)).toBe(true);
    const [warned] = await queryRows<{ id: string; owner_id: string }>(
      t.db,
      sql`select id, owner_id from customers where pool_warned_at is not null order by code limit 1`,
    );
    const ownership = (await t.request('GET', `/api/customers/${warned?.id}/ownership`, { as: admin })).json();
    const returnsIn = (Date.parse(ownership.returnsAt) - Date.now()) / day;
    expect(returnsIn).toBeGreaterThan(4.9);
    expect(returnsIn).toBeLessThanOrEqual(5);
    // The hourly check finds nothing more to do today.
    expect(await runJob(t, 'pool.sweep', systemClock)).toEqual({ warned: 0, returned: 0 });
  });

  it('ships two years of seasonal freight for its customers, with rates for every day and some exceptions', async () => {
    const day = 86_400_000;
    const admin = await t.login('admin@demo.berth.local', demoPassword);
    const [counts] = await queryRows<{
      shipments: number;
      customers: number;
      fcl: number;
      lcl: number;
      air: number;
      usd: number;
      cny: number;
      first: string;
    }>(
      t.db,
      sql`select count(*)::int as shipments, count(distinct customer_id)::int as customers,
                 count(*) filter (where mode = 'fcl')::int as fcl, count(*) filter (where mode = 'lcl')::int as lcl,
                 count(*) filter (where mode = 'air')::int as air,
                 count(*) filter (where revenue_currency = 'USD')::int as usd,
                 count(*) filter (where revenue_currency = 'CNY')::int as cny,
                 min(etd)::text as first
            from shipments`,
    );
    expect(counts?.shipments).toBeGreaterThan(1500);
    expect(counts?.customers).toBeGreaterThan(100);
    expect(counts?.fcl).toBeGreaterThan(counts?.lcl ?? 0);
    expect(counts?.lcl).toBeGreaterThan(counts?.air ?? 0);
    expect(counts?.air).toBeGreaterThan(0);
    expect(Math.min(counts?.usd ?? 0, counts?.cny ?? 0)).toBeGreaterThan(200);
    expect((Date.now() - Date.parse(counts?.first ?? '')) / day).toBeGreaterThan(700);

    // Every container number carries its ISO 6346 check digit.
    const boxes = await queryRows<{ number: string }>(t.db, sql`select number from shipment_containers`);
    expect(boxes.length).toBeGreaterThan(1000);
    expect(boxes.filter((b) => !isValidContainerNumber(b.number))).toEqual([]);

    // Milestones with exceptions; the overseas consignees wait in the review queue.
    const events = await queryRows<{ type: string; n: number }>(
      t.db,
      sql`select type, count(*)::int as n from shipment_events group by type`,
    );
    const byType = Object.fromEntries(events.map((e) => [e.type, e.n]));
    for (const type of [
      'booked',
      'departed',
      'arrived',
      'delivered',
      'rolled',
      'customs_hold',
      'eta_changed',
      'damaged',
    ])
      expect(byType[type], type).toBeGreaterThan(0);
    const queue = (await t.request('GET', '/api/shipment-parties/unmatched?status=open', { as: admin })).json().items;
    expect(queue.length).toBeGreaterThan(3);
    expect(queue.every((p: { roles: string[] }) => p.roles.includes('consignee'))).toBe(true);

    // Seasons: peak July–October, the Chinese New Year trough (lunar, moves every year), Golden Week.
    const report = await t.request('GET', '/api/reports/shipments?groupBy=month', { as: admin });
    expect(report.statusCode, report.body).toBe(200);
    const months = report.json().groups as { month: string; shipments: number; revenue: { currency: string } }[];
    expect(months.length).toBeGreaterThanOrEqual(24);
    const full = months.slice(1, -1);
    const average = (list: typeof full) => list.reduce((sum, m) => sum + m.shipments, 0) / list.length;
    const peak = full.filter((m) => ['07', '08', '09', '10'].includes(m.month.slice(5)));
    const rest = full.filter((m) => !['07', '08', '09', '10'].includes(m.month.slice(5)));
    expect(average(peak)).toBeGreaterThan(average(rest) * 1.2);
    const count = async (from: number, to: number) => {
      const [row] = await queryRows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from shipments where etd >= ${new Date(from).toISOString()}::timestamptz
              and etd < ${new Date(to).toISOString()}::timestamptz`,
      );
      return row?.n ?? 0;
    };
    const newYears = ['2024-02-10', '2025-01-29', '2026-02-17', '2027-02-06', '2028-01-26', '2029-02-13']
      .map((d) => Date.parse(`${d}T00:00:00+08:00`))
      .filter((at) => at > Date.now() - 680 * day && at < Date.now() - 20 * day);
    expect(newYears.length).toBeGreaterThan(0);
    for (const cny of newYears) {
      expect(await count(cny - 5 * day, cny + 12 * day)).toBeLessThan((await count(cny - 22 * day, cny - 5 * day)) / 2);
    }
    const goldenWeeks = [2024, 2025, 2026, 2027, 2028]
      .map((y) => Date.parse(`${y}-10-01T00:00:00+08:00`))
      .filter((at) => at > Date.now() - 720 * day && at < Date.now() - 14 * day);
    for (const start of goldenWeeks) {
      expect(await count(start, start + 7 * day)).toBeLessThan((await count(start + 7 * day, start + 14 * day)) * 0.6);
    }
  });

  it('does nothing when an organisation already exists', async () => {
    await loadDemoData(t.db, t.app.log);
    const [row] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from organizations`);
    expect(row?.n).toBe(1);
  });
});
