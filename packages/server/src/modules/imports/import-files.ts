import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Uploaded import files live under the data directory, one folder per organisation. */
export function importFilePath(dataDir: string, orgId: string, importId: string, kind: string): string {
  return path.join(dataDir, 'uploads', 'imports', orgId, `${importId}.${kind}`);
}

export async function ensureDirectoryFor(file: string): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
}

/** The same columns in any order give the same key, to remember a mapping per source. */
export function headerKey(headers: string[]): string {
  return createHash('sha256')
    .update(
      [...headers]
        .map((h) => h.trim().toLowerCase())
        .sort()
        .join('\n'),
    )
    .digest('hex');
}
