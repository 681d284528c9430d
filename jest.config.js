// Four projects: unit tests beside the source, the web app's own modules, services on a real database
// without HTTP, and HTTP tests against real PostgreSQL and Redis.
const { availableParallelism } = require('node:os');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

// openid-client and oidc-provider (and their jose, oauth4webapi) ship only ES modules; Node 20.19+ loads
// them with require(), jest's own module loader does not: jest compiles them to CommonJS like our code.
const ESM_PACKAGES = ['openid-client', 'oauth4webapi', 'jose', 'oidc-provider'];
const esm = {
  transform: { '^.+\\.ts$': swc, [`node_modules/(${ESM_PACKAGES.join('|')})/.+\\.js$`]: swc },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
};

/** @type {import('jest').Config} */
module.exports = {
  // HTTP tests talk to real services and run in parallel on few cores; a slow moment is not a failure.
  testTimeout: 60000,
  // The suites mostly wait on PostgreSQL, Redis and HTTP: on two cores, jest's default (cores - 1, so
  // one file at a time in band) left a core idle; three files at once took CI's jest from 7.7 to 3.7 min.
  // At most six: each file's app has a pool of up to 10 connections, PostgreSQL allows 100 by default.
  maxWorkers: Math.min(6, Math.max(3, availableParallelism())),
  projects: [
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
      ...esm,
      testEnvironment: 'node',
    },
    {
      // The web app's catalogue, formats and generated client (its pages are Playwright's: web/tests).
      displayName: 'web',
      testMatch: ['<rootDir>/web/app/**/*.spec.ts'],
      transform: { '^.+\\.ts$': swc },
      testEnvironment: 'node',
    },
    {
      // The middle tier: services on a cloned database, without HTTP (test/support/services.ts).
      displayName: 'service',
      testMatch: ['<rootDir>/test/service/**/*.service-spec.ts'],
      ...esm,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      ...esm,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
