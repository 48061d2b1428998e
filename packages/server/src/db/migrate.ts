import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './database';

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

interface JournalEntry {
  idx: number;
  tag: string;
}

function readJournal(): { entries: JournalEntry[] } {
  return JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'));
}

/** How many migrations this release has (the count a database records once it is up to date). */
export function releaseMigrationCount(): number {
  return readJournal().entries.length;
}

/**
 * Applies the checked-in SQL migrations that have not run yet; the same files serve both engines.
 * With `count`, only the first `count` migrations of the release: the schema of an earlier release, which a backup
 * taken there is restored into before the later migrations carry its data forward.
 */
export async function migrateDatabase(database: Database, options: { count?: number } = {}): Promise<void> {
  const journal = readJournal();
  const partial = options.count !== undefined && options.count < journal.entries.length;
  const folder = partial ? fs.mkdtempSync(path.join(os.tmpdir(), 'berth-migrations-')) : migrationsFolder;
  try {
    if (partial) {
      const entries = journal.entries.slice(0, options.count);
      fs.mkdirSync(path.join(folder, 'meta'));
      fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
      for (const { tag } of entries) {
        fs.copyFileSync(path.join(migrationsFolder, `${tag}.sql`), path.join(folder, `${tag}.sql`));
      }
    }
    if (database.engine === 'pglite') {
      // biome-ignore lint/suspicious/noExplicitAny: the migrator is typed per driver; the schema is the same
      await migratePglite(database.db as any, { migrationsFolder: folder });
    } else {
      // biome-ignore lint/suspicious/noExplicitAny: as above
      await migratePg(database.db as any, { migrationsFolder: folder });
    }
  } finally {
    if (partial) fs.rmSync(folder, { recursive: true, force: true });
  }
}
