import { useState } from 'react';
import { GraphqlRequestError } from '../api/graphql-client';
import { ErrorState } from './query-state';

/** The part of a cursor page that says where the next one starts. */
export type PageTail = { endCursor: string | null; hasNextPage: boolean };

/**
 * "Load more" paging after a first page: further pages fetched with the previous page's cursor, kept under the
 * `key` (the filter) they were fetched for, so a page that arrives after the filter changed is not shown under the
 * new one. `append` joins the pages loaded so far with the next.
 */
export function useLoadMore<P extends PageTail>(
  key: string,
  fetchAfter: (after: string) => Promise<P>,
  append: (earlier: P, later: P) => P,
) {
  const [more, setMore] = useState<{ key: string; page: P } | null>(null);
  const [error, setError] = useState<GraphqlRequestError | null>(null);
  const extra = more?.key === key ? more.page : null;
  const load = async (first: PageTail) => {
    const next = extra ?? first;
    if (!next.endCursor) return;
    setError(null);
    try {
      const r = await fetchAfter(next.endCursor);
      setMore((m) => ({ key, page: m?.key === key ? append(m.page, r) : r }));
    } catch (e) {
      if (e instanceof GraphqlRequestError) setError(e);
      else throw e;
    }
  };
  const restart = () => {
    setMore(null);
    setError(null);
  };
  return { extra, error, load, restart };
}

/** The "load more" button while there is a next page, and the error of the last attempt with a retry. */
export function LoadMore({
  hasNextPage,
  running,
  error,
  onMore,
  labels,
}: {
  hasNextPage: boolean;
  running: boolean;
  error: GraphqlRequestError | null;
  onMore(): void;
  labels: { more: string; loadingMore: string };
}) {
  return (
    <>
      {hasNextPage ? (
        <p>
          <button type="button" onClick={onMore} disabled={running}>
            {running ? labels.loadingMore : labels.more}
          </button>
        </p>
      ) : null}
      {error ? <ErrorState error={error} onRetry={onMore} /> : null}
    </>
  );
}
