import type { Problem } from './problem';
import type { ErrorMessageCode, ProblemParams } from './problem-messages';

/**
 * Typed domain errors. The API maps `code` to GraphQL `extensions.code` in one place;
 * the domain core never throws HTTP or framework errors.
 */
export type DomainErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'CALENDAR_NOT_PUBLISHED'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE';

/**
 * Why a refusal happened, as a code of ERROR_MESSAGES with its parameters (GraphQL `extensions.messageCode`): a client
 * renders it in the reader's language, where the bare `code` (CONFLICT…) only says what kind of refusal it is.
 */
export type ErrorReason = { code: ErrorMessageCode; params: ProblemParams };

export function reasonOf(code: ErrorMessageCode, params: Readonly<Record<string, string | number>> = {}): ErrorReason {
  return { code, params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) };
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly problems: readonly Problem[] = [],
    readonly reason?: ErrorReason,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input: carries every problem with its path. */
export class ValidationError extends DomainError {
  constructor(problems: readonly Problem[], message = `${problems.length} problem(s) in the input`) {
    super('BAD_USER_INPUT', message, problems);
  }
}
