import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.e2e.test.ts'],
    testTimeout: 120_000,
    // A file's own server is ready when it answers (server-process.ts), which took over 90 s with two files and
    // other work on two cores.
    hookTimeout: 300_000,
    // A console page's first load (its code chunks parsed, then its lookups and list fetched)
    // takes over a second on two busy cores; a poll's default second failed on that alone.
    expect: { poll: { timeout: 10_000 } },
    // Migrates one database to copy, starts the server most test files share (each in an organisation of
    // its own) and the browser they all connect to: see run-context.ts.
    globalSetup: ['./global-setup.ts'],
    // One test file at a time. Two at a time (each in a worker, on the one shared server and browser) cut the
    // suite by 43 % on a machine already loaded by other work, but on an idle two-core CI machine it measured no faster
    // (675 s against 602 s one at a time) and the doubled load made pickers miss clicks: decision 0010.
    fileParallelism: false,
    maxWorkers: 1,
    // The servers the tests start inherit it: cheap argon2 for the users they create (test runs only).
    env: { PASSWORD_HASH_COST: 'test-only-minimal' },
  },
});
