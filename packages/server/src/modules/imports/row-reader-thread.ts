import { Worker } from 'node:worker_threads';
import type { Locale } from '@berth/domain';
import type { ImportOptions, ImportRowReading } from '../../platform/module';

/** The row reader of an import on its own thread: batches go in, in order, and their readings come back. */
export interface RowReaderThread {
  /** False until the thread has loaded the reader (about a second, more on a loaded machine). */
  readonly ready: boolean;
  read(rows: Record<string, string>[]): Promise<ImportRowReading<unknown>[]>;
  close(): Promise<void>;
}

type Reply = { ready?: true; id: number; readings?: ImportRowReading<unknown>[]; error?: string };

/**
 * Starts a worker thread that reads rows with an importer's `rowReaderModule`: the schema and derived keys of
 * a row (the costly JS of an import) then run beside the main thread, which parses the file and writes the
 * batches. Until the thread has loaded its module the caller reads rows itself. A thread that fails rejects what it was asked and every later read, and the caller reads the rest itself.
 */
export function startRowReaderThread(module: string, options: ImportOptions, locale: Locale): RowReaderThread {
  const worker = new Worker(new URL('./row-reader-worker.mjs', import.meta.url), {
    workerData: { module, options, locale },
  });
  const pending = new Map<number, { resolve: (r: ImportRowReading<unknown>[]) => void; reject: (e: Error) => void }>();
  let failure: Error | null = null;
  let nextId = 0;
  let ready = false;
  const fail = (error: Error) => {
    failure ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('message', ({ ready: loaded, id, readings, error }: Reply) => {
    if (loaded) ready = true;
    const waiting = pending.get(id);
    pending.delete(id);
    if (!waiting) return;
    if (readings) waiting.resolve(readings);
    else waiting.reject(new Error(error ?? 'the row reader sent nothing'));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the row reader thread ended (${code})`)));
  return {
    get ready() {
      return ready && !failure;
    },
    read(rows) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, rows });
      });
    },
    async close() {
      failure ??= new Error('the row reader thread was closed');
      await worker.terminate();
    },
  };
}
