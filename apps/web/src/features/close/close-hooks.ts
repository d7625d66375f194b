import { useCallback, useEffect, useState } from 'react';
import { graphqlRequest, GraphqlRequestError } from '../../api/graphql-client';
import { useMessages } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { closeChangeKey, closeMessages } from './close-messages';
import { PERIOD_CLOSE, type PeriodCloseDetail } from './close-queries';

/** Reads the close, and again every second while the worker has not produced the draft yet. */
export function usePolledClose(id: string) {
  const { token } = useSession();
  const [state, setState] = useState<{ close?: PeriodCloseDetail; error?: GraphqlRequestError }>({});
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const { periodClose } = await graphqlRequest(PERIOD_CLOSE, { id }, token);
        if (!live) return;
        setState({ close: periodClose });
        if (periodClose.status === 'pending' && periodClose.job?.status !== 'failed')
          timer = setTimeout(() => void poll(), 1000);
      } catch (e) {
        if (live)
          setState({
            error:
              e instanceof GraphqlRequestError
                ? e
                : new GraphqlRequestError([{ message: String(e), code: 'CLIENT_ERROR' }]),
          });
      }
    };
    void poll();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [id, token, attempt]);
  return { ...state, reload };
}

/** The input kinds the API names as changed, in the reader's words. */
export function useChangeNames(): (kinds: readonly string[]) => string {
  const t = useMessages(closeMessages);
  return (kinds) =>
    kinds
      .map((k) => {
        const key = closeChangeKey(k);
        return key ? t[key] : k;
      })
      .join('、');
}
