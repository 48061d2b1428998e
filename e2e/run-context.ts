/**
 * What the test files of an end-to-end run share (set up once by global-setup.ts): a migrated database to
 * copy, one server on which each test file works in an organisation of its own, and one browser. Nothing here may
 * depend on another file having run first (files may run in any order, or in parallel: vitest.config.ts).
 */
import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import { connectBrowser } from './browser';
import { copyDataDir, type E2eServer, freePort, ServerProcess, tempDataDir } from './server-process';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the run keeps what it writes to disk; deleted when the run ends. */
    e2eRunDir: string;
    /** A data directory whose database has every migration applied; copied, never opened. */
    e2eMigratedDataDir: string;
    e2eSharedServerUrl: string;
    e2eBrowserEndpoint: string;
  }
}

/**
 * The run's shared server. The test file creates its organisation on it (`setUpOrganization`) and works
 * only in that one; stopping it is left to the run.
 */
export function sharedServer(): E2eServer {
  return { url: inject('e2eSharedServerUrl'), shared: true, stop: async () => null };
}

/** A new data directory holding a copy of the migrated database (in the run's directory). */
export function migratedDataDir(): string {
  return copyDataDir(inject('e2eMigratedDataDir'));
}

/** A new empty directory in the run's directory, for files a test writes or downloads. */
export function tempDir(): string {
  return tempDataDir(inject('e2eRunDir'));
}

/**
 * A server of the test file's own, on a copy of the migrated database: for what is not per organisation
 * (first-run setup, restarts, the test clock's jobs over all organisations, database-wide upkeep) or needs
 * other settings. The caller ends it with `dispose()`, which deletes its data directory too.
 */
export async function privateServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  const server = new ServerProcess(await freePort(), migratedDataDir(), env);
  await server.start();
  return server;
}

/** A connection to the run's browser; `close()` closes this file's contexts, not the browser. */
export function openBrowser(): Promise<Browser> {
  return connectBrowser(inject('e2eBrowserEndpoint'));
}
