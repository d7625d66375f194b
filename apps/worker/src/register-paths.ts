import { join } from 'path';
import { register } from 'tsconfig-paths';

/**
 * Compiled output keeps `@ledger/*` imports as written; map them to the compiled libraries.
 * `dist/apps/worker/src` → `dist`.
 */
register({
  baseUrl: join(__dirname, '..', '..', '..'),
  paths: { '@ledger/migrations': ['migrations/index'], '@ledger/*': ['libs/*/src/index'] },
});
