// Architecture boundaries, checked by `npm test` (npm run boundaries).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'apps-not-into-other-apps',
      comment: 'Apps talk through Kafka and share only libs/contracts; they never import each other.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/', pathNot: '^apps/embedded/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'embedded-only-composes-app-modules',
      comment: 'The embedded entry may import each app module, and only that, from apps.',
      severity: 'error',
      from: { path: '^apps/embedded/' },
      to: {
        path: '^apps/(launches|teams|checklists|gateway)/',
        pathNot: '^apps/[^/]+/src/[a-z-]+\\.module\\.ts$|^apps/[^/]+/src/index\\.ts$',
      },
    },
    {
      name: 'web-app-imports-no-server-code',
      comment:
        'The web app runs in the browser and talks to the gateway only over HTTP/WebSocket: no server code, no libs, no server packages.',
      severity: 'error',
      from: { path: '^apps/web/src/' },
      to: {
        path: '^(apps/(?!web/)|libs/)|node_modules/(@nestjs|@apollo|typeorm|kafkajs|pg|better-sqlite3|express|ws|pino)/',
      },
    },
    {
      name: 'cli-is-a-standalone-package',
      comment:
        'apps/cli ships as its own bundled npm package (apps/cli/package.json): no libs, no server packages, only the small client libraries it bundles.',
      severity: 'error',
      from: { path: '^apps/cli/src/' },
      to: {
        path: '^(apps/(?!cli/)|libs/)|node_modules/',
        pathNot: 'node_modules/(commander|zod|ws|graphql-ws|yaml|@types/ws|@types/node)/',
      },
    },
    {
      name: 'libs-not-into-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'only-messaging-imports-kafkajs',
      comment: 'kafkajs is unmaintained (tulios/kafkajs#1603): keep a later switch a one-library change.',
      severity: 'error',
      from: { pathNot: '^libs/messaging/' },
      to: { path: 'node_modules/kafkajs/' },
    },
    {
      name: 'domain-is-pure',
      comment: 'Deciders and read-model logic import no framework, driver or broker client.',
      severity: 'error',
      from: { path: '/domain/' },
      to: {
        path: 'node_modules/(@nestjs|typeorm|kafkajs|pg|better-sqlite3|graphql|express|@apollo)/',
      },
    },
    {
      name: 'domain-imports-only-contracts-from-libs',
      severity: 'error',
      from: { path: '^apps/[^/]+/src/.*domain/' },
      to: { path: '^libs/(event-store|messaging|service-kit)/' },
    },
    {
      name: 'contracts-has-no-runtime-deps',
      comment: 'Contracts are plain types and constants that every process can load.',
      severity: 'error',
      from: { path: '^libs/contracts/' },
      to: { path: '^(node_modules/|libs/(?!contracts/))', pathNot: 'node_modules/@types/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|data|\\.infra)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
