/**
 * Module boundaries, checked by `npm run lint` (docs/decisions/0003-module-manifest.md).
 * Violations that existed when the rule came in are listed in .dependency-cruiser-known-violations.json
 * and are being paid off; any new one fails the build. Regenerate the list only when removing entries:
 * `npx depcruise-baseline packages/domain/src packages/server/src packages/web/src`.
 */
module.exports = {
  forbidden: [
    {
      name: 'module-through-its-index',
      severity: 'error',
      comment:
        "A server module uses another only through that module's index.ts (its manifest and public surface), " +
        'never its tables or internal files.',
      from: { path: '^packages/server/src/modules/([^/]+)/' },
      to: {
        path: '^packages/server/src/modules/([^/]+)/',
        pathNot: ['^packages/server/src/modules/$1/', '^packages/server/src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'platform-below-modules',
      severity: 'error',
      comment: 'The platform serves the modules and never imports one.',
      from: { path: '^packages/server/src/platform/' },
      to: { path: '^packages/server/src/modules/' },
    },
    {
      name: 'web-module-through-its-index',
      severity: 'error',
      comment: "A console module uses another only through that module's index.ts.",
      from: { path: '^packages/web/src/modules/([^/]+)/' },
      to: {
        path: '^packages/web/src/modules/([^/]+)/',
        pathNot: ['^packages/web/src/modules/$1/', '^packages/web/src/modules/[^/]+/index\\.tsx?$'],
      },
    },
    {
      name: 'no-cycle-in-domain',
      severity: 'error',
      comment: 'The domain package is the leaf every other package builds on: no import cycles inside it.',
      from: { path: '^packages/domain/src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
