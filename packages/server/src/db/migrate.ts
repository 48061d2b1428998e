import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './database';

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

/** Applies the checked-in SQL migrations that have not run yet; the same files serve both engines. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.engine === 'pglite') {
    // biome-ignore lint/suspicious/noExplicitAny: the migrator is typed per driver; the schema is the same
    await migratePglite(database.db as any, { migrationsFolder });
  } else {
    // biome-ignore lint/suspicious/noExplicitAny: as above
    await migratePg(database.db as any, { migrationsFolder });
  }
}
