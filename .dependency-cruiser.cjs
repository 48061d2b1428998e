/**
 * Module boundaries, checked by `npm run lint` (docs/decisions/0003-module-manifest.md): a module
 * uses another only through its public surface, the platform never imports a module, the domain
 * has no import cycle. Every violation fails the build; there is no list of tolerated ones.
 */
module.exports = {
  forbidden: [
    {
      name: 'module-through-its-index',
      severity: 'error',
      comment:
        "A server module uses another only through that module's index.ts (what it offers the others), never its " +
        'manifest, tables or internal files. The module list is read through the platform (installedModules).',
      from: { path: '^packages/server/src/modules/([^/]+)/', pathNot: '\\.test\\.ts$' },
      to: {
        path: '^packages/server/src/modules/([^/]+)/',
        pathNot: ['^packages/server/src/modules/$1/', '^packages/server/src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'module-not-the-list',
      severity: 'error',
      comment:
        'A module never imports the module list (server-modules.ts): the list imports every manifest, so that would be ' +
        'a cycle through every module. Code that iterates over the modules reads installedModules() from the platform.',
      from: { path: '^packages/server/src/modules/[^/]+/' },
      to: { path: '^packages/server/src/server-modules\\.ts$' },
    },
    {
      name: 'module-test-boundary',
      severity: 'error',
      comment:
        "A module's tests import their own module, the platform, db/, the domain, the test harness " +
        "(packages/server/test: factories, and storage.ts for what lies beneath another module's API) and other " +
        "modules' index.ts, never another module's tables, jobs or internal files; a test about several modules " +
        'goes in packages/server/test.',
      from: { path: '^packages/server/src/modules/([^/]+)/.+\\.test\\.ts$' },
      to: {
        path: '^packages/',
        pathNot: [
          '^packages/server/src/modules/$1/',
          '^packages/server/src/modules/[^/]+/index\\.ts$',
          '^packages/server/src/(platform|db)/',
          '^packages/server/test/',
          '^packages/domain/',
        ],
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
      comment: "A console module uses another only through that module's index.ts (its manifest is manifest.ts).",
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
    // Tests are left out, but for a module's own (rule module-test-boundary).
    exclude: { path: '^(?!packages/server/src/modules/[^/]+/).*\\.test\\.tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
