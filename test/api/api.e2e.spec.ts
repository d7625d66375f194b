import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { startApi } from './api-app';

type Problem = { path: string; message: string };

describe('API (GraphQL over HTTP, real module)', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await startApi();
  });
  afterAll(async () => {
    await app.close();
  });

  const gql = (query: string, variables: Record<string, unknown> = {}) =>
    request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json').send({ query, variables });

  it('reports health', async () => {
    const res = await request(app.getHttpServer()).get('/health').expect(200);
    expect(res.body.status).toBe('ok');
  });

  it('checks a configuration without saving it and reports every problem with its path', async () => {
    const res = await gql(
      `query ($c: JSON!) { checkContractConfiguration(configuration: $c) { valid problems { path message } } }`,
      { c: { schemaVersion: 1, term: { start: '2026-12-31', end: '2026-01-01' }, money: { amount: 'a lot' } } },
    ).expect(200);
    const check = res.body.data.checkContractConfiguration as { valid: boolean; problems: Problem[] };
    expect(check.valid).toBe(false);
    const paths = check.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['parties', 'money.amount', 'term.end']));
    expect(check.problems.length).toBeGreaterThanOrEqual(3);
  });

  it('publishes the configuration language as JSON Schema', async () => {
    const res = await gql('{ contractConfigurationJsonSchema }').expect(200);
    const schema = res.body.data.contractConfigurationJsonSchema as { type: string; properties: Record<string, unknown> };
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['parties', 'money', 'term', 'payment']));
  });

  it('rejects malformed queries with a client error code', async () => {
    const res = await gql('{ noSuchField }');
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a cross-site simple request (CSRF prevention)', async () => {
    const res = await request(app.getHttpServer()).post('/graphql').set('content-type', 'text/plain').send('{"query":"{ __typename }"}');
    expect(res.status).toBe(400);
  });
});
