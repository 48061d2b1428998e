import { defineConfig } from 'vitest/config';

/**
 * Crash, fuzz, backup and load suites: each spends minutes proving one property under stress, so
 * they run as their own project (`reliability`) and a feature run (`--project integration`) stays
 * short. `npm test` and CI run both, on both engines.
 */
const reliabilitySuites = [
  'packages/server/test/crash-safety.integration.test.ts',
  'packages/server/test/api-fuzz.integration.test.ts',
  'packages/server/test/backup-checksum.integration.test.ts',
  'packages/server/test/concurrency.integration.test.ts',
];

/** What every project that runs the server against a real database shares. */
const serverSuites = {
  testTimeout: 60_000,
  // A hook sets up an app and its data; the two that load the demo organisation have longer (demoLoadTimeout in
  // test/storage.ts), as do tests that restart a server (restartTestTimeout in test/harness.ts).
  hookTimeout: 180_000,
  // Migrates one database per run; each test app starts from a copy of it.
  globalSetup: ['packages/server/test/global-setup.ts'],
  // Cheap argon2 for the hundreds of users the suites create; server processes the tests start
  // inherit it. The configuration refuses it outside a test run.
  env: { PASSWORD_HASH_COST: 'test-only-minimal' },
  // PGlite runs its SQL on the test process's thread: one worker per core. Files run one after
  // the other in a worker that is kept (no isolation per file), so the server's modules and
  // PGlite's WebAssembly are loaded and compiled once per worker instead of once per file. The
  // suites keep no state in modules between files: every test app has its own database.
  pool: 'forks' as const,
  maxWorkers: 2,
  isolate: false,
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Property tests run hundreds of cases; on two cores busy with the other projects' workers the default
          // five seconds failed a parser property that takes 0.3 s alone.
          testTimeout: 30_000,
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**', 'packages/web/**'],
        },
      },
      {
        // The console's logic (API errors, paging, formats, module manifests); pure, so no browser needed.
        test: {
          name: 'web',
          include: ['packages/web/src/**/*.test.ts', 'packages/web/scripts/**/*.test.ts'],
          environment: 'node',
          // Pure modules: one shared module cache per worker loads the icon set and the domain once, not per file.
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['packages/*/src/**/*.integration.test.ts', 'packages/*/test/**/*.integration.test.ts'],
          exclude: [...reliabilitySuites, '**/node_modules/**'],
          ...serverSuites,
        },
      },
      {
        test: {
          name: 'reliability',
          include: reliabilitySuites,
          ...serverSuites,
        },
      },
    ],
  },
});
