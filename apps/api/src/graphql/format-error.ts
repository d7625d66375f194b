import { DomainError } from '@ledger/kernel';
import { GraphQLError, GraphQLFormattedError } from 'graphql';

/**
 * The one place where errors become GraphQL errors. Domain errors keep their code and problems;
 * GraphQL's own validation errors pass through; everything else is masked.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof DomainError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: original.code, problems: original.problems },
    };
  }
  const code = formatted.extensions?.code;
  const isClientError =
    code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT' || code === 'PERSISTED_QUERY_NOT_FOUND';
  if (isClientError) return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
