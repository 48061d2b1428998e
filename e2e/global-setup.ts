import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { launchBrowserServer } from './browser';
import { copyDataDir, freePort, migrateDataDir, ServerProcess, tempDataDir } from './server-process';

/** Cheap argon2 in the processes started here too (the test files' servers get it from the config's env). */
const testEnv = { PASSWORD_HASH_COST: 'test-only-minimal', NODE_ENV: 'test' };

/**
 * Once per run, for all test files (see run-context.ts): migrates one database to copy, starts the shared
 * server on a copy of it and launches the browser. Returns the teardown.
 */
export default async function setup(project: TestProject) {
  const started = Date.now();
  const migrated = tempDataDir();
  await migrateDataDir(migrated, testEnv);
  const migratedAfter = Date.now() - started;
  project.provide('e2eMigratedDataDir', migrated);

  const shared = new ServerProcess(await freePort(), copyDataDir(migrated), {
    ...testEnv,
    ALLOW_TEST_ORGANIZATIONS: 'true',
    // For the test files that wait on jobs (imports, webhook deliveries): polled often, they wait less.
    JOB_POLL_MS: '200',
    // shipments-acceptance's webhook receiver listens on loopback, refused otherwise (SSRF guard).
    WEBHOOKS_ALLOW_PRIVATE_NETWORK: 'true',
    // Every test file signs in from 127.0.0.1: the per-address limit is for one file's sign-ins, not a run's.
    LOGIN_RATE_PER_MINUTE: '1000',
  });
  const browser = await launchBrowserServer();
  try {
    await shared.start();
  } catch (error) {
    await browser.close();
    throw error;
  }
  console.log(
    `e2e setup: database migrated in ${migratedAfter} ms, shared server and browser ready in ${Date.now() - started} ms`,
  );
  project.provide('e2eSharedServerUrl', shared.url);
  project.provide('e2eBrowserEndpoint', browser.wsEndpoint());

  return async () => {
    await browser.close();
    const code = await shared.stop();
    if (code !== 0) console.error(`the shared server exited with ${code}:\n${shared.output}`);
    fs.rmSync(migrated, { recursive: true, force: true });
    fs.rmSync(shared.dataDir, { recursive: true, force: true });
  };
}
