import { queryRows } from '@berth/server/db/database';
import { sql } from 'drizzle-orm';
import { startBenchServer } from './bench-server';
import { type CustomerSample, sampleCustomers } from './customer-samples';
import { seedCustomers } from './customer-seed';

export type SeededBench = Awaited<ReturnType<typeof startSeededBench>>;

/**
 * The bench server with N customers and one contact each (BENCH_CUSTOMERS, default 100,000 on
 * the embedded engine and 1,000,000 on PostgreSQL),
 * listening and signed in. Seeding a million takes minutes, so one seeded bench can serve
 * several benchmarks in a run; whoever started it closes it.
 */
export async function startSeededBench(count?: number) {
  const bench = await startBenchServer();
  count ??= Number(process.env.BENCH_CUSTOMERS ?? (bench.engine === 'pglite' ? 100_000 : 1_000_000));
  try {
    const seedStart = performance.now();
    if (!bench.reused) {
      await seedCustomers(bench.db, bench.orgId, [bench.adminId], count);
      await bench.keepSnapshot();
    } else {
      const held = await customerCount(bench);
      if (held < count) throw new Error(`BENCH_REUSE: the database holds ${held} bench customers, fewer than ${count}`);
    }
    const seedMs = performance.now() - seedStart;
    const session = await bench.listen();
    const samples: CustomerSample[] = await sampleCustomers(bench.db, bench.orgId, count);
    if (samples.length === 0) throw new Error('no seeded customers to sample');
    return { bench, session, count, seedMs, samples, close: () => bench.close() };
  } catch (error) {
    await bench.close();
    throw error;
  }
}

async function customerCount(bench: Awaited<ReturnType<typeof startBenchServer>>): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(
    bench.db,
    sql`select count(*) as n from customers where org_id = ${bench.orgId}`,
  );
  return Number(row?.n ?? 0);
}
