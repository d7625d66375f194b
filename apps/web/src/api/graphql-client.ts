/**
 * A small typed GraphQL client over fetch. A document is a string carrying its result and variables types, so a
 * page declares `gqlDocument<Data, Vars>(`query …`)` once and every call is checked. No normalised cache: each
 * page reads what it shows, and the API's money and scores stay strings exactly as sent.
 */
export type GqlDocument<TData, TVars> = string & { readonly __types?: (vars: TVars) => TData };

export function gqlDocument<TData, TVars extends Record<string, unknown> = Record<string, never>>(source: string): GqlDocument<TData, TVars> {
  return source as GqlDocument<TData, TVars>;
}

/** One validation problem of a refused input: where, its code and parameters (rendered by the console), and English. */
export type GqlProblem = { path: string; code?: string | null; params?: Readonly<Record<string, string>> | null; message: string };

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
  constructor(readonly errors: readonly GqlErrorItem[], readonly httpStatus?: number) {
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
  extensions?: { code?: unknown; messageCode?: unknown; messageParams?: Record<string, string>; problems?: GqlProblem[] };
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

export async function graphqlRequest<TData, TVars>(document: GqlDocument<TData, TVars>, variables: TVars, token?: string | null): Promise<TData> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      // application/json is what Apollo's CSRF prevention asks for.
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: document, variables }),
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
  if (body.data === undefined || body.data === null) throw new GraphqlRequestError([{ message: `HTTP ${response.status}`, code: 'BAD_RESPONSE' }], response.status);
  return body.data;
}
