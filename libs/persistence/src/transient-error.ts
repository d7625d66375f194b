import { DomainError, reasonOf } from '@ledger/kernel';

/**
 * PostgreSQL error codes of a failure that says nothing about the request: the connection was terminated or lost
 * (57P01–57P03, class 08), too many connections (53300), or the transaction lost a race it may win next time
 * (40001 serialization failure, 40P01 deadlock).
 */
const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
  '40001',
  '40P01',
]);

/** Socket errors and the pg client's own words for a connection that went away. */
const TRANSIENT_NODE_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);
const TRANSIENT_MESSAGES = [
  /^Connection terminated/,
  /not queryable/,
  /^timeout exceeded when trying to connect/,
  /^terminating connection/,
];

/** Seconds a client should wait before trying again (the pool replaces lost connections within that). */
export const RETRY_AFTER_SECONDS = 2;

/** Whether an error (a pg error, a TypeORM wrapper of one, or TypeORM's released-runner error) is transient. */
export function isTransientDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // TypeORM: the connection died under a transaction, which was released before the work's next statement.
  if (error.name === 'QueryRunnerAlreadyReleasedError' || error.name === 'QueryRunnerProviderAlreadyReleasedError')
    return true;
  const driver = (error as { driverError?: unknown }).driverError;
  if (driver instanceof Error && driver !== error && isTransientDatabaseError(driver)) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (TRANSIENT_CODES.has(code) || TRANSIENT_NODE_CODES.has(code))) return true;
  return TRANSIENT_MESSAGES.some((m) => m.test(error.message));
}

/**
 * A transient database failure that outlived the one retry: SERVICE_UNAVAILABLE with a reason the console renders
 * (nothing was saved, or — when the connection was lost while committing — the outcome is unknown).
 */
export class DatabaseUnavailableError extends DomainError {
  constructor(
    readonly failure: unknown,
    readonly outcomeUnknown: boolean,
  ) {
    super(
      'SERVICE_UNAVAILABLE',
      `the database connection was interrupted${outcomeUnknown ? ' while committing' : ''}: try again in ${RETRY_AFTER_SECONDS} s`,
      [],
      reasonOf(outcomeUnknown ? 'database.outcomeUnknown' : 'database.unavailable', { seconds: RETRY_AFTER_SECONDS }),
    );
  }
}
