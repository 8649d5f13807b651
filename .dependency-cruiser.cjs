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
        'apps/cli ships as its own bundled npm package (apps/cli/package.json): no libs (but the dependency-free contracts rule files), no server packages, only the small client libraries it bundles.',
      severity: 'error',
      from: { path: '^apps/cli/src/' },
      to: {
        path: '^(apps/(?!cli/)|libs/)|node_modules/',
        // The dependency-free rule files of libs/contracts are bundled: one source for input rules (ADR 0013).
        pathNot:
          '^libs/contracts/src/(common/input-limits|teams/team-function)\\.ts$|node_modules/(commander|zod|ws|graphql-ws|yaml|@types/ws|@types/node)/',
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
      comment:
        'Kafka clients (kafkajs, @platformatic/kafka: ADR 0015) stay behind libs/messaging: a switch stays a one-library change.',
      severity: 'error',
      from: { pathNot: '^libs/messaging/' },
      to: { path: 'node_modules/(kafkajs|@platformatic/kafka)/' },
    },
    {
      name: 'domain-is-pure',
      comment: 'Deciders and read-model logic import no framework, driver or broker client.',
      severity: 'error',
      from: { path: '/domain/' },
      to: {
        path: 'node_modules/(@nestjs|typeorm|kafkajs|@platformatic/kafka|pg|better-sqlite3|graphql|express|@apollo)/',
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
      name: 'gateway-doors-not-into-other-doors',
      comment:
        'A gateway door (GraphQL, REST gate, GitHub, web app, GraphiQL) uses only the core; doors/http is the HTTP plumbing they share (ADR 0013).',
      severity: 'error',
      from: { path: '^apps/gateway/src/doors/([^/]+)/' },
      to: { path: '^apps/gateway/src/doors/', pathNot: '^apps/gateway/src/doors/($1|http)/' },
    },
    {
      name: 'gateway-doors-not-into-app',
      comment: 'app/ is the composition root: it imports the doors, never the other way round.',
      severity: 'error',
      from: { path: '^apps/gateway/src/doors/' },
      to: { path: '^apps/gateway/src/app/' },
    },
    {
      name: 'gateway-core-not-into-doors',
      comment: 'The core knows no door and no composition root.',
      severity: 'error',
      from: { path: '^apps/gateway/src/core/' },
      to: { path: '^apps/gateway/src/(doors|app)/' },
    },
    {
      name: 'gateway-core-is-framework-free',
      comment: 'Nest, Express, Apollo and GraphQL stay in the doors and app/; the core is plain TypeScript.',
      severity: 'error',
      from: { path: '^apps/gateway/src/core/', pathNot: '\\.spec\\.ts$' },
      to: { path: 'node_modules/(@nestjs|@apollo|@as-integrations|express|graphql|graphql-ws|ws)/' },
    },
    {
      name: 'no-test-support-in-production',
      comment:
        'Test helpers (**/testing/**, libs/testing, test/ folders) serve specs, benches and tools; production code never loads them.',
      severity: 'error',
      from: {
        path: '^(apps|libs)/',
        pathNot:
          '\\.(spec|int-spec|e2e-spec)\\.ts$|fixtures?\\.ts$|/testing/|^libs/testing/|^apps/[^/]+/test/',
      },
      to: { path: 'fixtures?\\.ts$|/testing/|^libs/testing/|^apps/[^/]+/test/|^test/' },
    },
    {
      name: 'libs-not-into-scripts',
      comment: 'scripts/ are entry points and tools; what a lib needs from them belongs in a lib.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^scripts/' },
    },
    {
      name: 'libs-import-other-libs-by-name',
      comment:
        'A lib reaches another only through its package name (its public index), never by relative path.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: '^libs/$1/', dependencyTypesNot: ['aliased'] },
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
