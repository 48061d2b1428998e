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
    // Two test files at a time, each in a worker of its own, on the one shared server and browser: a file spends
    // much of its time waiting on the browser and the server, so two overlap on two cores. Files that need a
    // server of their own start one (run-context.ts). The largest files start first (no timings cached yet: by
    // size), so the longest one does not run alone at the end.
    fileParallelism: true,
    maxWorkers: 2,
    // The servers the tests start inherit it: cheap argon2 for the users they create (test runs only).
    env: { PASSWORD_HASH_COST: 'test-only-minimal' },
  },
});
