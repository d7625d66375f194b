// One root config: every project's *.spec.ts runs with the same transformer and path aliases.
// Type checking is done once by `npm run typecheck`, so ts-jest only transpiles.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

const base = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Inline snapshots (test/db/sql-text.spec.ts) are written without Prettier: Jest 29 cannot load Prettier 3.
  prettierPath: null,
};

/**
 * The role journeys in the browser run a second time on the `npm start` configuration (embedded PGlite, jobs in the
 * API process, no Redis), with an idle gap before every test (test/web/web-harness.ts): the mode most people see.
 */
const EMBEDDED_JOURNEYS = ['console-shell', 'buyer-contract', 'vendor-report', 'finance-export'].map(
  (f) => `<rootDir>/test/web/${f}.e2e.spec.ts`,
);

/** The domain core (nothing from Nest, TypeORM, BullMQ or the network). */
const PURE_LIBS = ['kernel', 'sla', 'scoring', 'contracts'];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    // The pure domain libraries: no database, no network, no process; `npm run test:unit` runs only these (seconds).
    { ...base, displayName: 'unit', roots: PURE_LIBS.map((l) => `<rootDir>/libs/${l}`), testMatch: ['**/*.spec.ts'] },
    // Everything on the real servers: the app libs (features, jobs, persistence), the API, the worker, the e2e suites.
    {
      ...base,
      displayName: 'server',
      roots: [
        '<rootDir>/apps',
        '<rootDir>/libs/features',
        '<rootDir>/libs/jobs',
        '<rootDir>/libs/persistence',
        '<rootDir>/test',
      ],
      testMatch: ['**/*.spec.ts'],
    },
    {
      ...base,
      displayName: 'embedded',
      roots: ['<rootDir>/test/web'],
      testMatch: EMBEDDED_JOURNEYS,
      globals: { WEB_STACK_MODE: 'embedded' },
    },
  ],
  // PGlite loads its WebAssembly through import(), which Jest allows only with --experimental-vm-modules
  // (set by the npm scripts). A hook or test that hangs fails here instead of stalling CI.
  testTimeout: 60_000,
  // Two test files at a time, whatever the core count (Jest's default on 2 cores is one): the e2e files mostly wait
  // on PostgreSQL, Redis, Chromium and child processes, and each has its own database, queue prefix and ports. On a
  // clean clone on the 2-core CI machine the Jest part took 1394 s with one worker (2101 tests), 741 s with two and
  // 631 s with three (2155 tests; bench/RESULTS.md, "suite"); two keeps the browser journeys inside their timeouts.
  maxWorkers: 2,
};
