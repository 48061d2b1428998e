import { fullPermissions } from '@berth/domain';
import { queryRows } from '@berth/server/db/database';
import { findCustomers } from '@berth/server/modules/customers/find-customers';
import { systemCtx } from '@berth/server/platform/context';
import { sql } from 'drizzle-orm';
import { startBenchServer } from './bench-server';
import { seedCustomers } from './customer-seed';
import { percentile, timed } from './timing';

/**
 * Customer list, search and 360 record through the API next to the same work without HTTP and
 * to bare SQL, on N generated customers with one contact each (BENCH_CUSTOMERS, default
 * 1,000,000; the target is p95 ≤ 50 ms for list and search at that size).
 */
const count = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const requests = Number(process.env.BENCH_REQUESTS ?? 450);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);

interface Sample {
  id: string;
  code: string;
  name_key: string;
  name_en: string;
  search_text: string;
  phone: string;
  contact: string;
}

/** What people type: a brand, city + brand, pinyin, initials, a code, a phone, a contact, common words, nothing. */
function searchTerm(samples: Sample[], i: number): string {
  const s = samples[(i * 7) % samples.length] as Sample;
  const common = ['上海', 'logistics', '供应链', 'ningbo'];
  switch (i % 9) {
    case 0:
      return s.name_key.slice(2, 4);
    case 1:
      return s.name_key.slice(0, 4);
    case 2:
      return s.name_en.split(' ')[1]?.toLowerCase() ?? s.code;
    case 3:
      return s.search_text.split(' | ')[4] ?? s.code;
    case 4:
      return s.code;
    case 5:
      return s.phone.slice(3);
    case 6:
      return s.contact;
    case 7:
      return common[Math.floor(i / 9) % common.length] as string;
    default:
      return '不存在的公司';
  }
}

export async function benchCustomerSearch() {
  const bench = await startBenchServer();
  const { db, orgId, adminId } = bench;
  const seedStart = performance.now();
  await seedCustomers(db, orgId, [adminId], count);
  const seedMs = performance.now() - seedStart;
  const { address, cookie } = await bench.listen();
  const get = async (path: string) => {
    const response = await fetch(`${address}${path}`, { headers: { cookie } });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${path}`);
    await response.arrayBuffer();
  };
  const report = (label: string, times: number[]) =>
    console.log(
      `${label.padEnd(40)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms`,
    );
  const samples = await queryRows<Sample>(
    db,
    sql`select c.id, c.code, c.name_key, c.name_en, c.search_text, c.phone, k.name as contact
          from customers c join contacts k on k.org_id = c.org_id and k.customer_id = c.id
         where c.org_id = ${orgId} and c.code in (select 'C' || lpad((1 + floor(random() * ${count}))::int::text, 7, '0') from generate_series(1, 200))`,
  );
  const ctx = { ...systemCtx(db, orgId), userId: adminId, permissions: fullPermissions() };

  console.log(
    `engine ${bench.engine}; ${count} customers + ${count} contacts seeded in ${(seedMs / 1000).toFixed(1)} s; ${requests} requests per line, concurrency ${concurrency}`,
  );
  report('GET /api/customers (first page)', await timed(requests, concurrency, () => get('/api/customers?limit=50')));
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
    await timed(requests, concurrency, (i) =>
      get(`/api/customers?limit=50&status=${i % 2 ? 'active' : 'inactive'}&country=CN`),
    ),
  );
  report(
    'GET /api/customers?q=… (search mix)',
    await timed(requests, concurrency, (i) =>
      get(`/api/customers?limit=50&q=${encodeURIComponent(searchTerm(samples, i))}`),
    ),
  );
  report(
    '  same search, no HTTP',
    await timed(requests, concurrency, async (i) => {
      await findCustomers(ctx, { limit: 50, q: searchTerm(samples, i) } as never);
    }),
  );
  report(
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
    await timed(requests, concurrency, (i) => get(`/api/customers/${samples[i % samples.length]?.id}`)),
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
    await timed(requests, concurrency, (i) => get(`/api/customers/${samples[i % samples.length]?.id}/contacts`)),
  );
  await bench.close();
}
