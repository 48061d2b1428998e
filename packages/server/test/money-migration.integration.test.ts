import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, queryRows } from '../src/db/database';
import { migrateDatabase } from '../src/db/migrate';
import { syncBuiltinRoles } from '../src/modules/roles/sync-builtin-roles';

/**
 * Migration 0022 moves the existing amounts onto the money type and splits the `financials` right: a database
 * with the data of the release before (migrations up to 0021) keeps every amount and every grant.
 */
describe('migration 0022: money and the money rights', () => {
  let database: Database;
  const q = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);

  beforeAll(async () => {
    // The migrations as they were before 0022 (0000–0021).
    database = await openDatabase({});
    await migrateDatabase(database, { count: 22 });

    const [org] = await q<{ id: string }>(sql`insert into organizations (name) values ('旧数据货代') returning id`);
    const orgId = (org as { id: string }).id;
    const role = (key: string, builtin: boolean, permissions: object, done: string[]) =>
      q(sql`insert into roles (org_id, key, name, name_en, builtin, permissions, builtin_resources)
            values (${orgId}, ${key}, ${key}, ${key}, ${builtin}, ${JSON.stringify(permissions)}::jsonb,
                    ${`{${done.join(',')}}`}::text[])`);
    const done = ['customers', 'opportunities', 'financials', 'personalData'];
    await role('management', true, { financials: { read: 'org' }, customers: { read: 'org' } }, done);
    await role('sales_rep', true, { customers: { read: 'own' } }, done);
    await role('marketing', true, { customers: { read: 'org' } }, done);
    await role('key_accounts', false, { financials: { read: 'team' }, opportunities: { read: 'team' } }, []);
    const customer = (code: string, billing: object, revenue: string | null) =>
      q<{ id: string }>(sql`insert into customers (org_id, code, name, trade_profile, billing, name_key, search_text,
                                                   annual_revenue, revenue_currency)
            values (${orgId}, ${code}, ${code}, '{"commodities":[],"preferredModes":[]}'::jsonb,
                    ${JSON.stringify(billing)}::jsonb, ${code}, ${code}, ${revenue}::numeric, 'CNY') returning id`);
    const [withCredit] = await customer(
      'C1',
      { paymentTermsDays: 30, creditLimit: { amount: 500000.5, currency: 'usd' } },
      '12345678.90',
    );
    await customer('C2', { invoiceTitle: '二号', creditLimit: null }, null);
    const opportunity = (code: string, revenue: string | null, margin: string | null, currency: string | null) =>
      q(sql`insert into opportunities (org_id, code, title, customer_id, probability, source, stage_key,
                                       expected_revenue, expected_margin, currency)
            values (${orgId}, ${code}, ${code}, ${(withCredit as { id: string }).id}, 10, 'referral', 'inquiry',
                    ${revenue}::numeric, ${margin}::numeric, ${currency})`);
    await opportunity('O1', '250000.50', '-1200.00', 'USD');
    await opportunity('O2', '8000.00', null, 'CNY');
    await opportunity('O3', null, null, 'EUR');

    await migrateDatabase(database);
  }, 300_000);
  afterAll(async () => {
    await database?.close();
  });

  it('moves the credit limit out of the billing JSON into its numeric columns, keeping the rest', async () => {
    const rows = await q<{ code: string; billing: object; credit_limit: string | null; credit_limit_currency: string }>(
      sql`select code, billing, credit_limit::text, credit_limit_currency, annual_revenue::text as annual_revenue
            from customers order by code`,
    );
    expect(rows).toEqual([
      {
        code: 'C1',
        billing: { paymentTermsDays: 30 },
        credit_limit: '500000.5000',
        credit_limit_currency: 'USD',
        annual_revenue: '12345678.9000',
      },
      {
        code: 'C2',
        billing: { invoiceTitle: '二号' },
        credit_limit: null,
        credit_limit_currency: null,
        annual_revenue: null,
      },
    ]);
  });

  it('gives revenue and margin each their currency', async () => {
    const rows = await q(
      sql`select code, expected_revenue::text as revenue, revenue_currency, expected_margin::text as margin, margin_currency
            from opportunities order by code`,
    );
    expect(rows).toEqual([
      { code: 'O1', revenue: '250000.5000', revenue_currency: 'USD', margin: '-1200.0000', margin_currency: 'USD' },
      { code: 'O2', revenue: '8000.0000', revenue_currency: 'CNY', margin: null, margin_currency: null },
      { code: 'O3', revenue: null, revenue_currency: null, margin: null, margin_currency: null },
    ]);
  });

  it('writes no change history for the data it moved', async () => {
    const [count] = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where entity in ('customers', 'opportunities') and action = 'update'`,
    );
    expect(count?.n).toBe(0);
  });

  it('gives every holder of financials the three money rights at the same scope, and the sales rep its revenue', async () => {
    await syncBuiltinRoles(database.db);
    const rows = await q<{ key: string; permissions: Record<string, unknown>; builtin_resources: string[] }>(
      sql`select key, permissions, builtin_resources from roles order by key`,
    );
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(byKey.management?.permissions).toMatchObject({
      revenue: { read: 'org' },
      costMargin: { read: 'org' },
      billingCredit: { read: 'org' },
    });
    expect(byKey.key_accounts?.permissions).toEqual({
      opportunities: { read: 'team' },
      revenue: { read: 'team' },
      costMargin: { read: 'team' },
      billingCredit: { read: 'team' },
    });
    // The sales rep gets the new default, revenue on their own records; roles that had no financials keep none.
    expect(byKey.sales_rep?.permissions).toMatchObject({ revenue: { read: 'own' } });
    expect(byKey.sales_rep?.permissions).not.toHaveProperty('costMargin');
    expect(byKey.sales_rep?.permissions).not.toHaveProperty('billingCredit');
    expect(byKey.marketing?.permissions).not.toHaveProperty('revenue');
    for (const row of rows) {
      expect(row.permissions).not.toHaveProperty('financials');
      if (row.key !== 'key_accounts') expect(row.builtin_resources).toEqual(expect.arrayContaining(['revenue']));
    }
  });
});
