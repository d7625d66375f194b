import { startApi, type TestApi } from './api-app';

type Problem = { path: string; code: string; message: string };
type Gql = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: { code: string; problems?: Problem[] } }[];
};
type Call = { id: string; dueOn: string; status: string; servedOn: string | null; subject: string };
type Row = {
  obligationId: string;
  occurrence: string;
  capacity: number;
  called: number;
  served: number;
  missed: number;
  status: string;
  explanation: string;
  calls: Call[];
};

const REGISTER = `query ($c: ID!) { onDemandRegister(contractId: $c) { asOf obligations { obligationId occurrence from to capacity
  called served missed status explanation calls { id dueOn status servedOn subject } } } }`;
const RECORD = 'mutation ($i: RecordOnDemandCallInput!) { recordOnDemandCall(input: $i) { id status subject } }';
const SERVE =
  'mutation ($i: ServeOnDemandCallInput!) { serveOnDemandCall(input: $i) { id status servedOn serviceEvidence } }';
const CLOSE = 'mutation ($i: ClosePeriodInput!) { closePeriod(input: $i) { id } }';
const GET_CLOSE = `query ($id: ID!) { periodClose(id: $id) { status inputsChanged
  result { flags { period code subject message messageExplanation { code } } } } }`;

/** The five 重保 of example I (Tianjin P1, ≥ 7 a year), all in the past of the real today (the term is 2026). */
const FIVE = [
  ['2026-03-01', '2026-03-04', '全国两会'],
  ['2026-04-20', '2026-05-01', '劳动节'],
  ['2026-06-20', '2026-07-01', '医保结算系统升级上线'],
  ['2026-09-01', '2026-09-30', '国庆前夕'],
  ['2026-09-15', '2026-10-01', '国庆节'],
] as const;

/*
 * On-demand obligations through the API and the worker (domain rule 14, example I): the buyer calls 5 重保 on Tianjin
 * P1, the vendor serves 4 → 1 missed; the register says 5 called, 4 served, 1 missed of a capacity of 7; a close of
 * the quarter (computed by the worker) flags the missed call; bad input is refused with its path, nothing stored.
 */
describe('on-demand calls (real PostgreSQL, demo seed)', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let contractId = '';
  const call = async (who: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api.gql(query, variables, tokens[who])).body as Gql;
  const register = async (who: string): Promise<Row> => {
    const r = await call(who, REGISTER, { c: contractId });
    expect(r.errors).toBeUndefined();
    const rows = (r.data?.onDemandRegister as { obligations: Row[] }).obligations;
    const row = rows.find((x) => x.obligationId === 'major-event-protection' && x.occurrence === '2026');
    if (!row) throw new Error('no 重保 row');
    return row;
  };

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    await api.jobsIdle();
    for (const who of ['tianjin.admin', 'tianjin.finance', 'vendor', 'xuzhou.admin'])
      tokens[who] = await api.login(`${who}@demo.local`);
    const contracts = (await call('tianjin.admin', '{ contracts { id code } }')).data?.contracts as {
      id: string;
      code: string;
    }[];
    contractId = contracts.find((c) => c.code === 'tianjin-2026-p1')?.id ?? '';
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('example I: 5 called, 4 served → 1 missed of a capacity of 7, flagged in the close of its quarter', async () => {
    const ids: string[] = [];
    for (const [calledOn, dueOn, subject] of FIVE) {
      const r = await call('tianjin.admin', RECORD, {
        i: { contractId, obligationId: 'major-event-protection', calledOn, dueOn, subject },
      });
      expect(r.errors).toBeUndefined();
      ids.push((r.data?.recordOnDemandCall as { id: string }).id);
    }
    // The vendor serves four of them (not the one due 2026-09-30).
    for (const [i, id] of ids.entries()) {
      if (i === 3) continue;
      const r = await call('vendor', SERVE, {
        i: { contractId, callId: id, servedOn: FIVE[i][1], evidence: `重保保障方案 ${i + 1}` },
      });
      expect(r.errors).toBeUndefined();
      expect(r.data?.serveOnDemandCall).toMatchObject({ status: 'served', servedOn: FIVE[i][1] });
    }
    const row = await register('tianjin.admin');
    expect(row).toMatchObject({ capacity: 7, called: 5, served: 4, missed: 1, status: 'missing' });
    expect(row.calls.map((c) => c.status)).toEqual(['served', 'served', 'served', 'missed', 'served']);
    expect(row.explanation).toContain('甲方调用 5 次，按时完成 4 次，未完成 1 次；承诺 7 次；缺失');
    // The vendor and finance read the same register.
    expect(await register('vendor')).toEqual(row);
    expect(await register('tianjin.finance')).toEqual(row);

    // The close of 2026-Q3, computed by the worker, flags the missed call (and only it).
    const requested = await call('tianjin.admin', CLOSE, { i: { contractId, period: '2026-Q3', asOf: '2026-10-10' } });
    expect(requested.errors).toBeUndefined();
    await api.jobsIdle();
    const closed = await call('tianjin.admin', GET_CLOSE, {
      id: (requested.data?.closePeriod as { id: string }).id,
    });
    expect(closed.errors).toBeUndefined();
    const close = closed.data?.periodClose as {
      status: string;
      result: { flags: { period: string; code: string; subject: string; message: string }[] };
    };
    expect(close.status).toBe('draft');
    expect(close.result.flags.filter((f) => f.code.startsWith('ON_DEMAND'))).toEqual([
      expect.objectContaining({
        period: '2026-Q3',
        code: 'ON_DEMAND_CALL_MISSED',
        subject: '2026-09-30',
        message:
          '每年不少于7次重大活动期间安全保障服务（7*24小时现场技术支持）：甲方 2026-09-01 调用（国庆前夕），要求 2026-09-30 前完成，未完成',
      }),
    ]);

    // A service recorded now changes the close's inputs: the draft says so.
    const late = await call('vendor', SERVE, {
      i: { contractId, callId: ids[3], servedOn: '2026-10-02', evidence: '补充保障记录' },
    });
    expect(late.data?.serveOnDemandCall).toMatchObject({ status: 'late' });
    const stale = await call('tianjin.admin', GET_CLOSE, { id: (requested.data?.closePeriod as { id: string }).id });
    expect((stale.data?.periodClose as { inputsChanged: string[] }).inputsChanged).toEqual(['calls']);
  });

  it('bad input: a call recorded twice, a day outside the term, an obligation not on demand, a service twice — each a problem with its path, nothing stored', async () => {
    const before = (await register('tianjin.admin')).called;
    const twice = await call('tianjin.admin', RECORD, {
      i: {
        contractId,
        obligationId: 'major-event-protection',
        calledOn: '2026-03-02',
        dueOn: '2026-03-04',
        subject: ' 全国两会 ',
      },
    });
    expect(twice.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(twice.errors?.[0].extensions.problems).toEqual([
      {
        path: 'input.dueOn',
        code: 'onDemand.duplicateCall',
        params: expect.anything(),
        message: 'the same call (same subject, due 2026-03-04) was recorded on 2026-03-01',
      },
    ]);
    const bad = await call('tianjin.admin', RECORD, {
      i: { contractId, obligationId: 'inspection', calledOn: '2027-01-05', dueOn: '2026-12-30' },
    });
    expect(bad.errors?.[0].extensions.problems?.map((p) => `${p.path} ${p.code}`)).toEqual([
      'input.dueOn onDemand.dueBeforeCall',
      'input.obligationId onDemand.notOnDemand',
      'input.calledOn date.outsideTerm',
    ]);
    expect((await register('tianjin.admin')).called).toBe(before);

    const served = (await register('tianjin.admin')).calls[0];
    const again = await call('vendor', SERVE, {
      i: { contractId, callId: served.id, servedOn: '2026-03-05', evidence: '再次登记' },
    });
    expect(again.errors?.[0].extensions.problems?.map((p) => `${p.path} ${p.code}`)).toEqual([
      'input.callId onDemand.alreadyServed',
    ]);
    expect((await register('tianjin.admin')).calls[0]).toEqual(served);
  });

  it('after the term: the source code is called on with its due day computed (3 days); migration help only after the term', async () => {
    const source = await call('tianjin.admin', RECORD, {
      i: { contractId, obligationId: 'source-code', calledOn: '2026-11-02', subject: '结算模块源代码' },
    });
    expect(source.errors).toBeUndefined();
    const r = await call('tianjin.admin', REGISTER, { c: contractId });
    const rows = (r.data?.onDemandRegister as { obligations: (Row & { from: string; to: string })[] }).obligations;
    expect(rows.find((x) => x.obligationId === 'source-code')).toMatchObject({
      occurrence: 'term',
      capacity: 0,
      called: 1,
      status: 'missing',
      calls: [expect.objectContaining({ dueOn: '2026-11-05', status: 'missed', subject: '结算模块源代码' })],
    });
    const early = await call('tianjin.admin', RECORD, {
      i: { contractId, obligationId: 'migration-help', calledOn: '2026-11-02' },
    });
    expect(early.errors?.[0].extensions.problems?.map((p) => `${p.path} ${p.code}`)).toEqual([
      'input.calledOn onDemand.outsideWindow',
      'input.dueOn value.required',
    ]);
  });

  it('who may do what: the vendor does not call, finance does not call, the buyer does not serve; another tenant sees nothing', async () => {
    const input = { contractId, obligationId: 'emergency-response', calledOn: '2026-11-02', dueOn: '2026-11-02' };
    expect((await call('vendor', RECORD, { i: input })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await call('tianjin.finance', RECORD, { i: input })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const own = (await register('tianjin.admin')).calls[3];
    const byBuyer = await call('tianjin.admin', SERVE, {
      i: { contractId, callId: own.id, servedOn: '2026-10-02', evidence: 'x' },
    });
    expect(byBuyer.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const other = await call('xuzhou.admin', REGISTER, { c: contractId });
    expect(other.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });
});
