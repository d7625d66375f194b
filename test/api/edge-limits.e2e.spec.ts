import { randomBytes } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import { getIntrospectionQuery } from 'graphql';
import request from 'supertest';
import { startNodeProcess, type WorkerProcess } from '../jobs/worker-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startApi, type TestApi } from './api-app';

type Gql = { data?: Record<string, unknown> | null; errors?: { message: string; extensions: { code: string } }[] };

const API_MAIN = join(process.cwd(), 'dist', 'apps', 'api', 'src', 'main.js');
const MiB = 1024 * 1024;
/** The largest preset: the largest legitimate request body is a configuration of about this size. */
const LARGEST_PRESET = JSON.parse(
  readFileSync(join(process.cwd(), 'libs', 'contracts', 'src', 'presets', 'xuzhou-2026.preset.json'), 'utf8'),
) as { configuration?: unknown };
const CHECK = 'checkContractConfiguration(configuration: $c) { valid }';
const aliased = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');

/**
 * Issue 11, findings 1, 5 (second half), 10 and 11 at the GraphQL/HTTP edge: body, query-length and token limits
 * before parsing, depth/cost/alias limits in every mode, weighted expensive fields. In test mode here; production
 * mode in production-mode.e2e.spec.ts.
 */
describe('GraphQL edge limits (test mode)', () => {
  let api: TestApi;
  const post = (body: string | object, type = 'application/json') =>
    request(api.app.getHttpServer()).post('/graphql').set('content-type', type).send(body);

  beforeAll(async () => {
    api = await startApi();
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  it('takes the largest preset configuration as a variable, well within the body limit', async () => {
    const body = JSON.stringify({
      query: `query ($c: JSON!) { ${CHECK} }`,
      variables: { c: LARGEST_PRESET.configuration ?? LARGEST_PRESET },
    });
    expect(Buffer.byteLength(body)).toBeLessThan(MiB / 16);
    const res = await post(body).expect(200);
    expect(res.body).toEqual({ data: { checkContractConfiguration: { valid: true } } });
  });

  it('refuses a body over GRAPHQL_MAX_BODY_BYTES with 413 and a GraphQL-shaped JSON answer', async () => {
    const res = await post(JSON.stringify({ query: `{ ${'a '.repeat(MiB)}}` })).expect(413);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toEqual({
      errors: [{ message: `the request body is larger than ${MiB} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  });

  it('answers a malformed JSON body with 400 BAD_REQUEST, not a 500', async () => {
    const res = await post('{"query": "{ __typename }"').expect(400);
    expect(res.body).toEqual({
      errors: [{ message: 'the request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
    });
    const notObject = await post('"just a string"').expect(400);
    expect(notObject.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses a query text over GRAPHQL_MAX_QUERY_LENGTH before parsing it (413)', async () => {
    const res = await post({ query: `{ __typename ${'#'.repeat(100_000)}\n}` }).expect(413);
    expect(res.body.errors).toEqual([
      {
        message: 'the query is 100015 characters long, more than the limit of 100000',
        extensions: { code: 'BAD_REQUEST' },
      },
    ]);
  });

  it('stops the parser past GRAPHQL_MAX_TOKENS: a document just under the length limit but of 50,000 tokens', async () => {
    const query = `{ ${'a '.repeat(49_990)}}`;
    expect(query.length).toBeLessThan(100_000);
    const started = Date.now();
    const res = await post({ query }).expect(400);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0]).toMatchObject({
      message: 'Syntax Error: Document contains more that 10000 tokens. Parsing aborted.',
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
  });

  it('applies the depth and cost limits outside production too', async () => {
    const deep = await api.gql(
      `{ ${'__type(name: "Query") { fields { type { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }'} }`,
    );
    expect(deep.status).toBe(400);
    expect(deep.body.errors[0]).toMatchObject({
      message: 'query depth 12 exceeds the limit of 10',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const wide = await api.gql(`{ presets { ${'id '.repeat(1_000)}} }`);
    expect(wide.body.errors[0]).toMatchObject({
      message: 'query cost 1020 exceeds the limit of 1000',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const aliases = await api.gql(`{ ${aliased(31, '__typename')} }`);
    expect(aliases.body.errors[0].message).toBe('query uses 31 aliases, more than the limit of 30');
  });

  it('keeps the "Did you mean" suggestions outside production (production-mode.e2e.spec.ts: hidden there)', async () => {
    const res = await api.gql('{ presetz { id } }');
    expect(res.body.errors[0].message).toBe(
      'Cannot query field "presetz" on type "Query". Did you mean "preset" or "presets"?',
    );
  });

  it("still answers a development tool's standard introspection query (introspection is on outside production)", async () => {
    const res = await api.gql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true })).expect(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.__schema.queryType.name).toBe('Query');
  });

  it('refuses 499 aliased configuration checks before running any (alias limit and weighted cost)', async () => {
    const c = LARGEST_PRESET.configuration ?? LARGEST_PRESET;
    const started = Date.now();
    const res = await post({ query: `query ($c: JSON!) { ${aliased(499, CHECK)} }`, variables: { c } }).expect(400);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors[0].message).toContain('query uses 499 aliases, more than the limit of 30');
    expect(res.body.errors[0].message).toContain('query cost 50399 exceeds the limit of 1000');
  });

  it('weighs checkContractConfiguration at 100: nine fit the default budget of 1000, ten do not', async () => {
    const c = LARGEST_PRESET.configuration ?? LARGEST_PRESET;
    const nine = await post({ query: `query ($c: JSON!) { ${aliased(9, CHECK)} }`, variables: { c } }).expect(200);
    expect(Object.values(nine.body.data as Record<string, { valid: boolean }>)).toEqual(Array(9).fill({ valid: true }));
    const ten = await post({ query: `query ($c: JSON!) { ${aliased(10, CHECK)} }`, variables: { c } }).expect(400);
    expect(ten.body.errors).toEqual([
      {
        message: 'query cost 1010 exceeds the limit of 1000',
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });

  it('weighs simulateSettlement and caps sign-in at one per operation', async () => {
    const sim = 'simulateSettlement(input: { presetId: "tianjin-2026-p8", asOf: "2026-12-31" }) { diff }';
    expect((await api.gql(`{ ${aliased(10, sim)} }`)).body.errors[0].message).toBe(
      'query cost 1010 exceeds the limit of 1000',
    );
    const login = (i: number) =>
      `l${i}: login(input: { email: "nobody${i}@demo.local", password: "wrong-password" }) { token }`;
    const res = await api.gql(`mutation { ${login(1)} ${login(2)} }`).expect(400);
    expect(res.body.errors[0]).toMatchObject({
      message: 'Mutation.login may be selected at most 1 time(s) per operation, not 2',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});

/**
 * The compiled server (`npm run build`) as a process of its own, with its real logger: one unauthenticated request must
 * not kill it, and expected refusals must not be logged as errors. Real PostgreSQL with the demo seed.
 */
describe('the API process under hostile requests', () => {
  let db: TestDatabase;
  let server: WorkerProcess;
  let url: string;
  const rssBytes = () =>
    Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))?.[1]) * 1024;
  const post = async (body: string, token?: string) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
    return { status: res.status, body: (await res.json()) as Gql };
  };
  const logLines = (from: number) =>
    server
      .output()
      .slice(from)
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { level: number; msg?: string; refused?: Record<string, number>; err?: unknown });

  beforeAll(async () => {
    db = await createTestDatabase();
    server = startNodeProcess(API_MAIN, 'api', {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: db.appUrl,
      JWT_SECRET: randomBytes(32).toString('hex'),
      SEED_DEMO: 'auto',
      WEB_DIST_DIR: join(process.cwd(), 'tmp', 'no-web-console'),
      // Room for the 200-alias probes of finding 11 (the default is 30).
      GRAPHQL_MAX_ALIASES: '500',
    });
    await server.waitFor(/API ready: http:\/\/\S+\/graphql/, 120_000);
    url = (/API ready: (http:\/\/\S+)\/graphql/.exec(server.output()) as RegExpExecArray)[1];
  }, 150_000);
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('refuses a 16 MB unauthenticated query of 8,000,000 fields at once (413), stays up and barely grows', async () => {
    const body = `{"query":"{ ${'a '.repeat(8_000_000)}}"}`;
    expect(body.length).toBeGreaterThan(16_000_000);
    const before = rssBytes();
    const started = Date.now();
    const res = await post(body);
    expect(res.status).toBe(413);
    expect(res.body.errors?.[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(server.child.exitCode).toBeNull();
    expect(rssBytes() - before).toBeLessThan(64 * MiB);
    // Still answering, over GraphQL and on /health.
    expect((await post('{"query":"{ __typename }"}')).body).toEqual({ data: { __typename: 'Query' } });
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });

  it('logs 200 refused aliases (unauthenticated, then forbidden) as one warn line per request, with no error line', async () => {
    const from = server.output().length;
    // A nullable field: each of the 200 aliases is refused on its own and answered with its own error.
    const unauthenticated = await post(
      JSON.stringify({
        query: `{ ${aliased(200, 'paymentSchedule(contractId: "00000000-0000-4000-8000-000000000000") { asOf }')} }`,
      }),
    );
    expect(unauthenticated.body.errors).toHaveLength(200);
    expect(new Set(unauthenticated.body.errors?.map((e) => e.extensions.code))).toEqual(new Set(['UNAUTHENTICATED']));
    const login = await post(
      JSON.stringify({
        query: 'mutation { login(input: { email: "vendor@demo.local", password: "demo-password-2026" }) { token } }',
      }),
    );
    const token = (login.body.data?.login as { token: string }).token;
    // A non-null list: all 200 resolvers refuse (Nest used to log each at error with a stack), the answer holds the first.
    const forbidden = await post(JSON.stringify({ query: `{ ${aliased(200, 'tenants { id }')} }` }), token);
    expect(forbidden.body.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    // A body refused by the parser: one info line.
    expect((await post(`{"query":"{ ${'a '.repeat(MiB)}}"}`)).status).toBe(413);
    await new Promise((r) => setTimeout(r, 300)); // let the last lines reach stdout

    const lines = logLines(from);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    const refused = lines.filter((l) => l.msg === 'GraphQL operation refused');
    expect(refused.map((l) => [l.level, l.refused])).toEqual([
      [40, { UNAUTHENTICATED: 200 }],
      [40, { FORBIDDEN: 1 }],
    ]);
    expect(lines.filter((l) => l.msg === 'request body refused').map((l) => [l.level, l.refused])).toEqual([
      [30, { PAYLOAD_TOO_LARGE: 1 }],
    ]);
    expect(lines.some((l) => l.err !== undefined)).toBe(false);
  });
});
