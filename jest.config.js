// Three tiers, named by file suffix: *.spec.ts (pure, no infrastructure),
// *.int-spec.ts (real PostgreSQL / Kafka), *.e2e-spec.ts (several processes).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  // @nestjs/* 12 and a few of their dependencies ship ESM only: let swc turn them into CommonJS.
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|@platformatic|file-type|strtok3|token-types|peek-readable|uint8array-extras|@tokenizer)/)',
  ],
  moduleNameMapper: {
    '^@tminus/(contracts|event-store|messaging|testing|service-kit|tracing)$':
      '<rootDir>/libs/$1/src/index.ts',
    '^@tminus/tracing/register$': '<rootDir>/libs/tracing/src/register.ts',
  },
  // The boundaries fixture holds a spec file on purpose (test support may be used from specs).
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.infra/', '/test/boundaries/fixture/'],
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,scripts,test}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,scripts,test}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/timeouts.int.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{apps,libs,scripts,test}/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/timeouts.e2e.ts'],
    },
  ],
};
