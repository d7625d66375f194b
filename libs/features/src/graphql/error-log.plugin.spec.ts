import { DomainError, ValidationError } from '@ledger/kernel';
import { GraphQLError } from 'graphql';
import { logGraphqlErrors } from './error-log.plugin';

function recorder() {
  const lines: { level: 'log' | 'warn' | 'error'; fields: Record<string, unknown>; message: string }[] = [];
  const at = (level: 'log' | 'warn' | 'error') => (fields: Record<string, unknown>, message: string) =>
    lines.push({ level, fields, message });
  return { lines, logger: { log: at('log'), warn: at('warn'), error: at('error') } };
}
const fieldError = (alias: string, original: Error) =>
  new GraphQLError(original.message, { path: [alias], originalError: original });

describe('logGraphqlErrors', () => {
  it('logs 200 refused aliases as one warn line without a stack and no error line', () => {
    const { lines, logger } = recorder();
    const errors = Array.from({ length: 200 }, (_, i) =>
      fieldError(`a${i}`, new DomainError('UNAUTHENTICATED', 'sign in first')),
    );
    logGraphqlErrors(logger, errors, 'probe');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'warn',
      message: 'GraphQL operation refused',
      fields: { operationName: 'probe', refused: { UNAUTHENTICATED: 200 }, paths: ['a0', 'a1', 'a2', 'a3', 'a4'] },
    });
    expect(JSON.stringify(lines[0].fields)).not.toMatch(/stack|sign in first/);
  });

  it('logs NOT_FOUND, BAD_USER_INPUT, CONFLICT and client errors at info, FORBIDDEN at warn', () => {
    const { lines, logger } = recorder();
    logGraphqlErrors(
      logger,
      [
        fieldError('a', new DomainError('NOT_FOUND', 'm')),
        fieldError(
          'b',
          new ValidationError([
            {
              path: 'x',
              code: 'text.passwordTooShort',
              params: { min: '12' },
              message: 'password "hunter2" is too short',
            },
          ]),
        ),
        fieldError('c', new DomainError('CONFLICT', 'm')),
      ],
      'q',
    );
    logGraphqlErrors(
      logger,
      [new GraphQLError('Syntax Error', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })],
      undefined,
    );
    logGraphqlErrors(
      logger,
      [fieldError('a', new DomainError('FORBIDDEN', 'm')), fieldError('b', new DomainError('NOT_FOUND', 'm'))],
      'q',
    );
    expect(lines.map((l) => [l.level, l.fields.refused])).toEqual([
      ['log', { NOT_FOUND: 1, BAD_USER_INPUT: 1, CONFLICT: 1 }],
      ['log', { GRAPHQL_PARSE_FAILED: 1 }],
      ['warn', { FORBIDDEN: 1, NOT_FOUND: 1 }],
    ]);
    // Messages may echo input (a password): never logged for a refusal.
    expect(JSON.stringify(lines)).not.toContain('hunter2');
  });

  it('logs an unexpected error at error level with the original error (its stack), beside the refusals', () => {
    const { lines, logger } = recorder();
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    logGraphqlErrors(logger, [fieldError('a', bug), fieldError('b', new DomainError('FORBIDDEN', 'm'))], 'q');
    expect(lines.map((l) => l.level)).toEqual(['error', 'warn']);
    expect(lines[0]).toMatchObject({
      message: 'GraphQL operation failed',
      fields: { err: bug, operationName: 'q', path: 'a' },
    });
  });
});
