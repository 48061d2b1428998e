import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**', 'packages/web/**'],
        },
      },
      {
        // The console's logic (API errors, paging, formats, module manifests); pure, so no browser needed.
        test: {
          name: 'web',
          include: ['packages/web/src/**/*.test.ts'],
          environment: 'node',
          // Pure modules: one shared module cache per worker loads the icon set and the domain once, not per file.
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['packages/*/src/**/*.integration.test.ts', 'packages/*/test/**/*.integration.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file gets its own database; two cores run two files at a time.
          pool: 'forks',
          maxWorkers: 2,
        },
      },
    ],
  },
});
