import { availableParallelism } from 'node:os';
import { fullPermissions } from '@berth/domain';
import { queryRows } from '@berth/server/db/database';
import { findCustomers } from '@berth/server/modules/customers/find-customers';
import { systemCtx } from '@berth/server/platform/context';
import { sql } from 'drizzle-orm';
import { searchTerm } from './customer-samples';
import { type SeededBench, startSeededBench } from './seeded-bench';
import { percentile, timed, timedRequests } from './timing';

/**
 * Customer list, search and 360 record through the API next to the same work without HTTP and
 * to bare SQL, on N generated customers with one contact each (see startSeededBench), ending with
 * one line per concurrency: the search p95 as a ratio of the naive query's and the target met or not.
 */
const requests = Number(process.env.BENCH_REQUESTS ?? 450);
/** Concurrency levels, each a full table: as many requests as cores, and twice as many (queueing). */
const levels = (process.env.BENCH_CONCURRENCY ?? `${availableParallelism()},${2 * availableParallelism()}`)
  .split(',')
  .map(Number);

/** Runs on `shared` when given (already seeded, left open), otherwise seeds and closes its own bench. */
export async function benchCustomerSearch(shared?: SeededBench) {
  const seeded = shared ?? (await startSeededBench());
  const { bench, samples, seedMs } = seeded;
  const { db, orgId, adminId } = bench;
  const get = (path: (i: number) => string, concurrency: number) =>
    timedRequests(
      seeded.session,
      Array.from({ length: requests }, (_, i) => path(i)),
      concurrency,
    );
  const report = (label: string, times: number[]) => {
    console.log(
      `${label.padEnd(40)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms`,
    );
    return percentile(times, 95);
  };
  const ctx = { ...systemCtx(db, orgId), userId: adminId, permissions: fullPermissions() };

  console.log(
    `engine ${bench.engine}; ${seeded.count} customers + ${seeded.count} contacts seeded in ${(seedMs / 1000).toFixed(1)} s; ${requests} requests per line; HTTP from a worker thread`,
  );
  console.log('\nsearch one request at a time, no HTTP, by kind of term');
  const kinds = [
    'brand',
    'city + brand',
    'English word',
    'pinyin',
    'code',
    'phone digits',
    'contact name',
    'common word',
    'no match',
  ];
  let slowestKind = 0;
  for (const [kind, label] of kinds.entries()) {
    const times = await timed(Math.ceil(requests / 9), 1, async (i) => {
      await findCustomers(ctx, { limit: 50, q: searchTerm(samples, i * 9 + kind) } as never);
    });
    slowestKind = Math.max(slowestKind, report(`  ${label}`, times));
  }
  const verdicts: string[] = [];
  for (const concurrency of levels) {
    console.log(`\nconcurrency ${concurrency}`);
    const { search, naive } = await table(concurrency);
    verdicts.push(verdict(bench.engine, seeded.count, concurrency, search, naive, slowestKind));
  }
  console.log(`\n${verdicts.join('\n')}`);
  if (!shared) await seeded.close();

  async function table(concurrency: number) {
    report('GET /api/customers (first page)', await get(() => '/api/customers?limit=50', concurrency));
    report(
      '  same query, no HTTP',
      await timed(requests, concurrency, async () => {
        await findCustomers(ctx, { limit: 50 } as never);
      }),
    );
    report(
      '  bare SQL (one select)',
      await timed(requests, concurrency, async () => {
        await queryRows(
          db,
          sql`select * from customers where org_id = ${orgId} and merged_into_id is null order by id desc limit 51`,
        );
      }),
    );
    report(
      'GET /api/customers?status&country',
      await get((i) => `/api/customers?limit=50&status=${i % 2 ? 'active' : 'inactive'}&country=CN`, concurrency),
    );
    const search = report(
      'GET /api/customers?q=… (search mix)',
      await get((i) => `/api/customers?limit=50&q=${encodeURIComponent(searchTerm(samples, i))}`, concurrency),
    );
    report(
      '  same search, no HTTP',
      await timed(requests, concurrency, async (i) => {
        await findCustomers(ctx, { limit: 50, q: searchTerm(samples, i) } as never);
      }),
    );
    const naive = report(
      '  naive SQL: LIKE over names + contacts',
      await timed(Math.min(requests, 90), concurrency, async (i) => {
        const needle = `%${searchTerm(samples, i).toLowerCase()}%`;
        await queryRows(
          db,
          sql`select * from customers where org_id = ${orgId} and merged_into_id is null
              and (search_text like ${needle} or exists (select 1 from contacts k where k.org_id = customers.org_id
                   and k.customer_id = customers.id and k.search_text like ${needle}))
            order by id desc limit 51`,
        );
      }),
    );
    report(
      'GET /api/customers/{id} (360 record)',
      await get((i) => `/api/customers/${samples[i % samples.length]?.id}`, concurrency),
    );
    report(
      '  bare SQL (record, lanes, tags)',
      await timed(requests, concurrency, async (i) => {
        const id = samples[i % samples.length]?.id as string;
        await queryRows(db, sql`select * from customers where org_id = ${orgId} and id = ${id}`);
        await queryRows(db, sql`select * from customer_lanes where org_id = ${orgId} and customer_id = ${id}`);
        await queryRows(db, sql`select * from customer_tags where org_id = ${orgId} and customer_id = ${id}`);
      }),
    );
    report(
      'GET /api/customers/{id}/contacts',
      await get((i) => `/api/customers/${samples[i % samples.length]?.id}/contacts`, concurrency),
    );
    return { search, naive };
  }
}

/**
 * The plain line: the API search p95 against the naive query's, and the target for the
 * engine — on PGlite at concurrency 2, p95 ≤ 30 ms, ≤ 0.25× naive and every kind of term ≤ 40 ms one
 * at a time; on PostgreSQL p95 ≤ 50 ms at concurrency 4 (twice the cores of the reference machine).
 */
function verdict(engine: string, count: number, concurrency: number, search: number, naive: number, slowest: number) {
  const ratio = search / naive;
  const head = `${engine}, ${count.toLocaleString('en')} customers, concurrency ${concurrency}: API search p95 ${search.toFixed(1)} ms = ${ratio.toFixed(2)}× naive p95 ${naive.toFixed(1)} ms; slowest kind of term p95 ${slowest.toFixed(1)} ms`;
  if (engine === 'pglite') {
    if (concurrency !== 2) return `${head} (target is set at concurrency 2)`;
    const met = search <= 30 && ratio <= 0.25 && slowest <= 40;
    return `${head} — target p95 ≤ 30 ms, ≤ 0.25× naive, each kind ≤ 40 ms: ${met ? 'met' : 'NOT met'}`;
  }
  if (concurrency !== 4) return `${head} (target is set at concurrency 4)`;
  return `${head} — target p95 ≤ 50 ms: ${search <= 50 ? 'met' : 'NOT met'}${count < 1_000_000 ? ' (target is set at 1,000,000)' : ''}`;
}
