import type { Problem } from './problem';

/**
 * Typed domain errors. The API maps `code` to GraphQL `extensions.code` in one place;
 * the domain core never throws HTTP or framework errors.
 */
export type DomainErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'CALENDAR_NOT_PUBLISHED' | 'TOO_MANY_REQUESTS';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly problems: readonly Problem[] = [],
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
