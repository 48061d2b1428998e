import { DataDirLockedError } from './db/database';
import { loadDemoData } from './modules/setup/demo-data';
import { ConfigError, loadConfig } from './platform/config';
import { createServer } from './server';

async function main() {
  const started = Date.now();
  const config = loadConfig();
  const server = await createServer(config);
  const { app } = server;
  if (process.argv.includes('--demo')) await loadDemoData(server.deps.db, app.log);
  await app.listen({ port: config.PORT, host: config.HOST });
  await server.start();
  app.log.info(
    {
      engine: server.database.engine,
      dataDir: server.database.engine === 'pglite' ? config.dataDir : undefined,
      ms: Date.now() - started,
    },
    `Berth is ready on http://localhost:${config.PORT}`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      app.log.warn('second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing requests and jobs');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await server.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
