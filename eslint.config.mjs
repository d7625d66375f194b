import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Framework and I/O packages the pure domain libraries must never import.
const IO_AND_FRAMEWORK = [
  '@nestjs/*',
  'typeorm',
  'typeorm/*',
  'bullmq',
  'ioredis',
  'pg',
  'pg-*',
  '@electric-sql/*',
  'express',
  'axios',
  'node:fs',
  'fs',
  'node:net',
  'net',
  'node:http',
  'http',
  'node:https',
  'https',
  'node:child_process',
  'child_process',
  'chinese-days',
  'dayjs',
  'dayjs-*',
];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'tmp/**', 'coverage/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          banTransitiveDependencies: true,
          depConstraints: [
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: IO_AND_FRAMEWORK,
            },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:data', 'type:feature'] },
            // The features (resolvers, services, repositories, job handlers) stand on the domain and the data libs.
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:domain', 'type:data'] },
            // The console imports only the kernel's dependency-free problem dictionary (@ledger/kernel/problem-messages).
            { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['scope:kernel'] },
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:domain', 'type:data'] },
            {
              sourceTag: 'type:test',
              onlyDependOnLibsWithTags: ['type:domain', 'type:app', 'type:data', 'type:feature'],
            },
            {
              sourceTag: 'type:bench',
              onlyDependOnLibsWithTags: ['type:domain', 'type:app', 'type:data', 'type:feature'],
            },
            // Within the domain: kernel is the root, sla and scoring stand on it, contracts composes them.
            { sourceTag: 'scope:sla', onlyDependOnLibsWithTags: ['scope:sla', 'scope:kernel'] },
            { sourceTag: 'scope:scoring', onlyDependOnLibsWithTags: ['scope:scoring', 'scope:kernel'] },
            {
              sourceTag: 'scope:contracts',
              onlyDependOnLibsWithTags: ['scope:contracts', 'scope:sla', 'scope:scoring', 'scope:kernel'],
            },
            { sourceTag: 'scope:kernel', onlyDependOnLibsWithTags: ['scope:kernel'] },
          ],
        },
      ],
    },
  },
  {
    // Domain code: no hidden clock, no floats for money. Tests may use the Date constructor freely.
    files: ['libs/{kernel,sla,scoring,contracts}/**/*.ts'],
    ignores: ['libs/**/*.spec.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'parseFloat', message: 'Money and scores are decimals: use decimal.js.' },
      ],
      // Backstop to the Nx rule (which does not see Node built-ins): the domain core does no I/O.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: IO_AND_FRAMEWORK,
              message: 'The domain core is pure: no framework, I/O or run-time calendar package.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass `now` as a parameter; the domain core has no clock.' },
        { object: 'Number', property: 'parseFloat', message: 'Money and scores are decimals: use decimal.js.' },
      ],
    },
  },
  {
    // The web console only displays money: it arrives as a decimal string and is formatted as text, never parsed.
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'parseFloat', message: 'Money is a decimal string from the API: display it, never parse it.' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Number',
          property: 'parseFloat',
          message: 'Money is a decimal string from the API: display it, never parse it.',
        },
      ],
    },
  },
  {
    // Only the two classic hook rules, not v7's React Compiler rules: the console does not use the compiler.
    // exhaustive-deps is an error: a stale closure here shows an old contract's data without any failure.
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Features (libs/features/src/<feature>/) import another feature only through its public API, the folder's
    // index.ts ('../contracts'), never its files; the shared building blocks below are imported directly. The
    // folder graph is acyclic (test/lint-boundaries.spec.ts).
    files: ['libs/features/src/*/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../*/*',
                '!../auth/*',
                '!../config/*',
                '!../database/*',
                '!../graphql/*',
                '!../http/*',
                '!../shared/*',
                '!../web/*',
              ],
              message: "Import another feature through its public API ('../<feature>', its index.ts).",
            },
          ],
        },
      ],
    },
  },
  {
    // One data-access style (docs/decisions.md, "Data access: one style"): services, resolvers, job handlers,
    // schedulers and guards reach the database only through their feature's repository or store, where the
    // TypeORM reads and the hand-written SQL (with its typed rows) live.
    files: ['libs/features/src/**/*.ts'],
    ignores: ['**/*.repository.ts', '**/*.store.ts', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(query|getRepository|createQueryBuilder)$/]',
          message:
            "Data access lives in the feature's *.repository.ts or *.store.ts: call a method there with the EntityManager.",
        },
      ],
    },
  },
  {
    // Cross-project tests boot the real apps by path; the boundaries protect the domain core, not the tests.
    files: ['test/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
