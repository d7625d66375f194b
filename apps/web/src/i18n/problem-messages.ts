// The validation problem and error-code dictionary lives with the codes in libs/kernel (dependency-free); the
// console renders the API's codes from it, so a code and its texts cannot drift apart.
import { renderErrorCode, renderProblem } from '@ledger/kernel/problem-messages';
import type { Locale } from './messages';

export {
  ERROR_MESSAGES,
  PROBLEM_CODES,
  PROBLEM_MESSAGES,
  renderErrorCode,
  renderProblem,
} from '@ledger/kernel/problem-messages';

/** A problem of the API in a language: from its code and parameters; a problem without a code is the generic one. */
export function problemText(
  locale: Locale,
  p: { code?: string | null; params?: Readonly<Record<string, string>> | null },
): string {
  return renderProblem(locale, p.code ?? 'value.invalid', p.params ?? {});
}

/** An error's reason in a language: its message code (a refused input's count), else its code; undefined when unknown. */
export function errorReason(
  locale: Locale,
  e: { code: string; messageCode?: string; messageParams?: Readonly<Record<string, string>> },
): string | undefined {
  return (
    (e.messageCode ? renderErrorCode(locale, e.messageCode, e.messageParams ?? {}) : undefined) ??
    renderErrorCode(locale, e.code)
  );
}
