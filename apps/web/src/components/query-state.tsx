import type { ReactNode } from 'react';
import type { GraphqlRequestError } from '../api/graphql-client';
import type { QueryState } from '../api/use-graphql';
import { useMessages } from '../i18n/i18n';
import { commonMessages } from './common-messages';

export function Loading() {
  const t = useMessages(commonMessages);
  return (
    <p className="loading" role="status" aria-live="polite">
      {t.loading}
    </p>
  );
}

/** The API's message and `extensions.code` of each error (and the problems of a BAD_USER_INPUT), announced. */
export function ErrorState({ error, onRetry }: { error: GraphqlRequestError; onRetry?: () => void }) {
  const t = useMessages(commonMessages);
  return (
    <div className="error-state" role="alert">
      <strong>{t.errorTitle}</strong>
      <ul>
        {error.errors.map((e, i) => (
          <li key={i}>
            {e.message} <span className="error-code">({t.errorCode}: <code>{e.code}</code>)</span>
            {e.problems?.length ? (
              <ul>
                {e.problems.map((p, j) => (
                  <li key={j}>
                    <code>{p.path}</code>: {p.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {t.retry}
        </button>
      ) : null}
    </div>
  );
}

/** Loading, error (with retry) or the content rendered from the data. */
export function QueryView<TData>({ query, children }: { query: QueryState<TData>; children: (data: TData) => ReactNode }) {
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'error') return <ErrorState error={query.error} onRetry={query.reload} />;
  return <>{children(query.data)}</>;
}
