import { Worker } from 'node:worker_threads';

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs `n` calls, `parallel` at a time, and returns each call's duration in ms, sorted. */
export async function timed(n: number, parallel: number, run: (i: number) => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < n) {
        const i = next++;
        const start = performance.now();
        await run(i);
        times.push(performance.now() - start);
      }
    }),
  );
  return times.sort((a, b) => a - b);
}

/**
 * GETs `paths` over HTTP from a worker thread, `parallel` at a time, and returns each request's
 * duration in ms, sorted. A client in the server's own event loop would queue behind the server
 * and the server behind it; a browser or integration never shares the server's thread.
 */
export function timedRequests(
  session: { address: string; cookie: string },
  paths: string[],
  parallel: number,
): Promise<number[]> {
  const worker = new Worker(new URL('./http-timing-worker.mjs', import.meta.url), {
    workerData: { ...session, paths, concurrency: parallel },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}
