import { type Db, queryRows } from '@berth/server/db/database';
import { runUpkeep } from '@berth/server/modules/database-upkeep/run-upkeep';
import { sql } from 'drizzle-orm';
import { type SeededBench, startSeededBench } from './seeded-bench';
import { percentile, timed } from './timing';

interface TableState {
  bytes: number;
  deadRows: number;
}

async function customersState(db: Db): Promise<TableState> {
  await db.execute(sql`select pg_stat_force_next_flush()`);
  const [row] = await queryRows<{ bytes: string; dead: number }>(
    db,
    sql`select pg_total_relation_size('customers')::text as bytes, n_dead_tup::int as dead
          from pg_stat_user_tables where relname = 'customers'`,
  );
  return { bytes: Number(row?.bytes ?? 0), deadRows: row?.dead ?? 0 };
}

/** Every customer's row rewritten once, in batches by code, as a busy day of edits and imports would. */
async function updateEveryCustomer(seeded: SeededBench, batch = 20_000): Promise<number> {
  const started = performance.now();
  for (let from = 0; from < seeded.count; from += batch) {
    await seeded.bench.db.execute(
      sql`update customers set industry = coalesce(industry, '') || '.'
           where org_id = ${seeded.bench.orgId}
             and id in (select id from customers where org_id = ${seeded.bench.orgId} order by id
                         offset ${from} limit ${batch})`,
    );
  }
  return performance.now() - started;
}

/** p95 of a list page and of a count by status: the reads that dead rows slow down (heap visits). */
async function readP95(seeded: SeededBench): Promise<{ list: number; count: number }> {
  const { db, orgId } = seeded.bench;
  const list = await timed(60, 1, async () => {
    await db.execute(
      sql`select id, code, name from customers where org_id = ${orgId} and merged_into_id is null
           order by id desc limit 50`,
    );
  });
  const count = await timed(20, 1, async () => {
    await db.execute(sql`select status, count(*) from customers where org_id = ${orgId} group by status`);
  });
  return { list: percentile(list, 95), count: percentile(count, 95) };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/**
 * `npm run bench -- upkeep`: what dead rows cost on the embedded engine, which has no autovacuum,
 * and what a round of Berth's upkeep gives back. N customers (BENCH_CUSTOMERS, default 100,000 here)
 * are each updated three times; the table's size, dead rows and two reads are measured fresh, after
 * the updates, after one round of upkeep, and after three more updates (whose new row versions then
 * reuse the space the round freed instead of growing the files).
 */
export async function benchDatabaseUpkeep(): Promise<void> {
  const seeded = await startSeededBench(Number(process.env.BENCH_CUSTOMERS ?? 100_000));
  try {
    const { db, engine } = seeded.bench;
    console.log(`\n## Database upkeep (${engine}, ${seeded.count.toLocaleString('en')} customers)\n`);
    if (engine !== 'pglite') console.log('PostgreSQL runs autovacuum itself; these figures include its work.\n');
    await runUpkeep(db, { trigger: 'manual', kind: 'full', now: new Date() });
    const rows: [string, TableState, { list: number; count: number }, string][] = [];
    rows.push(['fresh (after a full round)', await customersState(db), await readP95(seeded), '']);

    let updateMs = 0;
    for (let i = 0; i < 3; i++) updateMs += await updateEveryCustomer(seeded);
    rows.push(['after 3 updates of every row', await customersState(db), await readP95(seeded), ms(updateMs)]);

    const round = await runUpkeep(db, { trigger: 'manual', kind: 'dead-rows', now: new Date() });
    const roundMs = round.finishedAt ? round.finishedAt.getTime() - round.startedAt.getTime() : 0;
    rows.push(['after one round of upkeep', await customersState(db), await readP95(seeded), ms(roundMs)]);

    updateMs = 0;
    for (let i = 0; i < 3; i++) {
      updateMs += await updateEveryCustomer(seeded);
      await runUpkeep(db, { trigger: 'schedule', kind: 'dead-rows', now: new Date() });
    }
    rows.push(['3 more updates, upkeep between', await customersState(db), await readP95(seeded), ms(updateMs)]);

    console.log('| customers table | size | dead rows | list p95 | count p95 | took |');
    console.log('|---|---|---|---|---|---|');
    for (const [label, state, reads, took] of rows) {
      console.log(
        `| ${label} | ${mb(state.bytes)} | ${state.deadRows.toLocaleString('en')} | ${ms(reads.list)} | ${ms(reads.count)} | ${took} |`,
      );
    }
    const [fresh, bloated, vacuumed, reused] = rows.map((row) => row[1]);
    if (fresh && bloated && vacuumed && reused) {
      console.log(
        `\nbloat: the updates grew the table ${(bloated.bytes / fresh.bytes).toFixed(2)}×; with upkeep between ` +
          `updates it grew ${(reused.bytes / vacuumed.bytes).toFixed(2)}× more (freed space reused). ` +
          `Round of upkeep: ${(round.tables.length).toString()} tables, ${ms(roundMs)}.`,
      );
    }
  } finally {
    await seeded.close();
  }
}
