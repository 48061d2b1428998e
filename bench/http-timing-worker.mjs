// Sends GET requests from its own thread, so the client's work never waits on (or delays) the
// server's event loop in the bench process: the timings are what a separate client would see.
import { parentPort, workerData } from 'node:worker_threads';

const { address, cookie, paths, concurrency } = workerData;
const times = [];
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < paths.length) {
      const path = paths[next++];
      const start = performance.now();
      const response = await fetch(`${address}${path}`, { headers: { cookie } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`HTTP ${response.status} ${path}`);
      times.push(performance.now() - start);
    }
  }),
);
parentPort.postMessage(times.sort((a, b) => a - b));
