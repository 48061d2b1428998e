import { queryRows } from '@berth/server/db/database';
import { sql } from 'drizzle-orm';
import { startBenchServer } from './bench-server';
import { percentile, timed } from './timing';

/**
 * List latency through the whole stack (HTTP, auth, permission, scope, serialisation) next to the
 * same SQL run bare on the same database: the ratio is what the API layer costs.
 */
const users = Number(process.env.BENCH_USERS ?? 20_000);
const requests = Number(process.env.BENCH_REQUESTS ?? 2_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);

export async function benchApiLatency() {
  const bench = await startBenchServer();
  const { orgId } = bench;
  const seedStart = performance.now();
  await bench.db.execute(sql`
    insert into users (org_id, email, name, password_hash, role_id)
    select ${orgId}, 'user' || g || '@bench.example', '用户 ' || g, 'x',
           (select id from roles where org_id = ${orgId} and key = 'sales_rep')
      from generate_series(1, ${users}) g`);
  const seedMs = performance.now() - seedStart;
  const { address, cookie } = await bench.listen();

  const first = (await (await fetch(`${address}/api/users?limit=50`, { headers: { cookie } })).json()) as {
    items: { id: string }[];
    nextCursor: string;
  };
  const cursor = first.nextCursor as string;
  const api = await timed(requests, concurrency, async (i) => {
    const url = i % 2 ? `${address}/api/users?limit=50` : `${address}/api/users?limit=50&cursor=${cursor}`;
    const response = await fetch(url, { headers: { cookie } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    await response.arrayBuffer();
  });
  const lastId = first.items.at(-1)?.id as string;
  const bare = await timed(requests, concurrency, async (i) => {
    await queryRows(
      bench.db,
      i % 2
        ? sql`select * from users where org_id = ${orgId} order by id limit 51`
        : sql`select * from users where org_id = ${orgId} and id > ${lastId} order by id limit 51`,
    );
  });
  await bench.close();

  const p = (xs: number[]) => ({ p50: percentile(xs, 50), p95: percentile(xs, 95) });
  const a = p(api);
  const b = p(bare);
  console.log(
    `engine ${bench.engine}; ${users} users seeded in ${seedMs.toFixed(0)} ms; ${requests} requests, concurrency ${concurrency}`,
  );
  console.log(`GET /api/users      p50 ${a.p50.toFixed(2)} ms   p95 ${a.p95.toFixed(2)} ms`);
  console.log(`bare SQL, same page p50 ${b.p50.toFixed(2)} ms   p95 ${b.p95.toFixed(2)} ms`);
  console.log(`API / bare SQL      p50 ×${(a.p50 / b.p50).toFixed(1)}   p95 ×${(a.p95 / b.p95).toFixed(1)}`);
}
