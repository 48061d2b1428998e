import path from 'node:path';
import { parseArgs } from 'node:util';
import { setupInputSchema } from '@berth/domain';
import { backupDatabase, restoreDatabase } from './db/backup';
import { openDatabase } from './db/database';
import { migrateDatabase } from './db/migrate';
// Loads the module list: every module's error messages and event subscribers, as in the server.
import './server-modules';
import { createOrganization } from './modules/setup/create-organization';
import { usePasswordHashCost } from './platform/auth/secrets';
import { ConfigError, loadConfig } from './platform/config';

const usage = `Usage: npm run cli -- <command>
  migrate                         apply pending database migrations
  backup <file.ndjson.gz>         write a backup of the whole database
  restore <file.ndjson.gz> [--replace]
                                  restore a backup (into an empty database unless --replace)
  org:create --name N --admin-name A --admin-email E --admin-password P
                                  add another organisation (tenant) with its administrator
Configuration comes from the environment (DATA_DIR or DATABASE_URL), as for the server.`;

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      replace: { type: 'boolean', default: false },
      name: { type: 'string' },
      'admin-name': { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-password': { type: 'string' },
    },
  });
  const [command, fileArgument] = positionals;
  // npm runs workspace scripts inside the package; a relative path means the caller's directory.
  const file = fileArgument ? path.resolve(process.env.INIT_CWD ?? process.cwd(), fileArgument) : undefined;
  if (!command || command === 'help') {
    console.log(usage);
    return;
  }
  const config = loadConfig();
  usePasswordHashCost(config.PASSWORD_HASH_COST);
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.dataDir,
    sharedBuffers: config.PGLITE_SHARED_BUFFERS,
  });
  try {
    await migrateDatabase(database);
    switch (command) {
      case 'migrate':
        console.log(`Database is up to date (${database.engine}).`);
        break;
      case 'backup': {
        if (!file) throw new ConfigError('backup needs a file name');
        const result = await backupDatabase(database.db, file);
        console.log(`Backed up ${result.rows} rows from ${result.tables} tables to ${file}.`);
        break;
      }
      case 'restore': {
        if (!file) throw new ConfigError('restore needs a file name');
        const result = await restoreDatabase(database, file, { replace: values.replace ?? false });
        console.log(`Restored ${result.rows} rows from ${file}.`);
        break;
      }
      case 'org:create': {
        const input = setupInputSchema.parse({
          organization: { name: values.name },
          admin: { name: values['admin-name'], email: values['admin-email'], password: values['admin-password'] },
        });
        const { orgId } = await createOrganization(database.db, input, { onlyIfFirst: false });
        console.log(`Created organisation ${orgId}.`);
        break;
      }
      default:
        console.error(`Unknown command: ${command}\n\n${usage}`);
        process.exitCode = 2;
    }
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
