import { startApi, type TestApi } from './api-app';

type Problem = { path: string; code: string; message: string };
type Gql = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: { code: string; problems?: Problem[] } }[];
};
type Line = { id: string; status: string; net: string; reasonExplanations: { code: string; text: string }[] };

const SCHEDULE = `query ($c: ID!) { paymentSchedule(contractId: $c) { computedAt schedule { lines { id status net
  reasonExplanations { code text } } } } }`;
const RECOMPUTE = 'mutation ($c: ID!) { recomputeSchedule(contractId: $c) { id } }';
const RECORD = 'mutation ($i: RecordInvoiceInput!) { recordInvoice(input: $i) { id lineId number amount receivedOn } }';
const LINE = 'half-year-payment.2026-H1';

/*
 * The Qinghai VAT invoice condition through the API and the worker (issue 16 point 7, seed 002:428): each half-year
 * payment waits for the invoice for the amount payable; finance records it, the schedule job reads it; another amount
 * keeps the line waiting; bad input is refused with every problem at its path; the vendor records nothing.
 */
describe('VAT invoices before payment (real PostgreSQL, demo seed)', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let contractId = '';
  const call = async (who: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api.gql(query, variables, tokens[who])).body as Gql;
  const line = async (): Promise<Line> => {
    const r = await call('qinghai.finance', SCHEDULE, { c: contractId });
    expect(r.errors).toBeUndefined();
    const lines = (r.data?.paymentSchedule as { schedule: { lines: Line[] } }).schedule.lines;
    const l = lines.find((x) => x.id === LINE);
    if (!l) throw new Error(`no line ${LINE}`);
    return l;
  };
  const codes = (l: Line) => l.reasonExplanations.map((r) => r.code).filter((c) => c.includes('invoice'));

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    await api.jobsIdle();
    for (const who of ['qinghai.finance', 'qinghai.admin', 'vendor', 'xuzhou.finance'])
      tokens[who] = await api.login(`${who}@demo.local`);
    const contracts = (await call('qinghai.finance', '{ contracts { id code } }')).data?.contracts as {
      id: string;
      code: string;
    }[];
    contractId = contracts.find((c) => c.code === 'qinghai-hospital-3y')?.id ?? '';
    expect((await call('qinghai.finance', RECOMPUTE, { c: contractId })).errors).toBeUndefined();
    await api.jobsIdle();
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('the line waits for its invoice; another amount keeps it waiting; the right amount meets the condition', async () => {
    const before = await line();
    expect(codes(before)).toEqual(['payment.condition.invoice-pending']);
    expect(before.reasonExplanations.find((r) => r.code === 'payment.condition.invoice-pending')?.text).toBe(
      '条件待定：等待乙方按应付金额提供增值税普通发票',
    );

    const wrong = await call('qinghai.finance', RECORD, {
      i: { contractId, lineId: LINE, number: '63000001', amount: '100.00', receivedOn: '2026-11-02' },
    });
    expect(wrong.errors).toBeUndefined();
    await api.jobsIdle();
    expect(codes(await line())).toEqual(['payment.condition.invoice-amount-differs']);

    const right = await call('qinghai.finance', RECORD, {
      i: { contractId, lineId: LINE, number: '63000002', amount: before.net, receivedOn: '2026-11-20' },
    });
    expect(right.errors).toBeUndefined();
    await api.jobsIdle();
    const after = await line();
    expect(codes(after)).toEqual(['payment.condition.invoice-received']);
    expect(after.reasonExplanations.find((r) => r.code === 'payment.condition.invoice-received')?.text).toContain(
      '已收到增值税普通发票 63000002',
    );
  });

  it('bad input: an unknown line, a day after today, the same number twice, zero — every problem at its path', async () => {
    const bad = await call('qinghai.finance', RECORD, {
      i: { contractId, lineId: 'nope', number: ' ', amount: '0.00', receivedOn: '2099-01-01' },
    });
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions.problems?.map((p) => `${p.path} ${p.code}`)).toEqual([
      'input.number value.required',
      'input.amount money.positiveFen',
      'input.lineId unknown.scheduleLine',
      'input.receivedOn date.afterAsOf',
    ]);
    const twice = await call('qinghai.finance', RECORD, {
      i: { contractId, lineId: LINE, number: '63000002', amount: '10.00', receivedOn: '2026-11-21' },
    });
    expect(twice.errors?.[0].extensions.problems?.map((p) => `${p.path} ${p.code}`)).toEqual([
      'input.number invoice.duplicate',
    ]);
  });

  it('who may: the vendor does not record invoices; another tenant sees nothing', async () => {
    const input = { contractId, lineId: LINE, number: '63000009', amount: '10.00', receivedOn: '2026-11-21' };
    expect((await call('vendor', RECORD, { i: input })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await call('xuzhou.finance', RECORD, { i: input })).errors?.[0].extensions.code).toBe('NOT_FOUND');
  });
});
