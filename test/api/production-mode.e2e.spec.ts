import { createHash } from 'crypto';
import request from 'supertest';
import { loadAppConfig } from '../../libs/features/src/config/app-config';
import { startApi, type TestApi } from './api-app';

describe('production mode', () => {
  let api: TestApi;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    api = await startApi({
      NODE_ENV: 'production',
      GRAPHQL_MAX_DEPTH: '4',
      GRAPHQL_MAX_COST: '200',
      GRAPHQL_MAX_ALIASES: '5',
    });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  it('turns introspection off', async () => {
    const res = await api.gql('{ __schema { queryType { name } } }');
    expect(res.body.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it('refuses operations over the depth, cost or alias limit before running them', async () => {
    const deep = await api.gql(
      '{ simulateSettlement(input: { presetId: "tianjin-2026-p8", asOf: "2026-12-31" }) { schedule { lines { deductions { amount } } } } }',
    );
    expect(deep.status).toBe(400);
    expect(deep.body.errors[0]).toMatchObject({
      message: 'query depth 5 exceeds the limit of 4',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    // presets weighs 20, each field under it 1.
    const wide = await api.gql(`{ presets { ${'id title tenant '.repeat(61)}} }`);
    expect(wide.body.errors[0]).toMatchObject({
      message: 'query cost 203 exceeds the limit of 200',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const aliases = await api.gql(
      '{ a: presets { id } b: presets { id } c: presets { id } d: presets { id } e: presets { id } f: presets { id } }',
    );
    expect(aliases.body.errors[0].message).toBe('query uses 6 aliases, more than the limit of 5');
    const fine = await api.gql('{ presets { id } }');
    expect(fine.body.errors).toBeUndefined();
  });

  it('hides "Did you mean" suggestions, in validation and in variable coercion', async () => {
    const field = await api.gql('{ presetz { id } }');
    expect(field.body.errors[0]).toMatchObject({
      message: 'Cannot query field "presetz" on type "Query".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const input = await api.gql('mutation ($i: LoginInput!) { login(input: $i) { token } }', {
      i: { email: 'a@demo.local', password: 'x', passwrd: 'y' },
    });
    expect(input.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(input.body.errors[0].message).toMatch(/Field "passwrd" is not defined by type "LoginInput"\.$/);
    expect(JSON.stringify([field.body, input.body])).not.toMatch(/Did you mean/);
  });

  it('has automatic persisted queries off: a hash is refused with its own code', async () => {
    const query = '{ presets { id } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const res = await http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(res.body.errors).toEqual([
      { message: 'PersistedQueryNotSupported', extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' } },
    ]);
    const byHash = await http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(byHash.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
  });

  it('answers the CSRF, batch and GET-mutation refusals with BAD_REQUEST and their status, not INTERNAL_SERVER_ERROR', async () => {
    const csrf = await http().post('/graphql').set('content-type', 'text/plain').send('{"query":"{ presets { id } }"}');
    expect(csrf.status).toBe(400);
    expect(csrf.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/^This operation has been blocked as a potential Cross-Site Request Forgery/),
      extensions: { code: 'BAD_REQUEST' },
    });
    const csrfGet = await http().get('/graphql').query({ query: '{ presets { id } }' });
    expect(csrfGet.status).toBe(400);
    expect(csrfGet.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    const batch = await http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ presets { id } }' }, { query: '{ presets { id } }' }]);
    expect(batch.status).toBe(400);
    expect(batch.body.errors).toEqual([
      { message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } },
    ]);
    const getMutation = await http()
      .get('/graphql')
      .set('apollo-require-preflight', 'true')
      .query({ query: 'mutation { login(input: { email: "a@demo.local", password: "x" }) { token } }' });
    expect(getMutation.status).toBe(405);
    expect(getMutation.body.errors).toEqual([
      {
        message: 'GET requests only support query operations, not mutation operations',
        extensions: { code: 'BAD_REQUEST' },
      },
    ]);
    const getQuery = await http()
      .get('/graphql')
      .set('apollo-require-preflight', 'true')
      .query({ query: '{ presets { id } }' });
    expect(getQuery.status).toBe(200);
  });

  it('refuses an oversized body with 413 and a JSON answer', async () => {
    const res = await http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ query: `{ ${'a '.repeat(600_000)}}` }));
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses to start without a JWT secret', () => {
    expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: required/);
  });
});
