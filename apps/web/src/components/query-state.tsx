import { type ReactNode, useCallback } from 'react';
import type { GqlErrorItem, GqlProblem, GraphqlRequestError } from '../api/graphql-client';
import type { QueryState } from '../api/use-graphql';
import { useLocale, useMessages } from '../i18n/i18n';
import { errorReason, problemText } from '../i18n/problem-messages';
import { commonMessages } from './common-messages';

export function Loading() {
  const t = useMessages(commonMessages);
  return (
    <p className="loading" role="status" aria-live="polite">
      {t.loading}
    </p>
  );
}

/** A problem of the API in the current language (from its code and parameters, never its English message). */
export function useProblemText(): (p: GqlProblem) => string {
  const { locale } = useLocale();
  return useCallback((p: GqlProblem) => problemText(locale, p), [locale]);
}

/** The problems of a failed request (all its errors), each with its path. */
export function problemsOf(error: GraphqlRequestError | null | undefined): readonly GqlProblem[] {
  return error?.errors.flatMap((e) => e.problems ?? []) ?? [];
}

/**
 * The problems of a failed mutation at one field, in the current language and joined (null when none): what each
 * form shows under a control. `path` is matched exactly (`input.dueOn`).
 */
export function useProblemsAt(error: GraphqlRequestError | null | undefined): (path: string) => string | null {
  const text = useProblemText();
  const problems = problemsOf(error);
  return (path: string) =>
    problems
      .filter((p) => p.path === path)
      .map(text)
      .join('；') || null;
}

/** The reason of an error in the current language: its code, or the console's own codes; never the server's English. */
export function useErrorReason(): (e: GqlErrorItem) => string {
  const { locale } = useLocale();
  const t = useMessages(commonMessages);
  return useCallback(
    (e: GqlErrorItem) =>
      errorReason(locale, e) ??
      (e.code === 'NETWORK_ERROR' ? t.errorNetwork : e.code === 'BAD_RESPONSE' ? t.errorBadResponse : t.errorUnknown),
    [locale, t],
  );
}

/** Each error's reason from its `extensions.code` (出错了 + reason) and the problems of a BAD_USER_INPUT, announced. */
export function ErrorState({ error, onRetry }: { error: GraphqlRequestError; onRetry?: () => void }) {
  const t = useMessages(commonMessages);
  const reason = useErrorReason();
  const text = useProblemText();
  return (
    <div className="error-state" role="alert">
      <strong>{t.errorTitle}</strong>
      <ul>
        {error.errors.map((e, i) => (
          <li key={i}>
            {reason(e)}{' '}
            <span className="error-code">
              ({t.errorCode}: <code>{e.code}</code>)
            </span>
            {e.problems?.length ? (
              <ul>
                {e.problems.map((p, j) => (
                  <li key={j}>
                    <code>{p.path}</code>: {text(p)}
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
export function QueryView<TData>({
  query,
  children,
}: {
  query: QueryState<TData>;
  children: (data: TData) => ReactNode;
}) {
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'error') return <ErrorState error={query.error} onRetry={query.reload} />;
  return <>{children(query.data)}</>;
}
