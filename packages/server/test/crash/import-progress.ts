import type { ApiClient } from './api-client';
import type { ImportProgress } from './crash-invariants';

const finished = (status: string) => status === 'succeeded' || status === 'failed';

export async function startImport(client: ApiClient, file: Blob, policy: 'skip' | 'update' | 'create') {
  const form = new FormData();
  form.append('entity', 'customers');
  form.append('policy', policy);
  form.append('file', file, 'customers.csv');
  const response = await client.send('POST', '/api/imports', form);
  if (response.status !== 202)
    throw new Error(`import not accepted: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

async function progressOf(client: ApiClient, id: string): Promise<ImportProgress> {
  const response = await client.send('GET', `/api/imports/${id}`);
  if (response.status !== 200) throw new Error(`import ${id}: ${response.status}`);
  return response.body;
}

/** Waits until the import has processed at least `rows` rows, or has finished. */
export async function waitForProcessed(client: ApiClient, id: string, rows: number): Promise<ImportProgress> {
  for (;;) {
    const progress = await progressOf(client, id);
    if (progress.processed >= rows || finished(progress.status)) return progress;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the import has succeeded or failed; an import still queued or running after `ms` is returned as it is. */
export async function waitForImportEnd(client: ApiClient, id: string, ms: number): Promise<ImportProgress> {
  const deadline = Date.now() + ms;
  for (;;) {
    const progress = await progressOf(client, id);
    if (finished(progress.status) || Date.now() > deadline) return progress;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
