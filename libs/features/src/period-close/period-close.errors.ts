import { DomainError, type ErrorReason, type Problem } from '@ledger/kernel';

/** Why a confirm is refused, beside the CONFLICT code: the console shows its own text for each. */
export type CloseRefusalCode = 'CLOSE_INPUTS_MISSING' | 'CLOSE_INPUTS_CHANGED' | 'CLOSE_PROVISIONAL_CALENDAR';

/**
 * A confirm the close's state does not allow yet: inputs are missing and no reason was given, or the inputs changed
 * since the draft was computed (request the close again for the next revision). GraphQL: extensions.code CONFLICT,
 * extensions.refusal the code, extensions.problems where it applies.
 */
export class CloseRefusal extends DomainError {
  constructor(
    readonly refusal: CloseRefusalCode,
    message: string,
    problems: readonly Problem[],
    reason: ErrorReason,
  ) {
    super('CONFLICT', message, problems, reason);
  }
}
