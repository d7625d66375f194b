import { DomainError, ValidationError, type Problem } from '@ledger/kernel';
import { GraphQLError, GraphQLFormattedError } from 'graphql';

/**
 * Codes of errors the client caused, set by GraphQL or Apollo Server: they reach the client as they are.
 * BAD_REQUEST covers Apollo's refusals of the request itself (CSRF prevention, a batch, a mutation over GET,
 * a malformed body) and the edge limits; OPERATION_RESOLUTION_FAILURE an unknown `operationName`.
 */
export const CLIENT_ERROR_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** What a client sees of an error (its code) and whether it is an expected refusal or a failure of ours. */
export type ErrorClass = { code: string; expected: boolean; domain?: DomainError };

/** Domain errors are expected refusals with their own code, as are the client errors above; everything else is a failure. */
export function classifyError(error: unknown, formattedCode?: unknown): ErrorClass {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof DomainError) return { code: original.code, expected: true, domain: original };
  const code = (error instanceof GraphQLError ? error.extensions?.code : undefined) ?? formattedCode;
  // A resolver's own GraphQLError keeps its code only if it is a client error; an unexpected throw has none.
  if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) return { code, expected: true };
  return { code: 'INTERNAL_SERVER_ERROR', expected: false };
}

/** GraphQL's "Did you mean …?" hints (field, argument, type and enum value names), as Apollo Server strips them. */
const SUGGESTION = / ?Did you mean(.+?)\?$/;

export type ErrorFormatOptions = {
  /** Production: no "Did you mean …?" hints in any message, also those of variable coercion, which Apollo's option misses. */
  hideSchemaDetails: boolean;
};

/**
 * The one place where errors become GraphQL errors. Domain errors keep their code and problems;
 * GraphQL's and Apollo's client errors pass through with their code; everything else is masked.
 */
export function createErrorFormatter(options: ErrorFormatOptions) {
  const clean = (message: string) => (options.hideSchemaDetails ? message.replace(SUGGESTION, '') : message);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const { code, expected, domain } = classifyError(error, formatted.extensions?.code);
    if (domain) {
      // A refusal that needs its own text in the console (a period close's confirm) names it beside the code.
      const refusal = 'refusal' in domain && typeof domain.refusal === 'string' ? { refusal: domain.refusal } : {};
      return {
        message: domain.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { ...domainExtensions(code, domain), ...refusal },
      };
    }
    if (expected)
      return {
        message: clean(formatted.message),
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code },
      };
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/** A problem as clients read it: where, its code and parameters (to render in the reader's language), and English. */
export function problemExtension(p: Problem): {
  path: string;
  code: string;
  params: Record<string, string>;
  message: string;
} {
  return { path: p.path, code: p.code, params: { ...p.params }, message: p.message };
}

/**
 * A domain error's extensions: its code and every problem; a refused input also says so as a code with its count
 * (`messageCode: 'input.problems'`), another refusal its reason where it has one, so a client never has to show the
 * English `message`.
 */
export function domainExtensions(code: string, domain: DomainError): Record<string, unknown> {
  const problems = domain.problems.map(problemExtension);
  if (domain instanceof ValidationError)
    return { code, messageCode: 'input.problems', messageParams: { count: String(problems.length) }, problems };
  // A refusal that says why (a close that is not a draft, a locked period…) names its reason as a code too.
  if (domain.reason)
    return { code, messageCode: domain.reason.code, messageParams: { ...domain.reason.params }, problems };
  return { code, problems };
}

/** Development and test: messages in full. */
export const formatGraphqlError = createErrorFormatter({ hideSchemaDetails: false });
