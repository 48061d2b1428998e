// The worker side of startRowReaderThread (row-reader-thread.ts): reads each batch it is sent with the
// importer's row reader module, loaded through the TypeScript loader the server runs with. Plain JavaScript,
// because a worker's entry is loaded before any loader could be registered on its thread.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { module, options, locale } = workerData;
const { readImportRow } = await tsImport(module, import.meta.url);
parentPort.on('message', ({ id, rows }) => {
  try {
    parentPort.postMessage({ id, readings: rows.map((values) => readImportRow(values, options, locale)) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
