import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';
import { queryRows } from '../../db/database';
import { flushStatistics, runUpkeep, tablesToVacuum } from './run-upkeep';

const deadRowsOf = async (t: TestApp, table: string) => {
  await flushStatistics(t.db);
  return (
    (
      await queryRows<{ dead: number }>(
        t.db,
        sql`select n_dead_tup::int as dead from pg_stat_user_tables where relname = ${table}`,
      )
    )[0]?.dead ?? 0
  );
};

describe('database upkeep', () => {
  let t: TestApp;
  let admin: Session;
  let rep: Session;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.setup('维护货代 Upkeep Forwarding');
    rep = await t.userWithRole(admin, 'sales_rep');
  });
  afterAll(() => t.close());

  it('is for administrators only', async () => {
    expect((await t.request('GET', '/api/database/upkeep', { as: rep })).statusCode).toBe(403);
    expect((await t.request('POST', '/api/database/upkeep', { as: rep })).statusCode).toBe(403);
  });

  it.runIf(process.env.DATABASE_URL)(
    'leaves a PostgreSQL server to its autovacuum and shows none of its figures',
    async () => {
      const page = await t.request('GET', '/api/database/upkeep', { as: admin });
      expect(page.json()).toEqual({
        engine: 'postgres',
        managedBy: 'postgres',
        databaseBytes: null,
        tables: [],
        runs: [],
        pending: false,
      });
      const run = await t.request('POST', '/api/database/upkeep', { as: admin });
      expect(run.statusCode).toBe(409);
      expect(run.json().code).toBe('database_upkeep.managed_by_postgres');
    },
  );

  it.skipIf(process.env.DATABASE_URL)(
    'vacuums the embedded tables that updates left dead rows in, one table at a time',
    async () => {
      // An update-heavy day on a table of its own: every row rewritten twice.
      await t.db.execute(sql`create table upkeep_probe (id int primary key, note text not null)`);
      await t.db.execute(sql`insert into upkeep_probe select g, '维护' || g from generate_series(1, 3000) g`);
      for (let i = 0; i < 2; i++) await t.db.execute(sql`update upkeep_probe set note = note || '.'`);
      expect(await deadRowsOf(t, 'upkeep_probe')).toBeGreaterThanOrEqual(6000);

      const run = await runUpkeep(t.db, { trigger: 'schedule', now: new Date(), kind: 'dead-rows' });
      expect(run.kind).toBe('dead-rows');
      expect(run.finishedAt).not.toBeNull();
      expect(run.error).toBeNull();
      expect(run.tables.map((table) => table.name)).toContain('upkeep_probe');
      expect(run.tables.find((table) => table.name === 'upkeep_probe')?.deadRowsBefore).toBeGreaterThanOrEqual(6000);
      expect(await deadRowsOf(t, 'upkeep_probe')).toBe(0);
    },
  );

  it.skipIf(process.env.DATABASE_URL)(
    'shows the size, the largest tables and the rounds, and runs a full round on request',
    async () => {
      const queued = await t.request('POST', '/api/database/upkeep', { as: admin });
      expect(queued.statusCode).toBe(202);
      expect(queued.json().pending).toBe(true);
      await t.server.deps.jobs.runDue();

      const page = (await t.request('GET', '/api/database/upkeep', { as: admin })).json();
      expect(page).toMatchObject({ engine: 'pglite', managedBy: 'berth', pending: false });
      expect(page.databaseBytes).toBeGreaterThan(1_000_000);
      expect(page.tables.length).toBeGreaterThan(5);
      expect(page.tables.map((table: { name: string }) => table.name)).toContain('upkeep_probe');
      const [latest] = page.runs;
      expect(latest).toMatchObject({ trigger: 'manual', kind: 'full', error: null });
      // A full round goes over every table, so that statistics lost with a restart come back.
      expect(latest.tables.length).toBeGreaterThan(20);

      const audit = await t.request('GET', '/api/audit?entity=database', { as: admin });
      expect(audit.json().items.some((entry: { action: string }) => entry.action === 'upkeep')).toBe(true);
    },
  );

  it('picks tables by their share of dead or changed rows, and all of them in a full round', () => {
    const stats = [
      { name: 'small', live_rows: 50, dead_rows: 900, modified_since_analyze: 0 },
      { name: 'churned', live_rows: 5_000, dead_rows: 1_200, modified_since_analyze: 0 },
      { name: 'large', live_rows: 1_000_000, dead_rows: 50_000, modified_since_analyze: 20_000 },
      { name: 'grown', live_rows: 20_000, dead_rows: 0, modified_since_analyze: 2_500 },
    ];
    expect(tablesToVacuum(stats, 'dead-rows').map((table) => table.name)).toEqual(['churned', 'grown']);
    expect(tablesToVacuum(stats, 'full')).toHaveLength(4);
  });
});
