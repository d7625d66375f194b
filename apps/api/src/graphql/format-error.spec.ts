import { DomainError, ValidationError } from '@ledger/kernel';
import { GraphQLError } from 'graphql';
import { formatGraphqlError } from './format-error';

describe('formatGraphqlError', () => {
  const formatted = { message: 'x', path: ['q'] };

  it('keeps a domain error code and its problems', () => {
    const err = new GraphQLError('wrapped', { originalError: new ValidationError([{ path: 'money.amount', message: 'not a decimal' }]) });
    const out = formatGraphqlError(formatted, err);
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', problems: [{ path: 'money.amount', message: 'not a decimal' }] });
  });

  it.each(['NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'CALENDAR_NOT_PUBLISHED'] as const)('maps %s', (code) => {
    const err = new GraphQLError('wrapped', { originalError: new DomainError(code, 'm') });
    expect(formatGraphqlError(formatted, err).extensions?.code).toBe(code);
  });

  it('masks unknown errors', () => {
    const err = new GraphQLError('wrapped', { originalError: new Error('connection string postgres://secret@db') });
    const out = formatGraphqlError({ message: 'connection string postgres://secret@db', path: ['q'] }, err);
    expect(out).toEqual({ message: 'Internal server error', path: ['q'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('passes GraphQL validation errors through', () => {
    const out = formatGraphqlError({ message: 'Cannot query field', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError('Cannot query field'));
    expect(out.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
