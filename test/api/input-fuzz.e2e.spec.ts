import fc from 'fast-check';
import type { Client } from 'pg';
import { PRESET_IDS, getPreset } from '@ledger/contracts';
import { asSuperuser } from '../support/test-database';
import { startApi, type TestApi } from './api-app';

type Problem = { path: string; message: string };
type GqlError = { message: string; extensions?: { code?: string; problems?: Problem[] } };
type Gql = { data?: Record<string, unknown> | null; errors?: GqlError[] };
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

/** A problem path relative to the configuration: `input.configuration.money` and `configuration.money` → `money`. */
const relative = (path: string, prefix: string): string =>
  path === prefix
    ? '(root)'
    : path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`)
      ? path.slice(prefix.length).replace(/^\./, '')
      : path;

/*
 * Acceptance fuzz (issue 11): mutated configurations and free text through the real API on one booted
 * server. Per case: never INTERNAL_SERVER_ERROR (nor HTTP 500); an error's problems all carry a path; an
 * error stores nothing; checkContractConfiguration is valid exactly when createContract saves, and both
 * name the same problem paths. Runs: FUZZ_CONFIG_RUNS + FUZZ_TEXT_RUNS (default 600 + 400).
 */
const CONFIG_RUNS = Number(process.env.FUZZ_CONFIG_RUNS ?? 600);
const TEXT_RUNS = Number(process.env.FUZZ_TEXT_RUNS ?? 400);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

const CHECK = 'query ($c: JSON!) { checkContractConfiguration(configuration: $c) { valid problems { path message } } }';
const CREATE_CONTRACT = 'mutation ($i: CreateContractInput!) { createContract(input: $i) { id currentVersion } }';
const CREATE_TICKET = 'mutation ($i: CreateTicketInput!) { createTicket(input: $i) { id } }';
const SAVE_REPORT = 'mutation ($i: SaveMonthlyReportInput!) { saveMonthlyReport(input: $i) { id } }';
const LOGIN = 'mutation ($i: LoginInput!) { login(input: $i) { token } }';
/** Everything a failed request must leave untouched (login_attempts is an audit trail, written on purpose). */
const COUNTS = `SELECT (SELECT count(*) FROM contracts) AS contracts, (SELECT count(*) FROM contract_versions) AS versions,
  (SELECT count(*) FROM tickets) AS tickets, (SELECT count(*) FROM ticket_events) AS events, (SELECT count(*) FROM monthly_reports) AS reports`;

// ---- generators ---------------------------------------------------------------------------------

const nastyPiece = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom(
    '\u0000',
    '\uD800',
    '\uDFFF',
    'a\uD83D',
    '\uDE00b',
    '😀',
    '淮安市医疗保障局',
    '\u200B',
    '\r\n',
    '"\'\\',
    '%s',
    'null',
    '-1',
    '1e17',
  ),
);
const nastyText = fc.oneof(
  { weight: 6, arbitrary: fc.array(nastyPiece, { maxLength: 4 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => `${'长'.repeat(n)}…`) },
);
const moneyText = fc.oneof(
  fc.constantFrom(
    '100000000000000000',
    '10000000000000000',
    '9999999999999999.99',
    '-1.00',
    '1.001',
    '1e5',
    ' 12 ',
    '0',
    '0.00',
    '-0.01',
    '１２',
  ),
  fc
    .bigInt({ min: -(10n ** 20n), max: 10n ** 20n })
    .map((n) => `${n}.${String(Number(n % 100n < 0n ? -(n % 100n) : n % 100n)).padStart(2, '0')}`),
);
const nastyNumber = fc.oneof(
  fc.integer(),
  fc.integer({ min: -100, max: -1 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-0.01, -1, 0, 1e16, 1e17, 1e300, 0.001, 2 ** 53 + 1),
);
const scalar: fc.Arbitrary<Json> = fc.oneof(nastyText, moneyText, nastyNumber, fc.boolean(), fc.constant(null));
const nastyValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(nastyText, scalar, { maxKeys: 3 }) },
);

type Mutation =
  | { op: 'set'; at: number; value: Json }
  | { op: 'negate'; at: number }
  | { op: 'delete'; at: number }
  | { op: 'extra'; at: number; key: string; value: Json };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: nastyValue }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('negate' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('extra' as const), at: fc.nat(), key: nastyText, value: nastyValue }),
  },
);

function paths(v: Json, at: Path = [], out: Path[] = []): Path[] {
  if (at.length) out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}
const numericPaths = (v: Json): Path[] =>
  paths(v).filter(
    (p) =>
      typeof get(v, p) === 'number' || (typeof get(v, p) === 'string' && /^\d+(\.\d+)?$/.test(get(v, p) as string)),
  );
function get(v: Json, p: Path): Json {
  return p.reduce<Json>((node, k) => (node as Record<string | number, Json>)[k], v);
}
function apply(base: Json, m: Mutation): Json {
  const cfg = JSON.parse(JSON.stringify(base)) as Json;
  const all = m.op === 'negate' ? numericPaths(cfg) : paths(cfg);
  if (all.length === 0) return cfg;
  const p = all[m.at % all.length];
  const parent = get(cfg, p.slice(0, -1)) as Record<string | number, Json> & Json[];
  const key = p[p.length - 1];
  if (m.op === 'set') parent[key] = m.value;
  else if (m.op === 'negate')
    parent[key] = typeof parent[key] === 'number' ? -(parent[key] as number) - 1 : `-${parent[key] as string}`;
  else if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else {
    const target = get(cfg, p);
    if (target && typeof target === 'object' && !Array.isArray(target))
      (target as Record<string, Json>)[m.key] = m.value;
    else parent[key] = { [m.key]: m.value };
  }
  return cfg;
}

const configCase = fc.record({
  preset: fc.constantFrom(...PRESET_IDS),
  mutations: fc.array(mutation, { minLength: 0, maxLength: 3 }),
});

type TextTarget = 'ticket-title' | 'contract-name' | 'report-notes' | 'login-email';
const textCase = fc.record({
  target: fc.constantFrom<TextTarget>('ticket-title', 'contract-name', 'report-notes', 'login-email'),
  text: nastyText,
});

// ---- the run ------------------------------------------------------------------------------------

describe('input fuzz through the real API (fast-check)', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let contractId: string;
  let vendorOrgId: string;
  let seq = 0;
  const post = async (who: string | null, query: string, variables: Record<string, unknown>) => {
    const res = await api.gql(query, variables, who ? tokens[who] : undefined);
    return { status: res.status, body: res.body as Gql };
  };

  /** The invariants every response keeps, whatever the input. */
  const sane = (label: string, r: { status: number; body: Gql }) => {
    const codes = (r.body.errors ?? []).map((e) => e.extensions?.code);
    expect({ label, status: r.status >= 500, internal: codes.includes('INTERNAL_SERVER_ERROR') }).toEqual({
      label,
      status: false,
      internal: false,
    });
    for (const e of r.body.errors ?? []) {
      for (const p of e.extensions?.problems ?? [])
        expect({ label, path: typeof p.path === 'string' && p.path.length > 0 }).toEqual({ label, path: true });
    }
  };
  const counts = async (db: Client) => (await db.query(COUNTS)).rows[0] as Record<string, string>;

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    for (const who of ['huaian.admin', 'vendor']) tokens[who] = await api.login(`${who}@demo.local`);
    const contracts = (await post('huaian.admin', '{ contracts { id vendorOrgId } }', {})).body.data?.contracts as {
      id: string;
      vendorOrgId: string;
    }[];
    contractId = contracts[0].id;
    vendorOrgId = contracts[0].vendorOrgId;
  }, 120_000);
  afterAll(async () => {
    await api?.jobsIdle();
    await api?.close();
  });

  it(`mutated preset configurations: check ⇔ save, no internal error, every problem with a path, nothing stored on error (${CONFIG_RUNS} runs)`, async () => {
    let valid = 0;
    await asSuperuser(api.database.name, async (db) => {
      await fc.assert(
        fc.asyncProperty(configCase, async ({ preset, mutations }) => {
          const configuration = mutations.reduce<Json>(
            (cfg, m) => apply(cfg, m),
            getPreset(preset).config as unknown as Json,
          );
          const check = await post(null, CHECK, { c: configuration });
          sane('check', check);
          const result = check.body.data?.checkContractConfiguration as
            { valid: boolean; problems: Problem[] } | undefined;
          // Refused at the edge (unstorable text): an error with problems rather than valid: false.
          const checkPaths = (result?.problems ?? check.body.errors?.[0]?.extensions?.problems ?? []).map((p) =>
            relative(p.path, 'configuration'),
          );
          expect(result !== undefined || check.body.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT').toBe(true);

          const before = await counts(db);
          const save = await post('huaian.admin', CREATE_CONTRACT, {
            i: { code: `FZ-${++seq}`, name: '模糊测试', vendorOrgId, configuration },
          });
          sane('save', save);
          const saved = save.body.errors === undefined;
          const savePaths = (save.body.errors?.[0]?.extensions?.problems ?? []).map((p) =>
            relative(p.path, 'input.configuration'),
          );
          expect({
            preset,
            mutations: JSON.stringify(mutations).slice(0, 400),
            checkValid: result?.valid === true,
            saved,
          }).toEqual({
            preset,
            mutations: JSON.stringify(mutations).slice(0, 400),
            checkValid: saved,
            saved,
          });
          if (!saved) {
            expect(save.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
            expect(new Set(savePaths)).toEqual(new Set(checkPaths));
            expect(await counts(db)).toEqual(before);
          } else valid++;
        }),
        { numRuns: CONFIG_RUNS, seed: SEED, endOnFailure: true },
      );
    });
    // The generator must reach both sides of the equivalence.
    expect(valid).toBeGreaterThan(0);
    expect(valid).toBeLessThan(CONFIG_RUNS);
  }, 600_000);

  it(`free text in ticket titles, contract names, report notes and the login email (${TEXT_RUNS} runs)`, async () => {
    await asSuperuser(api.database.name, async (db) => {
      await fc.assert(
        fc.asyncProperty(textCase, async ({ target, text }) => {
          const before = await counts(db);
          const r =
            target === 'ticket-title'
              ? await post('huaian.admin', CREATE_TICKET, {
                  i: { contractId, category: '软件错误', severity: 'L2', title: text },
                })
              : target === 'contract-name'
                ? await post('huaian.admin', CREATE_CONTRACT, {
                    i: { code: `FT-${++seq}`, name: text, vendorOrgId, presetId: 'huaian-2025-2026' },
                  })
                : target === 'report-notes'
                  ? await post('vendor', SAVE_REPORT, { i: { contractId, month: '2026-10', report: { notes: text } } })
                  : await post(null, LOGIN, { i: { email: text, password: 'not-the-password' } });
          sane(target, r);
          if (r.body.errors) expect(await counts(db)).toEqual(before);
        }),
        { numRuns: TEXT_RUNS, seed: SEED, endOnFailure: true },
      );
    });
  }, 600_000);
});
