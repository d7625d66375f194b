import { asSuperuser } from '../support/test-database';
import { startApi, type TestApi } from './api-app';

type Gql = {
  data?: Record<string, unknown> | null;
  errors?: {
    message: string;
    extensions: {
      code: string;
      refusal?: string;
      messageCode?: string;
      messageParams?: Record<string, string>;
      problems?: { path: string; code: string; message: string }[];
    };
  }[];
};
type Close = {
  id: string;
  period: string;
  revision: number;
  status: string;
  score: string | null;
  reopenCode: string | null;
  reopenChanges: string[];
  inputsChanged: string[];
  confirmReason: string | null;
  confirmedMissing: { period: string; input: string }[];
  result: { provisionalYears: number[]; missing: { period: string; input: string }[] } | null;
};

const FIELDS =
  'id period revision status score reopenCode reopenChanges inputsChanged confirmReason confirmedMissing { period input } result { provisionalYears missing { period input } }';
const CLOSE = `mutation ($i: ClosePeriodInput!) { closePeriod(input: $i) { ${FIELDS} } }`;
const GET = `query ($id: ID!) { periodClose(id: $id) { ${FIELDS} } }`;
const CONFIRM = `mutation ($id: ID!, $r: String) { confirmPeriodClose(closeId: $id, reason: $r) { ${FIELDS} } }`;
const SET = 'mutation ($i: SetPeriodInputsInput!) { setPeriodInputs(input: $i) { period } }';

/** Issue 12 point 5: a close follows its inputs, and a confirm says what it is confirmed without. Real PostgreSQL, demo seed. */
describe('a safe period close: new revisions after inputs change, no silent confirm without inputs', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  const contracts: Record<string, string> = {};
  const call = async (who: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api.gql(query, variables, tokens[who])).body as Gql;
  const ok = async <T>(who: string, query: string, variables: Record<string, unknown>, field: string): Promise<T> => {
    const r = await call(who, query, variables);
    expect(r.errors).toBeUndefined();
    return r.data?.[field] as T;
  };
  const close = async (who: string, c: string, period: string, asOf: string): Promise<Close> => {
    const requested = await ok<Close>(who, CLOSE, { i: { contractId: c, period, asOf } }, 'closePeriod');
    await api.jobsIdle();
    return ok<Close>(who, GET, { id: requested.id }, 'periodClose');
  };

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    for (const who of ['vendor', 'huaian.admin', 'huaian.staff', 'qinghai.admin', 'xuzhou.admin', 'xuzhou.staff'])
      tokens[who] = await api.login(`${who}@demo.local`);
    for (const who of ['huaian.admin', 'qinghai.admin', 'xuzhou.admin']) {
      for (const c of (await call(who, '{ contracts { id code } }')).data?.contracts as { id: string; code: string }[])
        contracts[c.code] = c.id;
    }
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('requesting a close again after its inputs changed computes the next revision; the stale draft cannot be confirmed', async () => {
    const c = contracts['huaian-2025-2026'];
    const first = await close('huaian.staff', c, '2026-H1', '2026-07-10');
    expect(first).toMatchObject({ revision: 1, status: 'draft', score: null, inputsChanged: [] });
    expect(first.result?.missing.map((m) => `${m.period}:${m.input}`)).toEqual([
      '2026-H1:satisfaction.businessSatisfaction',
      '2026-H1:satisfaction.itSatisfaction',
    ]);

    // The buyer enters the satisfaction grades: the draft now says it is stale, and confirming it is refused.
    await ok(
      'huaian.admin',
      SET,
      {
        i: {
          contractId: c,
          period: '2026-H1',
          satisfaction: { businessSatisfaction: '比较满意', itSatisfaction: '好' },
        },
      },
      'setPeriodInputs',
    );
    expect(await ok<Close>('huaian.admin', GET, { id: first.id }, 'periodClose')).toMatchObject({
      status: 'draft',
      inputsChanged: ['periodInputs'],
    });
    const stale = await call('huaian.admin', CONFIRM, { id: first.id, r: '先确认' });
    expect(stale.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      refusal: 'CLOSE_INPUTS_CHANGED',
      messageCode: 'close.inputsChanged',
      problems: [{ path: 'periodInputs', code: 'close.inputChanged', message: 'changed since the draft was computed' }],
    });

    // 申请结算 again: revision 1 is superseded by the system (not silently returned), revision 2 computes the new inputs.
    const second = await close('huaian.staff', c, '2026-H1', '2026-07-10');
    expect(second).toMatchObject({
      revision: 2,
      status: 'draft',
      score: '100.00',
      inputsChanged: [],
      result: { missing: [] },
    });
    expect(await ok<Close>('huaian.admin', GET, { id: first.id }, 'periodClose')).toMatchObject({
      revision: 1,
      status: 'reopened',
      reopenCode: 'INPUTS_CHANGED',
      reopenChanges: ['periodInputs'],
    });
    // Nothing changed since: the same draft, no third revision.
    expect(await close('huaian.staff', c, '2026-H1', '2026-07-10')).toMatchObject({ id: second.id, revision: 2 });

    // A configuration version saved in between also makes the draft stale.
    const confirmed = await ok<Close>('huaian.admin', CONFIRM, { id: second.id }, 'confirmPeriodClose');
    expect(confirmed).toMatchObject({ status: 'confirmed', confirmReason: null, confirmedMissing: [] });
  });

  it('a period in a provisional calendar year is computed and drafted, but confirming it is refused until the year is published (rule 18)', async () => {
    // Qinghai's term runs to 2028; 2027 has no published national calendar yet.
    const c = contracts['qinghai-hospital-3y'];
    const draft = await close('qinghai.admin', c, '2027-H1', '2027-07-10');
    expect(draft).toMatchObject({ status: 'draft', result: { provisionalYears: [2027] } });
    for (const reason of [null, '经局务会同意']) {
      const refused = await call('qinghai.admin', CONFIRM, { id: draft.id, r: reason });
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        refusal: 'CLOSE_PROVISIONAL_CALENDAR',
        messageCode: 'close.provisionalCalendar',
        messageParams: { years: '2027' },
        problems: [{ path: 'closeId', code: 'close.provisionalCalendar' }],
      });
    }
    expect(await ok<Close>('qinghai.admin', GET, { id: draft.id }, 'periodClose')).toMatchObject({ status: 'draft' });
    // A period of a published year is not provisional.
    expect((await close('qinghai.admin', c, '2026-H1', '2026-07-10')).result?.provisionalYears).toEqual([]);
  });

  it('confirming while inputs are missing is refused without a reason; with one, the close records it and what was missing', async () => {
    const c = contracts['xuzhou-2026'];
    const draft = await close('xuzhou.admin', c, '2026-H1', '2026-07-10');
    const missing = draft.result?.missing ?? [];
    expect(missing.length).toBeGreaterThan(0);
    for (const reason of [null, '   ']) {
      const refused = await call('xuzhou.admin', CONFIRM, { id: draft.id, r: reason });
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        refusal: 'CLOSE_INPUTS_MISSING',
        messageCode: 'close.inputsMissing',
        messageParams: { count: String(missing.length) },
        problems: [{ path: 'reason', code: 'close.reasonRequired', message: 'required when inputs are missing' }],
      });
    }
    expect(await ok<Close>('xuzhou.admin', GET, { id: draft.id }, 'periodClose')).toMatchObject({ status: 'draft' });
    // Confirming is the buyer admin's, reason or not.
    expect((await call('xuzhou.staff', CONFIRM, { id: draft.id, r: 'x' })).errors?.[0].extensions.code).toBe(
      'FORBIDDEN',
    );

    const confirmed = await ok<Close>(
      'xuzhou.admin',
      CONFIRM,
      { id: draft.id, r: '  出勤月报由供应商补交，经局务会同意先行结算  ' },
      'confirmPeriodClose',
    );
    expect(confirmed).toMatchObject({
      status: 'confirmed',
      confirmReason: '出勤月报由供应商补交，经局务会同意先行结算',
      confirmedMissing: missing,
    });
    const [row] = await asSuperuser(
      api.database.name,
      async (db) =>
        (await db.query('SELECT confirm_reason, confirmed_missing FROM period_closes WHERE id = $1', [draft.id])).rows,
    );
    expect(row.confirm_reason).toBe('出勤月报由供应商补交，经局务会同意先行结算');
    expect(
      row.confirmed_missing.map((m: { period: string; input: string }) => ({ period: m.period, input: m.input })),
    ).toEqual(missing);
  });

  it('a confirmed close is never recomputed: requesting it again returns it with the inputs that changed since', async () => {
    const c = contracts['xuzhou-2026'];
    const [confirmed] = (
      (await call('xuzhou.admin', `query ($c: ID!) { periodCloses(contractId: $c) { ${FIELDS} } }`, { c })).data
        ?.periodCloses as Close[]
    ).filter((x) => x.status === 'confirmed');
    // An accepted monthly report of the half-year arrives after the confirm.
    const reports = (
      await call('vendor', 'query ($c: ID!) { monthlyReports(contractId: $c) { id month status } }', { c })
    ).data?.monthlyReports as { id: string; status: string }[];
    const submitted = reports.find((r) => r.status === 'submitted') as { id: string };
    await ok(
      'xuzhou.admin',
      'mutation ($r: ID!) { acceptMonthlyReport(reportId: $r) { status } }',
      { r: submitted.id },
      'acceptMonthlyReport',
    );
    const again = await ok<Close>(
      'xuzhou.admin',
      CLOSE,
      { i: { contractId: c, period: '2026-H1', asOf: '2026-07-10' } },
      'closePeriod',
    );
    expect(again).toMatchObject({
      id: confirmed.id,
      status: 'confirmed',
      revision: confirmed.revision,
      inputsChanged: ['reports'],
    });
    // Other roles read the close without the comparison (their scope may see fewer inputs).
    expect(await ok<Close>('vendor', GET, { id: confirmed.id }, 'periodClose')).toMatchObject({ inputsChanged: [] });
  });
});
