import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { queryRows } from '@berth/server/db/database';
import { sql } from 'drizzle-orm';
import type { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { startBenchServer } from './bench-server';

/**
 * Customer import throughput: N generated customer rows (`--rows`, default 100,000) written as a
 * UTF-8 CSV to a temporary file (streamed, never whole in memory), imported through the real API
 * as a background job, next to the same file loaded raw with `COPY` into a scratch table of text
 * columns (`FROM '/dev/blob'` on PGlite, `FROM STDIN` streamed on PostgreSQL).
 */
const header = ['客户名称', '英文名称', '国家', '联系电话', '邮箱', '客户状态', '合作类型', '航线', '主要货物'];
const statuses = ['潜在客户', '合作中', '停止合作'];
const relationships = ['散客', '长期客户', '战略联盟', '挂靠'];
const lanes = ['CNSHA-USLAX 整箱', 'CNNGB-DEHAM LCL', 'CNSZX-NLRTM 整箱; CNSHA-SGSIN 拼箱', 'CNTAO-JPTYO 空运'];
const goods = ['电子产品', '家具', '纺织品, 服装', '机械配件', '化工品'];

/**
 * `--rows N` when tsx is called directly; through `npm run bench -- import …` npm keeps options for
 * itself, so a bare number after `import` (or BENCH_IMPORT_ROWS) works there too.
 */
function rowsArgument(): number {
  const args = process.argv.slice(2);
  const flag = args.indexOf('--rows');
  const given =
    flag >= 0
      ? args[flag + 1]
      : (args.find((a) => a.startsWith('--rows='))?.slice(7) ?? args.find((a) => /^\d+$/.test(a)));
  const value = Number(given ?? process.env.BENCH_IMPORT_ROWS ?? process.env.npm_config_rows ?? 100_000);
  if (!Number.isInteger(value) || value < 1) throw new Error('--rows needs a positive whole number');
  return value;
}

function cellsOf(i: number): string[] {
  return [
    `基准货运${i}号有限公司`,
    `Bench Freight ${i} Co., Ltd.`,
    '中国',
    `139${String(i % 100_000_000).padStart(8, '0')}`,
    `ops${i}@bench${i}.cn`,
    statuses[i % statuses.length] as string,
    relationships[i % relationships.length] as string,
    lanes[i % lanes.length] as string,
    goods[i % goods.length] as string,
  ];
}

const csvLine = (cells: string[]) =>
  `${cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')}\r\n`;

/** Writes the CSV chunk by chunk, waiting for the stream to drain. */
async function writeCsv(file: string, rows: number): Promise<void> {
  const out = fs.createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(csvLine(header));
  for (let start = 1; start <= rows; start += 1000) {
    let chunk = '';
    for (let i = start; i < Math.min(start + 1000, rows + 1); i++) chunk += csvLine(cellsOf(i));
    await write(chunk);
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

const scratchColumns = header.map((_, i) => `c${i + 1}`);

export async function benchImportThroughput() {
  const rows = rowsArgument();
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'berth-import-bench-'));
  const file = path.join(dir, 'customers.csv');
  const bench = await startBenchServer();
  try {
    const writeStart = performance.now();
    await writeCsv(file, rows);
    const size = (await fs.promises.stat(file)).size;
    console.log(
      `engine ${bench.engine}; ${rows} rows, ${(size / 1024 / 1024).toFixed(1)} MiB CSV written in ${((performance.now() - writeStart) / 1000).toFixed(1)} s`,
    );

    // The import, as a user does it: upload, then the job runs in the background until it is done.
    const { address, cookie } = await bench.listen();
    const csrf = (await (await fetch(`${address}/api/me`, { headers: { cookie } })).json()) as { csrfToken: string };
    // Peak memory of the process (the server runs in it) while the import runs, sampled every 100 ms.
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 100);
    const importStart = performance.now();
    // How busy the process's own thread was (the server's, where the job runs) and its CPU, all threads.
    const loop0 = performance.eventLoopUtilization();
    const cpu0 = process.cpuUsage();
    const form = new FormData();
    form.append('entity', 'customers');
    form.append('policy', 'skip');
    form.append('file', await fs.openAsBlob(file), 'customers.csv');
    const started = await fetch(`${address}/api/imports`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf.csrfToken },
      body: form,
    });
    if (started.status !== 202) throw new Error(`import refused: ${started.status} ${await started.text()}`);
    const { id } = (await started.json()) as { id: string };
    const uploadedMs = performance.now() - importStart;
    while ((await bench.jobs.runDue()) > 0) {}
    const record = (await (await fetch(`${address}/api/imports/${id}`, { headers: { cookie } })).json()) as {
      status: string;
      created: number;
      failed: number;
      message: string | null;
    };
    const importMs = performance.now() - importStart;
    const loop = performance.eventLoopUtilization(loop0);
    const cpu = process.cpuUsage(cpu0);
    clearInterval(sampler);
    if (record.status !== 'succeeded' || record.created !== rows) {
      throw new Error(
        `import ended ${record.status}: ${record.created} created, ${record.failed} failed; ${record.message}`,
      );
    }
    const importRate = rows / (importMs / 1000);

    // The same file loaded raw into a scratch table.
    const { db } = bench;
    await db.execute(sql.raw(`create table bench_import_raw (${scratchColumns.map((c) => `${c} text`).join(', ')})`));
    const rawStart = performance.now();
    let rawLabel: string;
    if (bench.engine === 'pglite') {
      const client = (
        db as unknown as { $client: { query: (q: string, p?: unknown[], o?: object) => Promise<unknown> } }
      ).$client;
      await client.query("copy bench_import_raw from '/dev/blob' with (format csv, header true)", [], {
        blob: await fs.openAsBlob(file),
      });
      rawLabel = 'raw COPY';
    } else {
      await copyFromStdin(db, file);
      rawLabel = 'raw COPY';
    }
    const rawMs = performance.now() - rawStart;
    const [loaded] = await queryRows<{ n: number | string }>(db, sql`select count(*) as n from bench_import_raw`);
    if (Number(loaded?.n) !== rows) throw new Error(`raw load has ${loaded?.n} rows, expected ${rows}`);
    const rawRate = rows / (rawMs / 1000);

    // The customers table's own write limit: the same rows in one INSERT … SELECT, paying for its
    // indexes (trigram and gram GIN, b-trees), generated columns and audit, but no parsing or checks.
    const tableStart = performance.now();
    await db.execute(sql`insert into customers (org_id, code, name, name_en, name_key, search_text, phone, email,
                           trade_profile, billing)
                         select ${bench.orgId}, 'RAW' || row_number() over (), c1, c2, c1,
                                lower(concat_ws(' | ', c1, c2, c4, c5)), c4, c5,
                                '{"lanes": [], "commodities": [], "preferredModes": []}', '{}'
                           from bench_import_raw`);
    const tableRate = rows / ((performance.now() - tableStart) / 1000);
    await db.execute(sql`drop table bench_import_raw`);

    console.log(
      `import rows/s ${Math.round(importRate).toString().padStart(9)}   (${(importMs / 1000).toFixed(1)} s, upload ${(uploadedMs / 1000).toFixed(1)} s, peak RSS ${Math.round(peakRss / 1024 / 1024)} MiB)`,
    );
    console.log(
      `  Node during the import: event loop busy ${Math.round(loop.utilization * 100)} %, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (all threads)`,
    );
    console.log(
      `${`${rawLabel} rows/s`.padEnd(13)} ${Math.round(rawRate).toString().padStart(9)}   (${(rawMs / 1000).toFixed(1)} s)`,
    );
    console.log(`bare INSERT into customers rows/s ${Math.round(tableRate).toString().padStart(9)}`);
    // The plain ratios the targets are set in: the API import as a share of the table's own limit and of COPY.
    const share = (rate: number) => `${((importRate / rate) * 100).toFixed(1)} %`;
    console.log(`ratio ${bench.engine} ${rows} rows: API import / bare INSERT … SELECT = ${share(tableRate)}`);
    console.log(`ratio ${bench.engine} ${rows} rows: API import / COPY = ${share(rawRate)}`);
  } finally {
    await bench.close();
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/** The PostgreSQL baseline: the file streamed through `COPY … FROM STDIN` on one pooled connection. */
async function copyFromStdin(db: Awaited<ReturnType<typeof startBenchServer>>['db'], file: string) {
  const pool = (db as unknown as { $client: Pool }).$client;
  const client = await pool.connect();
  try {
    const copy = client.query(copyFrom('copy bench_import_raw from stdin with (format csv, header true)'));
    await pipeline(fs.createReadStream(file), copy);
  } finally {
    client.release();
  }
}
