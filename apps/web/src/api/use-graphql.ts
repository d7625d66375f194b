import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '../session/session';
import { type GqlDocument, graphqlRequest, GraphqlRequestError } from './graphql-client';

export type QueryState<TData> =
  | { status: 'loading'; data?: undefined; error?: undefined; reload(): void }
  | { status: 'error'; data?: undefined; error: GraphqlRequestError; reload(): void }
  | { status: 'ready'; data: TData; error?: undefined; reload(): void };

function asRequestError(e: unknown): GraphqlRequestError {
  return e instanceof GraphqlRequestError
    ? e
    : new GraphqlRequestError([{ message: e instanceof Error ? e.message : String(e), code: 'CLIENT_ERROR' }]);
}

/**
 * Runs a query with the session's token when the variables change (compared by value). An expired or revoked
 * token signs the user out, which sends them to the login page.
 */
export function useGraphqlQuery<TData, TVars>(
  document: GqlDocument<TData, TVars>,
  variables: NoInfer<TVars>,
): QueryState<TData> {
  const { token, endSession } = useSession();
  const key = JSON.stringify(variables);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'error'; error: GraphqlRequestError } | { status: 'ready'; data: TData }
  >({ status: 'loading' });
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    graphqlRequest(document, JSON.parse(key) as TVars, token)
      .then((data) => live && setState({ status: 'ready', data }))
      .catch((e: unknown) => {
        if (!live) return;
        const error = asRequestError(e);
        if (error.code === 'UNAUTHENTICATED') endSession();
        setState({ status: 'error', error });
      });
    return () => {
      live = false;
    };
  }, [document, key, token, attempt, endSession]);

  return { ...state, reload } as QueryState<TData>;
}

/** A mutation: `const [run, state] = useGraphqlMutation(DOC); await run(vars)`. Errors are thrown and kept in state. */
export function useGraphqlMutation<TData, TVars>(document: GqlDocument<TData, TVars>) {
  const { token, endSession } = useSession();
  const [state, setState] = useState<{ running: boolean; error: GraphqlRequestError | null }>({
    running: false,
    error: null,
  });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(
    async (variables: TVars): Promise<TData> => {
      setState({ running: true, error: null });
      try {
        const data = await graphqlRequest(document, variables, token);
        if (mounted.current) setState({ running: false, error: null });
        return data;
      } catch (e) {
        const error = asRequestError(e);
        if (error.code === 'UNAUTHENTICATED') endSession();
        if (mounted.current) setState({ running: false, error });
        throw error;
      }
    },
    [document, token, endSession],
  );
  return [run, state] as const;
}
