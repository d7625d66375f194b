import { jobsEnvSchema } from '@ledger/jobs';
import { z } from 'zod';

/**
 * The process configuration, validated once at boot. Every variable is listed here and in docs/operations.md.
 * Secrets are marked so they never reach a log line.
 */
export const appConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** PostgreSQL server, as the application role; when absent the product runs on embedded PGlite under DATA_DIR. */
    DATABASE_URL: z.string().url().optional(),
    /** The owning role's URL, outside production only: migrations then run at start. Refused in production (migrate with `npm run db:migrate`). */
    DATABASE_MIGRATION_URL: z.string().url().optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /** Signs session tokens. Required in production; elsewhere a random one is kept in DATA_DIR. */
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .default(8 * 3600),
    /** Sign-in throttling: failures (per account, per client IP) within the window before a lockout that doubles with each further failure. */
    LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(50),
    LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
    LOGIN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).default(30),
    LOGIN_LOCKOUT_MAX_SECONDS: z.coerce.number().int().min(1).default(900),
    /**
     * GraphQL edge limits, in every mode (apps/api/src/graphql/query-limits.ts). The body limit holds any contract
     * configuration with a wide margin (the largest preset is ~25 kB of JSON); files travel on their own routes.
     */
    GRAPHQL_MAX_BODY_BYTES: z.coerce.number().int().min(65_536).default(1_048_576),
    /** Characters of the query text, and its GraphQL tokens: both refused before the document is parsed whole. */
    GRAPHQL_MAX_QUERY_LENGTH: z.coerce.number().int().min(1_000).default(100_000),
    GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).default(10_000),
    /** The deepest selection chain, the cost (fields, expensive ones weighted) and the aliases one operation may ask for. */
    GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).default(10),
    // At least 200: the heaviest field (login, a configuration check or simulation) costs 100 and must fit with its selection.
    GRAPHQL_MAX_COST: z.coerce.number().int().min(200).default(1000),
    GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).default(30),
    /** Automatic persisted queries (a cache of query texts by hash): off unless set to `on` deliberately. */
    GRAPHQL_PERSISTED_QUERIES: z.enum(['off', 'on']).default('off'),
    /**
     * Seed the five agencies' demo data into an empty database at start: `full` (default) the base demo and the showcase
     * (every role's home page with real numbers), `auto` the base demo only (what the test suites are written against).
     */
    SEED_DEMO: z.enum(['full', 'auto', 'off']).default('full'),
    DATA_DIR: z.string().default('./data'),
    /** The built web console (`npm run build:web`), served at / with the SPA fallback when it holds an index.html. */
    WEB_DIST_DIR: z.string().default('./dist/web'),
  })
  .extend(jobsEnvSchema.shape);

export type AppConfig = z.infer<typeof appConfigSchema>;

const productionNeedsSecret = (c: AppConfig) => c.NODE_ENV !== 'production' || c.JWT_SECRET !== undefined;

export const SENSITIVE_CONFIG_KEYS: readonly (keyof AppConfig)[] = [
  'DATABASE_URL',
  'DATABASE_MIGRATION_URL',
  'REDIS_URL',
  'JWT_SECRET',
];

export class ConfigInvalidError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigInvalidError';
  }
}

/** Parse the environment; report every bad variable at once, never echoing a secret's value. */
export function loadAppConfig(env: Record<string, string | undefined>): AppConfig {
  const result = appConfigSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigInvalidError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  if (!productionNeedsSecret(result.data))
    throw new ConfigInvalidError(['JWT_SECRET: required when NODE_ENV=production']);
  // The owner can disable the audit triggers: a serving process never holds its credentials in production.
  if (result.data.NODE_ENV === 'production' && result.data.DATABASE_MIGRATION_URL !== undefined) {
    throw new ConfigInvalidError([
      'DATABASE_MIGRATION_URL: not allowed when NODE_ENV=production (run migrations as a separate step: `npm run db:migrate`)',
    ]);
  }
  return result.data;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
