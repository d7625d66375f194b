import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, urlencoded } from 'express';
import type { AppConfig } from '../config/app-config';
import { applySecurityHeaders } from '../web/security-headers';
import { ExceptionLogFilter, graphqlBodyErrorHandler } from './http-errors';

export const GRAPHQL_PATH = '/graphql';
/** Express's own default, for the JSON or form body of any other route (none takes one today). */
const OTHER_BODY_LIMIT_BYTES = 100 * 1024;

/**
 * The HTTP layer's settings, written once for the server (main.ts) and the tests' application (test/api/api-app.ts),
 * so what the tests probe is what runs.
 */
export function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  applySecurityHeaders(app, config);
  // A GraphQL request is a query and its variables: GRAPHQL_MAX_BODY_BYTES (1 MiB) holds the largest contract
  // configuration many times over. Files never travel in it: a route that takes one reads its own body with its own
  // limit (POST /imports/tickets), which these JSON and form parsers leave alone. A refused body is answered by the
  // handler right after the parser, before any byte of it reaches Apollo Server.
  app.use(GRAPHQL_PATH, json({ limit: config.GRAPHQL_MAX_BODY_BYTES }));
  app.use(GRAPHQL_PATH, graphqlBodyErrorHandler(config.GRAPHQL_MAX_BODY_BYTES));
  // Every other route (Nest registers no parser of its own once these exist); their refusals reach ExceptionLogFilter.
  app.use(json({ limit: OTHER_BODY_LIMIT_BYTES }));
  app.use(urlencoded({ extended: false, limit: OTHER_BODY_LIMIT_BYTES }));
  // Expected refusals logged at info/warn without a stack, unexpected errors at error (http-errors.ts).
  app.useGlobalFilters(new ExceptionLogFilter(app.getHttpAdapter()));
}
