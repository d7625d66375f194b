import { type DocumentDecoration, type FragmentOf, initGraphQLTada, type ResultOf, type VariablesOf } from 'gql.tada';
// The AST library gql.tada parses with (already in the bundle): printing with it keeps graphql-js out of the console.
import { type DocumentNode, print } from '@0no-co/graphql.web';
import type { introspection } from './graphql-env';

/**
 * A small typed GraphQL client over fetch. Documents are written with `gqlDocument` (gql.tada): their result and
 * variables types are read from apps/api/schema.gql (through the generated graphql-env.d.ts), so a field renamed or
 * removed in the API breaks the console's type-check. No normalised cache: each page reads what it shows, and the
 * API's money and scores stay strings exactly as sent.
 *
 * Scalars as they travel: DateTime is an ISO string, Money a decimal string, ID a string. JSON is `unknown`: the
 * scalar says nothing of the shape, so a page that reads one narrows it to its own type where it reads it.
 * Fragments are not masked: a fragment's fields appear in the result where it is spread.
 */
export const gqlDocument = initGraphQLTada<{
  introspection: introspection;
  scalars: { ID: string; DateTime: string; Money: string; JSON: unknown };
  disableMasking: true;
}>();

export type { FragmentOf, ResultOf, VariablesOf };

/** A typed document: the AST gql.tada parsed, carrying its result and variables types. */
export type GqlDocument<TData, TVars> = DocumentNode & DocumentDecoration<TData, TVars>;

// The wire format is the query text: printed once per document (fragments included) and kept.
const printed = new WeakMap<DocumentNode, string>();
function queryText(document: DocumentNode): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

/** One validation problem of a refused input: where, its code and parameters (rendered by the console), and English. */
export type GqlProblem = {
  path: string;
  code?: string | null;
  params?: Readonly<Record<string, string>> | null;
  message: string;
};

/**
 * One error of a GraphQL response: its message and `extensions.code` (BAD_USER_INPUT, FORBIDDEN, …), and for a refused
 * input its `messageCode` ('input.problems') with parameters and every problem. The console shows codes, never `message`.
 */
export type GqlErrorItem = {
  message: string;
  code: string;
  messageCode?: string;
  messageParams?: Readonly<Record<string, string>>;
  path?: readonly (string | number)[];
  problems?: readonly GqlProblem[];
};

export class GraphqlRequestError extends Error {
  constructor(
    readonly errors: readonly GqlErrorItem[],
    readonly httpStatus?: number,
  ) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'GraphqlRequestError';
  }

  /** The first error's code, e.g. to send an expired session back to the login page. */
  get code(): string {
    return this.errors[0]?.code ?? 'UNKNOWN';
  }
}

type RawError = {
  message?: unknown;
  path?: (string | number)[];
  extensions?: {
    code?: unknown;
    messageCode?: unknown;
    messageParams?: Record<string, string>;
    problems?: GqlProblem[];
  };
};

function toItem(e: RawError): GqlErrorItem {
  return {
    message: typeof e.message === 'string' ? e.message : 'Unknown error',
    code: typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN',
    messageCode: typeof e.extensions?.messageCode === 'string' ? e.extensions.messageCode : undefined,
    messageParams: e.extensions?.messageParams,
    path: e.path,
    problems: e.extensions?.problems,
  };
}

export const GRAPHQL_ENDPOINT = '/graphql';

export async function graphqlRequest<TData, TVars>(
  document: GqlDocument<TData, TVars>,
  variables: NoInfer<TVars>,
  token?: string | null,
): Promise<TData> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      // application/json is what Apollo's CSRF prevention asks for.
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: queryText(document), variables }),
    });
  } catch (e) {
    throw new GraphqlRequestError([{ message: e instanceof Error ? e.message : String(e), code: 'NETWORK_ERROR' }]);
  }
  let body: { data?: TData | null; errors?: RawError[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new GraphqlRequestError([{ message: `HTTP ${response.status}`, code: 'BAD_RESPONSE' }], response.status);
  }
  if (body.errors?.length) throw new GraphqlRequestError(body.errors.map(toItem), response.status);
  if (body.data === undefined || body.data === null)
    throw new GraphqlRequestError([{ message: `HTTP ${response.status}`, code: 'BAD_RESPONSE' }], response.status);
  return body.data;
}
