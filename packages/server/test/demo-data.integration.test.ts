import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database';
import { demoPassword, loadDemoData } from '../src/modules/setup/demo-data';
import { startTestApp, type TestApp } from './harness';

describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await loadDemoData(t.db, t.app.log);
  });
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

  it('lets each demo user sign in and see what their role allows', async () => {
    const admin = await t.login('admin@demo.berth.local', demoPassword);
    const rep = await t.login('wang.sales@demo.berth.local', demoPassword);
    const all = (await t.request('GET', '/api/customers?limit=200', { as: admin })).json().items;
    const mine = (await t.request('GET', '/api/customers?limit=200', { as: rep })).json().items;
    expect(all.length).toBe(200);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((c: { ownerId: string }) => c.ownerId === rep.me.user.id)).toBe(true);
  });

  it('does nothing when an organisation already exists', async () => {
    await loadDemoData(t.db, t.app.log);
    const [row] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from organizations`);
    expect(row?.n).toBe(1);
  });
});
