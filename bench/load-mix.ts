import autocannon from 'autocannon';
import { mixRequests, passSteps, type Step, steps } from './load-mix-requests';
import { type SeededBench, startSeededBench } from './seeded-bench';
import { percentile } from './timing';

/**
 * A realistic mix of reads and writes (see load-mix-requests.ts) from `BENCH_LOAD_CONNECTIONS`
 * keep-alive connections (default 8) for `BENCH_LOAD_SECONDS` (default 30) or at most
 * `BENCH_LOAD_MAX_REQUESTS` (default 250,000), whichever ends first, on the seeded customers.
 * The server and autocannon share this process, so the memory figures include both.
 */
const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const connections = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 8);
const maxRequests = Number(process.env.BENCH_LOAD_MAX_REQUESTS ?? 250_000);

interface StepStats {
  times: number[];
  statuses: Map<number, number>;
  /** The first body of each unexpected status, to see what went wrong. */
  firstBodies: Map<number, string>;
}

/** An update that lost a race to another connection: the API doing its job, not a failure. */
const isVersionConflict = (step: Step, status: number) =>
  status === 412 && (step === 'updateViewed' || step === 'updateCreated');

function watchPeakRss(everyMs: number) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, everyMs);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss);
  };
}

/** Runs on `shared` when given (already seeded, left open), otherwise seeds and closes its own bench. */
export async function benchLoadMix(shared?: SeededBench) {
  const seeded = shared ?? (await startSeededBench());
  try {
    const { address, cookie, csrfToken } = seeded.session;
    const stats = new Map<Step, StepStats>();
    const statsOf = (step: Step) => {
      const known = stats.get(step);
      if (known) return known;
      const fresh: StepStats = { times: [], statuses: new Map(), firstBodies: new Map() };
      stats.set(step, fresh);
      return fresh;
    };
    let answered: Step = 'list';
    const requests = mixRequests({
      samples: seeded.samples,
      ownerId: seeded.bench.adminId,
      onAnswer: (step, status, body) => {
        answered = step;
        const s = statsOf(step);
        s.statuses.set(status, (s.statuses.get(status) ?? 0) + 1);
        if (status >= 300 && !isVersionConflict(step, status) && !s.firstBodies.has(status))
          s.firstBodies.set(status, body.slice(0, 300));
      },
    });

    const rssBefore = process.memoryUsage().rss;
    const stopWatching = watchPeakRss(100);
    const started = performance.now();
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: address,
          connections,
          duration: seconds,
          maxOverallRequests: maxRequests,
          headers: { cookie, 'x-csrf-token': csrfToken },
          requests,
        },
        (error, done) => (error ? reject(error) : resolve(done)),
      );
      // autocannon reports the latency right after the request's onResponse named its step.
      instance.on('response', (_client, _status, _bytes, ms) => statsOf(answered).times.push(ms));
    });
    const elapsedS = (performance.now() - started) / 1000;
    const peakRss = stopWatching();

    printReport({ seeded, stats, result, elapsedS, rssBefore, peakRss });
  } finally {
    if (!shared) await seeded.close();
  }
}

function printReport(run: {
  seeded: SeededBench;
  stats: Map<Step, StepStats>;
  result: autocannon.Result;
  elapsedS: number;
  rssBefore: number;
  peakRss: number;
}) {
  const { seeded, stats, result, elapsedS } = run;
  const all = [...stats.values()];
  const total = all.reduce((n, s) => n + s.times.length, 0);
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
  const ms = (times: number[], p: number) => percentile(times, p).toFixed(1).padStart(8);
  const non2xx = (s: StepStats) => [...s.statuses].reduce((n, [status, c]) => n + (status >= 300 ? c : 0), 0);
  const row = (label: string, s: StepStats) => {
    const times = [...s.times].sort((a, b) => a - b);
    const share = `${((100 * times.length) / Math.max(1, total)).toFixed(0)}%`;
    console.log(
      `${label.padEnd(44)} ${String(times.length).padStart(8)} ${share.padStart(5)} ${ms(times, 50)} ${ms(times, 95)} ${ms(times, 99)} ${String(non2xx(s)).padStart(8)}`,
    );
  };

  console.log(
    `load mix: engine ${seeded.bench.engine}; ${seeded.count} customers + ${seeded.count} contacts (seeded in ${(seeded.seedMs / 1000).toFixed(1)} s); ` +
      `${connections} connections for ${seconds} s or ${maxRequests} requests; pass of ${passSteps().length} requests per connection`,
  );
  console.log(
    `requests ${total} in ${elapsedS.toFixed(1)} s = ${(total / elapsedS).toFixed(0)} req/s; ` +
      `connection errors ${result.errors} (timeouts ${result.timeouts})`,
  );
  console.log(
    `${'latency over all responses'.padEnd(44)} ${'count'.padStart(8)} ${'share'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'non-2xx'.padStart(8)}`,
  );
  const allStatuses = new Map<number, number>();
  for (const s of all)
    for (const [status, count] of s.statuses) allStatuses.set(status, (allStatuses.get(status) ?? 0) + count);
  row('all requests', { times: all.flatMap((s) => s.times), statuses: allStatuses, firstBodies: new Map() });
  for (const step of Object.keys(steps) as Step[]) {
    const s = stats.get(step);
    if (s) row(`  ${steps[step]}`, s);
  }

  const byStatus = new Map<number, number>();
  let conflicts = 0;
  for (const [step, s] of stats)
    for (const [status, count] of s.statuses) {
      if (isVersionConflict(step, status)) conflicts += count;
      else if (status >= 300) byStatus.set(status, (byStatus.get(status) ?? 0) + count);
    }
  const unexpected = [...byStatus.values()].reduce((a, b) => a + b, 0);
  console.log(
    `non-2xx by status: ${[...byStatus].map(([status, count]) => `${status} ×${count}`).join(', ') || 'none'}; ` +
      `412 version conflicts of racing updates (not errors): ${conflicts}`,
  );
  for (const [step, s] of stats)
    for (const [status, body] of s.firstBodies) console.log(`  first ${status} of ${steps[step]}: ${body}`);
  console.log(`errors: ${result.errors + unexpected} (connection errors and timeouts + unexpected non-2xx)`);
  console.log(
    `memory (server and load client, one process): RSS before ${mib(run.rssBefore)}, peak during the run ${mib(run.peakRss)} ` +
      `(sampled every 100 ms); maxRSS since start ${mib(process.resourceUsage().maxRSS * 1024)} (includes seeding)`,
  );
}
