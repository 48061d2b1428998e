import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // A console page's first load (its code chunks parsed, then its lookups and list fetched)
    // takes over a second on two busy cores; a poll's default second failed on that alone.
    expect: { poll: { timeout: 10_000 } },
    // Migrates one database to copy, starts the server most test files share (each in an organisation of
    // its own) and the browser they all connect to: see run-context.ts.
    globalSetup: ['./global-setup.ts'],
    // One test file at a time: two cores.
    fileParallelism: false,
    // The servers the tests start inherit it: cheap argon2 for the users they create (test runs only).
    env: { PASSWORD_HASH_COST: 'test-only-minimal' },
  },
});
