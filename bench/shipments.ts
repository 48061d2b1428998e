import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { systemClock } from '@berth/domain';
import { type Db, queryRows } from '@berth/server/db/database';
import { runDueCustomerRollups } from '@berth/server/modules/shipments/customer-rollups';
import { sql } from 'drizzle-orm';
import type { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { startBenchServer } from './bench-server';
import { seedCustomers } from './customer-seed';
import { percentile, timedRequests } from './timing';

/**
 * Shipments at volume: tracking events ingested through the API in batches of 5,000 (then the same batches sent
 * again, which must change nothing), next to a raw `COPY` of the same rows into a table shaped like the events table
 * (its keys and indexes, no checks, no tracking); then the p95 of a customer's record and of its shipments list with
 * N shipments in the database.
 *
 * Sizes: `--events=N` / BENCH_SHIPMENT_EVENTS (default 200,000), `--shipments=N` / BENCH_SHIPMENTS (default
 * 100,000), BENCH_SHIPMENT_CUSTOMERS (default 1,000; one of them holds a tenth of all shipments), BENCH_REQUESTS per
 * latency line (default 200). Events are generated batch by batch and the raw rows streamed into COPY chunk by chunk,
 * so memory does not grow with the number of events: the issue's size is
 * `npm run bench -- shipments --events=10000000 --shipments=1000000`, on PostgreSQL (DATABASE_URL) and on the embedded
 * engine on disk (BENCH_PGLITE_DIR=<empty directory>: ten million events do not fit in its memory).
 */
function sizeArgument(flag: string, env: string, fallback: number): number {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${flag}`);
  const given = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith(`--${flag}=`))?.slice(flag.length + 3);
  const value = Number(given ?? process.env[env] ?? process.env[`npm_config_${flag}`] ?? fallback);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${flag}=N needs a positive whole number N (with the =)`);
  return value;
}

const milestones = [
  'booked',
  'gate_in',
  'loaded',
  'departed',
  'arrived',
  'discharged',
  'customs_released',
  'delivered',
];
const batchSize = 5000;
const base = Date.parse('2026-01-05T00:00:00Z');

/** Event `e`: for shipment `e mod N`, its `e div N`-th event, an hour after the one before (an ETA change every 9th). */
function eventOf(e: number, shipments: number) {
  const shipment = (e % shipments) + 1;
  const step = Math.floor(e / shipments);
  const type = step % 9 === 8 ? 'eta_changed' : (milestones[Math.min(step % 9, milestones.length - 1)] as string);
  const occurredAt = new Date(base + (shipment % 1000) * 3_600_000 * 24 + step * 3_600_000).toISOString();
  return {
    eventId: `E${e}`,
    source: 'bench',
    externalId: `B${shipment}`,
    type,
    occurredAt,
    location: 'CNSHA',
    data: type === 'eta_changed' ? { eta: new Date(Date.parse(occurredAt) + 20 * 86_400_000).toISOString() } : null,
  };
}

export async function benchShipments() {
  const events = sizeArgument('events', 'BENCH_SHIPMENT_EVENTS', 200_000);
  const shipmentCount = sizeArgument('shipments', 'BENCH_SHIPMENTS', 100_000);
  const customerCount = Math.max(2, Number(process.env.BENCH_SHIPMENT_CUSTOMERS ?? 1000));
  const requests = Number(process.env.BENCH_REQUESTS ?? 200);
  const bench = await startBenchServer();
  const { db, orgId } = bench;
  try {
    // Customers and shipments, set-based (the seed is not what is measured).
    const seedStart = performance.now();
    await seedCustomers(db, orgId, [bench.adminId], customerCount);
    const customers = await queryRows<{ id: string }>(
      db,
      sql`select id::text from customers where org_id = ${orgId} order by code`,
    );
    const ids = sql.raw(`array[${customers.map((c) => `'${c.id}'::uuid`).join(',')}]`);
    for (let from = 1; from <= shipmentCount; from += 50_000) {
      const to = Math.min(shipmentCount, from + 49_999);
      // Every tenth shipment is the first customer's (a big shipper); the others spread over the rest.
      await db.execute(sql`
        with s as (
          insert into shipments (org_id, source, external_id, mode, status, customer_id, booking_number, pol, pod,
                                 lane_key, carrier, etd, eta, promised_eta, teu, gross_weight_kg, volume_cbm,
                                 revenue_amount, revenue_currency, cost_amount, cost_currency)
          select ${orgId}, 'bench', 'B' || g, m.mode, 'booked',
                 (${ids})[case when g % 10 = 0 then 1 else 2 + g % ${customers.length - 1} end],
                 'BK' || g, 'CNSHA', m.pod, 'CNSHA-' || m.pod || ':' || m.mode, 'COSCO SHIPPING',
                 ${new Date(base).toISOString()}::timestamptz + (g % 1000) * interval '24 hours',
                 ${new Date(base).toISOString()}::timestamptz + (g % 1000 + 30) * interval '24 hours',
                 -- The promised ETA is the first ETA, as the feed records it when it creates a shipment.
                 ${new Date(base).toISOString()}::timestamptz + (g % 1000 + 30) * interval '24 hours',
                 case when m.mode = 'fcl' then 2 else 0 end, 12000, 60, 2400, 'USD', 15000, 'CNY'
            from generate_series(${from}::int, ${to}::int) g,
                 lateral (select (array['fcl','fcl','fcl','lcl','air'])[1 + g % 5] as mode,
                                 (array['USLAX','DEHAM','NLRTM','SGSIN'])[1 + g % 4] as pod) m
          returning id, customer_id, mode
        ), parties as (
          insert into shipment_parties (org_id, shipment_id, role, customer_id)
          select ${orgId}, id, 'shipper', customer_id from s
        )
        insert into shipment_containers (org_id, shipment_id, position, number, type)
        select ${orgId}, id, 0, 'CSQU3054383', '40HQ' from s where mode = 'fcl'`);
    }
    // The revenue is in dollars and the cost in yuan: the report converts at this rate.
    await db.execute(sql`insert into exchange_rates (org_id, base, quote, date, rate, source)
        values (${orgId}, 'USD', 'CNY', '2026-01-01', 7.1, 'api')`);
    await db.execute(sql`vacuum analyze shipments`);
    await db.execute(sql`analyze shipment_parties`);
    // The report's aggregate grew by triggers: its statistics, as autovacuum (or the embedded engine's upkeep) keeps them.
    await db.execute(sql`analyze shipment_report_days`);
    console.log(
      `engine ${bench.engine}; ${customerCount} customers and ${shipmentCount} shipments seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s; ${events} events in batches of ${batchSize}`,
    );

    // Event ingest through the API, as a tracking feed sends it, then the same batches again.
    const { address, cookie, csrfToken } = await bench.listen();
    const post = async (from: number) => {
      const list = [];
      for (let e = from; e < Math.min(events, from + batchSize); e++) list.push(eventOf(e, shipmentCount));
      const res = await fetch(`${address}/api/shipments/events`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ events: list }),
      });
      if (!res.ok) throw new Error(`events refused: HTTP ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { items: { status: string }[] };
      return body.items.reduce<Record<string, number>>((counts, item) => {
        counts[item.status] = (counts[item.status] ?? 0) + 1;
        return counts;
      }, {});
    };
    const pass = async () => {
      const totals: Record<string, number> = {};
      const start = performance.now();
      for (let from = 0; from < events; from += batchSize) {
        for (const [status, n] of Object.entries(await post(from))) totals[status] = (totals[status] ?? 0) + n;
      }
      return { ms: performance.now() - start, totals };
    };
    const first = await pass();
    if ((first.totals.applied ?? 0) !== events) throw new Error(`first pass: ${JSON.stringify(first.totals)}`);
    // The feed queues the roll-ups of the customers whose shipments departed; the coalesced job computes them.
    const rollupStart = performance.now();
    const rolledUp = await runDueCustomerRollups(db, systemClock, orgId);
    const rollupMs = performance.now() - rollupStart;
    const again = await pass();
    if ((again.totals.duplicate ?? 0) !== events) throw new Error(`re-send: ${JSON.stringify(again.totals)}`);
    const [stored] = await queryRows<{ n: string | number }>(
      db,
      sql`select count(*) as n from shipment_events where org_id = ${orgId}`,
    );
    if (Number(stored?.n) !== events) throw new Error(`the events table holds ${stored?.n}, expected ${events}`);

    // The same rows, raw, into a table shaped like the events table (its primary key and indexes, nothing else),
    // generated and streamed chunk by chunk: memory stays flat at any number of events.
    const shipmentIds = await shipmentIdsByNumber(db, orgId, shipmentCount);
    await db.execute(sql`create table bench_events_raw (like shipment_events including defaults including indexes)`);
    // Making the rows is part of the timed COPY (they are made as it streams): timed alone first, to be told apart.
    const makeStart = performance.now();
    for (let from = 0; from < events; from += 10_000) {
      eventRowsCsv(orgId, shipmentIds, from, Math.min(events, from + 10_000), shipmentCount);
    }
    const makeMs = performance.now() - makeStart;
    const rawStart = performance.now();
    await copyEventRows(bench, orgId, shipmentIds, events, shipmentCount);
    const rawMs = performance.now() - rawStart;
    await db.execute(sql`drop table bench_events_raw`);

    const rate = (ms: number) => Math.round(events / (ms / 1000));
    console.log(`\nevent ingest, ${events / batchSize} batches of ${batchSize}`);
    console.log(
      `  API, new events        events/s ${String(rate(first.ms)).padStart(9)}   (${(first.ms / 1000).toFixed(1)} s)`,
    );
    console.log(
      `  API, the same re-sent  events/s ${String(rate(again.ms)).padStart(9)}   (${(again.ms / 1000).toFixed(1)} s)`,
    );
    console.log(
      `  raw COPY               events/s ${String(rate(rawMs)).padStart(9)}   (${(rawMs / 1000).toFixed(1)} s, of which making the rows ${(makeMs / 1000).toFixed(1)} s)`,
    );
    console.log(
      `  ratio ${(rate(rawMs) / rate(first.ms)).toFixed(1)}× (raw COPY / API ingest), ${(rate(rawMs) / rate(again.ms)).toFixed(1)}× (raw COPY / re-send)`,
    );
    console.log(
      `  API ingest ÷ raw COPY ${((100 * rate(first.ms)) / rate(rawMs)).toFixed(1)} %, re-send ÷ raw COPY ${((100 * rate(again.ms)) / rate(rawMs)).toFixed(1)} %`,
    );
    console.log(
      `  roll-ups the feed queued, computed afterwards by the coalesced job: ${rolledUp} customers in ${(rollupMs / 1000).toFixed(1)} s`,
    );

    // A customer's record and its shipments, with N shipments in the database.
    await db.execute(sql`vacuum analyze shipment_events`);
    const big = customers[0]?.id as string;
    const [bigCount] = await queryRows<{ n: string | number }>(
      db,
      sql`select count(*) as n from shipments where org_id = ${orgId} and customer_id = ${big}`,
    );
    const others = customers.slice(1);
    const session = { address, cookie };
    const line = (label: string, times: number[]) =>
      console.log(
        `  ${label.padEnd(52)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms`,
      );
    const paths = (make: (i: number) => string) => Array.from({ length: requests }, (_, i) => make(i));
    const pick = (i: number) => (others[(i * 7919) % others.length] as { id: string }).id;
    console.log(
      `\nlatency with ${shipmentCount} shipments, ${requests} requests per line, one at a time, HTTP from a worker thread`,
    );
    line(
      'GET /api/customers/{id}',
      await timedRequests(
        session,
        paths((i) => `/api/customers/${pick(i)}`),
        1,
      ),
    );
    line(
      `GET /api/customers/{id}/shipments (~${Math.round((shipmentCount * 0.9) / others.length)} each)`,
      await timedRequests(
        session,
        paths((i) => `/api/customers/${pick(i)}/shipments?limit=50`),
        1,
      ),
    );
    line(
      `GET /api/customers/{id}/shipments (big: ${Number(bigCount?.n)})`,
      await timedRequests(
        session,
        paths(() => `/api/customers/${big}/shipments?limit=50`),
        1,
      ),
    );
    const page = (await (
      await fetch(`${address}/api/customers/${big}/shipments?limit=50`, { headers: { cookie } })
    ).json()) as { nextCursor: string | null };
    line(
      'GET /api/customers/{id}/shipments (big, second page)',
      await timedRequests(
        session,
        paths(() => `/api/customers/${big}/shipments?limit=50&cursor=${encodeURIComponent(page.nextCursor ?? '')}`),
        1,
      ),
    );
    line(
      'GET /api/reports/shipments?groupBy=month&currency=USD',
      await timedRequests(session, paths(() => '/api/reports/shipments?groupBy=month&currency=USD').slice(0, 10), 1),
    );
  } finally {
    await bench.close();
  }
}

/**
 * The id of every bench shipment by its number (`B<n>`), 16 bytes each in one buffer: 16 MB at a million shipments,
 * read a page at a time through the (source, external id) key.
 */
async function shipmentIdsByNumber(db: Db, orgId: string, shipments: number): Promise<Buffer> {
  const ids = Buffer.alloc((shipments + 1) * 16);
  let after = '';
  for (;;) {
    const page = await queryRows<{ external_id: string; id: string }>(
      db,
      sql`select external_id, id::text from shipments
           where org_id = ${orgId} and source = 'bench' and external_id > ${after}
           order by external_id limit 50000`,
    );
    for (const row of page) ids.write(row.id.replaceAll('-', ''), Number(row.external_id.slice(1)) * 16, 'hex');
    if (page.length < 50_000) return ids;
    after = (page.at(-1) as { external_id: string }).external_id;
  }
}

function uuidAt(ids: Buffer, n: number): string {
  const hex = ids.toString('hex', n * 16, n * 16 + 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Events `from` to `to` (exclusive) as CSV rows of the events table, with their shipments' ids. */
function eventRowsCsv(orgId: string, ids: Buffer, from: number, to: number, shipments: number): string {
  let chunk = '';
  for (let e = from; e < to; e++) {
    const event = eventOf(e, shipments);
    const data = event.data ? `"${JSON.stringify(event.data).replace(/"/g, '""')}"` : '';
    const shipmentId = uuidAt(ids, Number(event.externalId.slice(1)));
    chunk += `${orgId},${event.source},${event.eventId},${event.externalId},${shipmentId},${event.type},${event.occurredAt},${event.location},${data}\n`;
  }
  return chunk;
}

/**
 * COPY of the events into bench_events_raw, generated as it goes: one streamed COPY on PostgreSQL (10,000 rows a
 * write), one COPY per 100,000 rows on the embedded engine (it reads a COPY's rows from one blob).
 */
async function copyEventRows(
  bench: Awaited<ReturnType<typeof startBenchServer>>,
  orgId: string,
  ids: Buffer,
  events: number,
  shipments: number,
) {
  const copy =
    'copy bench_events_raw (org_id, source, event_id, shipment_external_id, shipment_id, type, occurred_at, location, data) ';
  const chunks = function* (size: number) {
    for (let from = 0; from < events; from += size) {
      yield eventRowsCsv(orgId, ids, from, Math.min(events, from + size), shipments);
    }
  };
  if (bench.engine === 'pglite') {
    const client = (
      bench.db as unknown as { $client: { query: (q: string, p?: unknown[], o?: object) => Promise<unknown> } }
    ).$client;
    for (const chunk of chunks(100_000)) {
      await client.query(`${copy} from '/dev/blob' with (format csv)`, [], { blob: new Blob([chunk]) });
    }
    return;
  }
  const pool = (bench.db as unknown as { $client: Pool }).$client;
  const client = await pool.connect();
  try {
    await pipeline(Readable.from(chunks(10_000)), client.query(copyFrom(`${copy} from stdin with (format csv)`)));
  } finally {
    client.release();
  }
}
