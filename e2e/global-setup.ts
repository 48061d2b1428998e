import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchBrowserServer } from './browser';
import { freePort, migrateDataDir, ServerProcess, tempDataDir } from './server-process';

/** Cheap argon2 in the processes started here too (the test files' servers get it from the config's env). */
const testEnv = { PASSWORD_HASH_COST: 'test-only-minimal', NODE_ENV: 'test' };

/**
 * Once per run, for all test files of the run (see run-context.ts): migrates one
 * database to copy, starts the shared server on a copy of it and launches the browser. Everything the run writes
 * to disk goes into one directory, deleted by the teardown. Returns the teardown.
 */
export default async function setup(project: TestProject) {
  const started = Date.now();
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-e2e-run-'));
  project.provide('e2eRunDir', runDir);
  // The browser starts while the database is migrated.
  const launching = launchBrowserServer();
  // Its failure is reported where it is awaited, not as an unhandled rejection meanwhile.
  launching.catch(() => undefined);
  const migrated = tempDataDir(runDir);
  const shared = new ServerProcess(await freePort(), tempDataDir(runDir), {
    ...testEnv,
    ALLOW_TEST_ORGANIZATIONS: 'true',
    // For the test files that wait on jobs (imports, webhook deliveries): polled often, they wait less.
    JOB_POLL_MS: '200',
    // shipments-acceptance's webhook receiver listens on loopback, refused otherwise (SSRF guard).
    WEBHOOKS_ALLOW_PRIVATE_NETWORK: 'true',
    // Every test file signs in from 127.0.0.1: the per-address limit is for one file's sign-ins, not a run's.
    LOGIN_RATE_PER_MINUTE: '1000',
  });
  try {
    await migrateDataDir(migrated, testEnv);
    const migratedAfter = Date.now() - started;
    fs.cpSync(migrated, shared.dataDir, { recursive: true });
    await shared.start();
    console.log(
      `e2e setup: database migrated in ${migratedAfter} ms, shared server and browser ready in ${Date.now() - started} ms`,
    );
  } catch (error) {
    await shared.stop();
    await (await launching.catch(() => undefined))?.close();
    fs.rmSync(runDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('e2eMigratedDataDir', migrated);
  const browser = await launching;
  project.provide('e2eSharedServerUrl', shared.url);
  project.provide('e2eBrowserEndpoint', browser.wsEndpoint());

  return async () => {
    await browser.close();
    const code = await shared.stop();
    if (code !== 0) console.error(`the shared server exited with ${code}:\n${shared.output}`);
    fs.rmSync(runDir, { recursive: true, force: true });
  };
}
