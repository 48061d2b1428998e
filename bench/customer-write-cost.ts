import fs from 'node:fs';
import { type Executor, queryRows } from '@berth/server/db/database';
import { sql } from 'drizzle-orm';
import { startBenchServer } from './bench-server';
import { seedCustomers } from './customer-seed';

/**
 * The customers table's own write cost, part by part: N realistic customer rows (the seed's shape, as an
 * import writes them: no contacts folded on yet) inserted by one `INSERT … SELECT` into a table that already
 * holds N customers, with everything in place, then with one index dropped or one insert trigger disabled at
 * a time — each inside a transaction that is rolled back (and the tables vacuumed after it), so the next run
 * starts from the same table. Variants run interleaved, BENCH_WRITE_COST_RUNS rounds (default 3).
 * Prints wall time and CPU time of the work: the backend's (`/proc`, local PostgreSQL) or the process's
 * (PGlite runs on this thread). `npm run bench -- write-cost 10000`.
 */
type Variant = { label: string; setup: string[] };

function rowsArgument(): number {
  const given = process.argv.slice(2).find((a) => /^\d+$/.test(a));
  return Number(given ?? process.env.BENCH_WRITE_COST_ROWS ?? 10_000);
}

const insertColumns = `org_id, code, name, name_en, name_key, name_en_key, name_pinyin, search_text, phone, email,
  status, relationship_type, owner_id, team_id, trade_profile, billing, country, owner_since, protected_until`;

export async function benchCustomerWriteCost() {
  const rows = rowsArgument();
  const rounds = Number(process.env.BENCH_WRITE_COST_RUNS ?? 3);
  const bench = await startBenchServer();
  const { db } = bench;
  try {
    await seedCustomers(db, bench.orgId, [bench.adminId], 2 * rows);
    // The second half of the seeded rows is the insert's source; the table keeps the first half.
    await db.execute(
      sql.raw(`create table bench_write_rows as
      select ${insertColumns} from customers where org_id = '${bench.orgId}' and code > 'C${String(rows).padStart(7, '0')}'`),
    );
    await db.execute(sql`update bench_write_rows set code = 'W' || substr(code, 2), email = 'ops' || substr(code, 2) || '@example.cn',
      relationship_type = 'long_term', protected_until = owner_since + interval '7 days',
      trade_profile = '{"hsChapters": [], "commodities": ["家具"], "specialCargo": [], "preferredModes": []}'`);
    const moved = `org_id = '${bench.orgId}' and code > 'C${String(rows).padStart(7, '0')}'`;
    await db.execute(sql`alter table customers disable trigger user`);
    await db.execute(sql`alter table contacts disable trigger user`);
    await db.execute(sql.raw(`delete from contacts where customer_id in (select id from customers where ${moved})`));
    await db.execute(
      sql.raw(`delete from customer_search_keys where customer_id in (select id from customers where ${moved})`),
    );
    await db.execute(sql.raw(`delete from customers where ${moved}`));
    await db.execute(sql`alter table contacts enable trigger user`);
    await db.execute(sql`alter table customers enable trigger user`);
    await db.execute(sql`vacuum analyze customers`);
    await db.execute(sql`vacuum analyze customer_search_keys`);
    await db.execute(sql`vacuum analyze audit_log`);

    const indexes = await queryRows<{ name: string; primary: boolean }>(
      db,
      sql`select c.relname as name, i.indisprimary as primary from pg_index i join pg_class c on c.oid = i.indexrelid
           where i.indrelid = 'customers'::regclass order by c.relname`,
    );
    const droppable = indexes.filter((i) => !i.primary && i.name !== 'customers_org_code_uq').map((i) => i.name);
    const variants: Variant[] = [
      { label: 'everything', setup: [] },
      ...['customers_audit_inserts', 'customers_search_keys_inserts'].map((t) => ({
        label: `- trigger ${t}`,
        setup: [`alter table customers disable trigger ${t}`],
      })),
      ...droppable.map((name) => ({ label: `- index ${name}`, setup: [`drop index ${name}`] })),
      { label: `- all ${droppable.length} secondary indexes`, setup: droppable.map((name) => `drop index ${name}`) },
      {
        label: '- all secondary indexes and both insert triggers',
        setup: [
          ...droppable.map((name) => `drop index ${name}`),
          'alter table customers disable trigger customers_audit_inserts',
          'alter table customers disable trigger customers_search_keys_inserts',
        ],
      },
    ];
    const only = process.env.BENCH_WRITE_COST_ONLY;
    const chosen = only ? variants.filter((v) => v.label === 'everything' || v.label.includes(only)) : variants;
    const results = new Map<string, { wall: number; cpu: number }[]>();
    console.log(`engine ${bench.engine}; ${rows} rows into a table of ${rows}, ${rounds} rounds`);
    for (let round = 0; round < rounds; round++) {
      for (const variant of chosen) {
        const figure = await measureInsert(db, bench.engine, variant.setup);
        results.set(variant.label, [...(results.get(variant.label) ?? []), figure]);
        await db.execute(sql`vacuum customers`);
        await db.execute(sql`vacuum customer_search_keys`);
        await db.execute(sql`vacuum audit_log`);
      }
    }
    // The generated columns are not dropped (the search-keys trigger reads them): their expressions alone.
    const generated = await timeSelect(
      db,
      bench.engine,
      'select count(berth_search_grams(name_key, search_text)) + count(coalesce(name_pinyin, name_key)) from bench_write_rows',
    );
    const base = median(results.get('everything') ?? []);
    console.log('variant | wall ms (runs) | CPU ms (runs) | CPU saved vs everything (median)');
    for (const [label, figures] of results) {
      const saved = base - median(figures);
      console.log(
        `${label} | ${figures.map((f) => f.wall.toFixed(0)).join(' / ')} | ${figures.map((f) => f.cpu.toFixed(0)).join(' / ')} | ${saved.toFixed(0)} (${((saved / base) * 100).toFixed(1)} %)`,
      );
    }
    console.log(
      `generated columns' expressions alone (select) | ${generated.wall.toFixed(0)} | ${generated.cpu.toFixed(0)}`,
    );
    await db.execute(sql`drop table bench_write_rows`);
  } finally {
    await bench.close();
  }
}

const median = (figures: { cpu: number }[]) => {
  const sorted = figures.map((f) => f.cpu).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

class RolledBack extends Error {}

async function measureInsert(db: Executor, engine: string, setup: string[]) {
  let figure = { wall: 0, cpu: 0 };
  try {
    await db.transaction(async (tx) => {
      for (const statement of setup) await tx.execute(sql.raw(statement));
      figure = await timed(tx, engine, () =>
        tx.execute(sql.raw(`insert into customers (${insertColumns}) select ${insertColumns} from bench_write_rows`)),
      );
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  return figure;
}

async function timeSelect(db: Executor, engine: string, statement: string) {
  return db.transaction((tx) => timed(tx, engine, () => tx.execute(sql.raw(statement))));
}

/** Wall and CPU milliseconds of `work`: the backend's CPU on PostgreSQL, this process's on PGlite. */
async function timed(tx: Executor, engine: string, work: () => Promise<unknown>) {
  let cpuOf: () => number;
  if (engine === 'pglite') {
    cpuOf = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
  } else {
    const [row] = await queryRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
    const stat = `/proc/${row?.pid}/stat`;
    cpuOf = () => {
      // utime and stime, in clock ticks of 10 ms, after the command name in parentheses.
      const fields = fs.readFileSync(stat, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) * 10;
    };
  }
  const cpuStart = cpuOf();
  const start = performance.now();
  await work();
  return { wall: performance.now() - start, cpu: cpuOf() - cpuStart };
}
