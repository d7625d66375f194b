import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Logger, type LoggerService } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { classifyError } from './format-error';

/** Refusals about who asks (no or a bad session, no right, too many attempts) are logged at warn; other expected refusals at info. */
export const WARN_REFUSAL_CODES: ReadonlySet<string> = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'TOO_MANY_REQUESTS',
  // Not a refusal of the request: the database connection was lost (operators watch warnings, not info).
  'SERVICE_UNAVAILABLE',
]);

export type RefusalLogger = Pick<LoggerService, 'log' | 'warn' | 'error'>;

/** How many of each code, with the first few paths: never messages, which may echo input (a password in a bad login input). */
export function logRefusals(
  logger: RefusalLogger,
  refused: Readonly<Record<string, number>>,
  fields: Record<string, unknown>,
  message: string,
): void {
  const codes = Object.keys(refused);
  if (codes.length === 0) return;
  const entry = { ...fields, refused };
  if (codes.some((c) => WARN_REFUSAL_CODES.has(c))) logger.warn(entry, message);
  else logger.log(entry, message);
}

/**
 * The log lines of one GraphQL request's errors. Expected refusals (domain errors such as UNAUTHENTICATED, FORBIDDEN,
 * NOT_FOUND, BAD_USER_INPUT, CONFLICT, and GraphQL's and Apollo's client errors) make one line per request, without
 * a stack, however many fields were refused (a request of 200 aliases refused 200 times is one line). Only unexpected
 * errors are logged at error level, each with its stack.
 */
export function logGraphqlErrors(
  logger: RefusalLogger,
  errors: readonly unknown[],
  operationName: string | null | undefined,
): void {
  const refused: Record<string, number> = {};
  const paths: string[] = [];
  for (const error of errors) {
    const { code, expected } = classifyError(error);
    const path = error instanceof GraphQLError && error.path ? error.path.join('.') : undefined;
    if (!expected) {
      const cause = error instanceof GraphQLError && error.originalError ? error.originalError : error;
      logger.error({ err: cause, operationName, path }, 'GraphQL operation failed');
      continue;
    }
    refused[code] = (refused[code] ?? 0) + 1;
    if (path && paths.length < 5) paths.push(path);
  }
  logRefusals(logger, refused, { operationName, ...(paths.length ? { paths } : {}) }, 'GraphQL operation refused');
}

/**
 * Logs every GraphQL error through `logGraphqlErrors`: those of the operation, the edge limits' refusals (thrown by
 * the context function, request-limits.ts) and Apollo's refusals of the request itself (CSRF prevention, a batch,
 * a malformed body), which skip `didEncounterErrors`. Nest's own per-field error line is suppressed by the global
 * exception filter (http/http-errors.ts), so this is the only log of a GraphQL error.
 */
export function errorLogPlugin(logger: RefusalLogger = new Logger('GraphQL')): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operationName, request }) {
          logGraphqlErrors(logger, errors, operationName ?? request.operationName);
        },
      };
    },
    async contextCreationDidFail({ error }) {
      logGraphqlErrors(logger, [error], undefined);
    },
    async invalidRequestWasReceived({ error }) {
      logGraphqlErrors(logger, [error], undefined);
    },
  };
}
