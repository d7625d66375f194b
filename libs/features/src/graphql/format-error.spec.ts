import { DomainError, problem, reasonOf, renderErrorCode, ValidationError } from '@ledger/kernel';
import { GraphQLError } from 'graphql';
import { classifyError, createErrorFormatter, formatGraphqlError } from './format-error';

describe('formatGraphqlError', () => {
  const formatted = { message: 'x', path: ['q'] };

  it('keeps a domain error code and its problems', () => {
    const err = new GraphQLError('wrapped', {
      originalError: new ValidationError([problem('money.amount', 'number.notDecimal', { value: 'abc' })]),
    });
    const out = formatGraphqlError(formatted, err);
    // Every problem carries its code and parameters; the count names the refusal in any language.
    expect(out.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      messageCode: 'input.problems',
      messageParams: { count: '1' },
      problems: [
        {
          path: 'money.amount',
          code: 'number.notDecimal',
          params: { value: 'abc' },
          message: '"abc" is not a decimal number',
        },
      ],
    });
  });

  it('names the reason of a refusal that has one as its message code', () => {
    const err = new GraphQLError('wrapped', {
      originalError: new DomainError(
        'CONFLICT',
        'period 2026-Q1 is closed: attendance can no longer change',
        [],
        reasonOf('period.locked', { period: '2026-Q1' }),
      ),
    });
    expect(formatGraphqlError(formatted, err).extensions).toEqual({
      code: 'CONFLICT',
      messageCode: 'period.locked',
      messageParams: { period: '2026-Q1' },
      problems: [],
    });
    expect(renderErrorCode('zh-CN', 'period.locked', { period: '2026-Q1' })).toBe(
      '2026-Q1 已结算确认，其输入不能再修改',
    );
    // Without a reason the code alone says what kind of refusal it is.
    expect(
      formatGraphqlError(formatted, new GraphQLError('w', { originalError: new DomainError('CONFLICT', 'm') }))
        .extensions,
    ).toEqual({ code: 'CONFLICT', problems: [] });
  });

  it.each(['NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'CALENDAR_NOT_PUBLISHED'] as const)('maps %s', (code) => {
    const err = new GraphQLError('wrapped', { originalError: new DomainError(code, 'm') });
    expect(formatGraphqlError(formatted, err).extensions?.code).toBe(code);
  });

  it('masks unknown errors', () => {
    const err = new GraphQLError('wrapped', { originalError: new Error('connection string postgres://secret@db') });
    const out = formatGraphqlError({ message: 'connection string postgres://secret@db', path: ['q'] }, err);
    expect(out).toEqual({
      message: 'Internal server error',
      path: ['q'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('passes GraphQL validation errors through', () => {
    const out = formatGraphqlError(
      { message: 'Cannot query field', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      new GraphQLError('Cannot query field'),
    );
    expect(out.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('formatGraphqlError: Apollo refusals of the request keep their own code', () => {
  it.each([
    ['BAD_REQUEST', 'This operation has been blocked as a potential Cross-Site Request Forgery (CSRF).'],
    ['BAD_REQUEST', 'Operation batching disabled.'],
    ['BAD_REQUEST', 'GET requests only support query operations, not mutation operations'],
    ['PERSISTED_QUERY_NOT_SUPPORTED', 'PersistedQueryNotSupported'],
    ['OPERATION_RESOLUTION_FAILURE', 'Unknown operation named "x".'],
  ])('%s: %s', (code, message) => {
    const err = new GraphQLError(message, { extensions: { code } });
    expect(formatGraphqlError({ message, extensions: { code } }, err)).toEqual({ message, extensions: { code } });
  });
});

describe('createErrorFormatter({ hideSchemaDetails: true }) (production)', () => {
  const format = createErrorFormatter({ hideSchemaDetails: true });

  it('strips "Did you mean" from validation and variable coercion messages', () => {
    const validation = 'Cannot query field "contractz" on type "Query". Did you mean "contract" or "contracts"?';
    expect(
      format(
        { message: validation, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
        new GraphQLError(validation, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
      ).message,
    ).toBe('Cannot query field "contractz" on type "Query".');
    const coercion =
      'Variable "$i" got invalid value { emial: "a" }; Field "emial" is not defined by type "LoginInput". Did you mean "email"?';
    expect(
      format(
        { message: coercion, extensions: { code: 'BAD_USER_INPUT' } },
        new GraphQLError(coercion, { extensions: { code: 'BAD_USER_INPUT' } }),
      ).message,
    ).toBe('Variable "$i" got invalid value { emial: "a" }; Field "emial" is not defined by type "LoginInput".');
  });

  it('leaves domain messages alone', () => {
    const err = new GraphQLError('wrapped', {
      originalError: new DomainError('NOT_FOUND', 'no contract. Did you mean to sign in?'),
    });
    expect(format({ message: 'wrapped' }, err).message).toBe('no contract. Did you mean to sign in?');
  });
});

describe('classifyError', () => {
  it('tells expected refusals from failures', () => {
    expect(classifyError(new GraphQLError('w', { originalError: new DomainError('FORBIDDEN', 'no') }))).toMatchObject({
      code: 'FORBIDDEN',
      expected: true,
    });
    expect(classifyError(new GraphQLError('bad', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } }))).toMatchObject({
      code: 'GRAPHQL_PARSE_FAILED',
      expected: true,
    });
    expect(classifyError(new GraphQLError('boom', { originalError: new TypeError('x is undefined') }))).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      expected: false,
    });
    expect(classifyError(new Error('boom'))).toEqual({ code: 'INTERNAL_SERVER_ERROR', expected: false });
  });
});
