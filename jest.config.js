// One root config: every project's *.spec.ts runs with the same transformer and path aliases.
// Type checking is done once by `npm run typecheck`, so ts-jest only transpiles.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  moduleFileExtensions: ['ts', 'js', 'json'],
  // PGlite loads its WebAssembly through import(), which Jest allows only with --experimental-vm-modules
  // (set by the npm scripts). A hook or test that hangs fails here instead of stalling CI.
  testTimeout: 60_000,
};
