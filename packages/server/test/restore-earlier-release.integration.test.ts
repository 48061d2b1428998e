import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../src/db/backup';
import { queryRows } from '../src/db/database';
import { migrateDatabase, releaseMigrationCount } from '../src/db/migrate';
import { openTestDatabase } from './harness';

/**
 * A backup taken on an earlier release restores into today's release with its data carried forward by the
 * migrations in between — here the customer's credit limit, which migration 0022 moved out of the billing JSON.
 */
describe('restoring a backup of an earlier release', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-earlier-'));
  const file = path.join(dir, 'before-0022.jsonl.gz');
  /** Migrations up to 0021: the release before money got its own columns. */
  const before0022 = 22;

  beforeAll(async () => {
    const old = await openTestDatabase();
    try {
      await migrateDatabase(old.database, { count: before0022 });
      const q = <T>(query: ReturnType<typeof sql>) => queryRows<T>(old.database.db, query);
      const [org] = await q<{ id: string }>(sql`insert into organizations (name) values ('旧版货代') returning id`);
      await q(sql`insert into customers (org_id, code, name, trade_profile, billing, name_key, search_text)
                  values (${org?.id}, 'C1', '宁波远洋', '{"commodities":[],"preferredModes":[]}'::jsonb,
                          ${JSON.stringify({ paymentTermsDays: 45, creditLimit: { amount: 300000.5, currency: 'usd' } })}::jsonb,
                          'C1', 'C1')`);
      const [count] = await q<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect(count?.n).toBe(before0022);
      await backupDatabase(old.database.db, file);
    } finally {
      await old.drop();
    }
  }, 300_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('rebuilds the schema of that release, restores the rows, then migrates them forward', async () => {
    const target = await openTestDatabase({ migrated: true });
    try {
      await restoreDatabase(target.database, file, { replace: false });
      const rows = await queryRows<{ billing: object; credit_limit: string; credit_limit_currency: string }>(
        target.database.db,
        sql`select billing, credit_limit::text, credit_limit_currency from customers where code = 'C1'`,
      );
      expect(rows).toEqual([
        { billing: { paymentTermsDays: 45 }, credit_limit: '300000.5000', credit_limit_currency: 'USD' },
      ]);
      const [count] = await queryRows<{ n: number }>(
        target.database.db,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(count?.n).toBe(releaseMigrationCount());
    } finally {
      await target.drop();
    }
  }, 300_000);

  it('refuses to replace a database that holds data with it, leaving that data as it was', async () => {
    const target = await openTestDatabase({ migrated: true });
    try {
      await target.database.db.execute(sql`insert into organizations (name) values ('现有货代')`);
      await expect(restoreDatabase(target.database, file, { replace: true })).rejects.toThrow(
        /earlier version of Berth \(22 of \d+ migrations\)/,
      );
      const names = await queryRows<{ name: string }>(target.database.db, sql`select name from organizations`);
      expect(names).toEqual([{ name: '现有货代' }]);
    } finally {
      await target.drop();
    }
  });

  it('refuses a backup of a newer release and a file that is not a backup', async () => {
    const target = await openTestDatabase({ migrated: true });
    const newer = path.join(dir, 'newer.jsonl.gz');
    const notBackup = path.join(dir, 'not-a-backup.gz');
    fs.writeFileSync(
      newer,
      gzipSync(`${JSON.stringify({ format: 'berth-backup', version: 1, migrations: releaseMigrationCount() + 1 })}\n`),
    );
    fs.writeFileSync(notBackup, gzipSync('客户名称,电话\n'));
    try {
      await expect(restoreDatabase(target.database, newer, { replace: false })).rejects.toThrow('newer version');
      await expect(restoreDatabase(target.database, notBackup, { replace: false })).rejects.toThrow(
        'not a Berth backup',
      );
    } finally {
      await target.drop();
    }
  });
});
