import { openDatabase, queryRows } from '@berth/server/db/database';
import { createOrganization } from '@berth/server/modules/setup/create-organization';
import { loadConfig } from '@berth/server/platform/config';
import { createServer } from '@berth/server/server';
import { sql } from 'drizzle-orm';
import { percentile, timed } from './timing';

/**
 * List latency through the whole stack (HTTP, auth, permission, scope, serialisation) next to the
 * same SQL run bare on the same database: the ratio is what the API layer costs.
 */
const users = Number(process.env.BENCH_USERS ?? 20_000);
const requests = Number(process.env.BENCH_REQUESTS ?? 2_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const password = 'Bench-password-1';

export async function benchApiLatency() {
  const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: null });
  const config = loadConfig({ LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', LOGIN_RATE_PER_MINUTE: '10000' });
  const server = await createServer(config, { database, logger: false, startJobs: false });
  const { orgId } = await createOrganization(
    server.deps.db,
    { organization: { name: 'Bench' }, admin: { name: 'Bench', email: 'bench@example.com', password } },
    { onlyIfFirst: false },
  );
  const seedStart = performance.now();
  await server.deps.db.execute(sql`
    insert into users (org_id, email, name, password_hash, role_id)
    select ${orgId}, 'user' || g || '@bench.example', '用户 ' || g, 'x',
           (select id from roles where org_id = ${orgId} and key = 'sales_rep')
      from generate_series(1, ${users}) g`);
  const seedMs = performance.now() - seedStart;
  const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${address}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.com', password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;

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
      server.deps.db,
      i % 2
        ? sql`select * from users where org_id = ${orgId} order by id limit 51`
        : sql`select * from users where org_id = ${orgId} and id > ${lastId} order by id limit 51`,
    );
  });
  await server.close();
  await database.close();

  const p = (xs: number[]) => ({ p50: percentile(xs, 50), p95: percentile(xs, 95) });
  const a = p(api);
  const b = p(bare);
  console.log(
    `engine ${database.engine}; ${users} users seeded in ${seedMs.toFixed(0)} ms; ${requests} requests, concurrency ${concurrency}`,
  );
  console.log(`GET /api/users      p50 ${a.p50.toFixed(2)} ms   p95 ${a.p95.toFixed(2)} ms`);
  console.log(`bare SQL, same page p50 ${b.p50.toFixed(2)} ms   p95 ${b.p95.toFixed(2)} ms`);
  console.log(`API / bare SQL      p50 ×${(a.p50 / b.p50).toFixed(1)}   p95 ×${(a.p95 / b.p95).toFixed(1)}`);
}
