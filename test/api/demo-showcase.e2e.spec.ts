import { startApi, type TestApi } from './api-app';

type Gql = { data?: Record<string, unknown> | null; errors?: { message: string; extensions: { code: string } }[] };
type Close = {
  id: string;
  period: string;
  status: string;
  score: string | null;
  confirmReason: string | null;
  confirmedMissing: { period: string; input: string }[];
  result: {
    assessment: { breakdown: { componentId: string; points: string }[] };
    metrics: {
      period: string;
      id: string;
      value: string | null;
      numerator: string | null;
      denominator: string | null;
    }[];
  };
};
type Dashboard = {
  contractCode: string;
  lastConfirmedClose: { period: string; score: string | null } | null;
  nextPayment: { lineId: string; status: string; net: string; paid: string } | null;
};
const DASHBOARDS =
  '{ contractDashboards { contractCode lastConfirmedClose { period score } nextPayment { lineId status net paid } } }';

/**
 * Issue 12 point 8: what `npm start` seeds (SEED_DEMO=full, the default) gives every role's home page real numbers,
 * entered through the services and within the rules. Real PostgreSQL.
 */
describe('the showcase demo (SEED_DEMO=full): real numbers on every home page', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  const call = async (who: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api.gql(query, variables, tokens[who])).body as Gql;
  const data = async <T>(who: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const r = await call(who, query, variables);
    expect(r.errors).toBeUndefined();
    return r.data as T;
  };
  const contractId = async (who: string, code: string) =>
    (
      (await data<{ contracts: { id: string; code: string }[] }>(who, '{ contracts { id code } }')).contracts.find(
        (c) => c.code === code,
      ) as { id: string }
    ).id;

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'full' });
    await api.jobsIdle();
    for (const who of ['vendor', 'xuzhou.admin', 'xuzhou.finance', 'huaian.finance', 'qinghai.admin', 'tianjin.admin'])
      tokens[who] = await api.login(`${who}@demo.local`);
  }, 300_000);

  afterAll(async () => {
    await api?.close();
  });

  it('Xuzhou: H1 confirmed at 93.00 from tickets with expected dates (90.00 % on time, 4 days of 特别关注 delay), the reason for the missing attendance recorded', async () => {
    const c = await contractId('xuzhou.admin', 'xuzhou-2026');
    const { periodCloses } = await data<{ periodCloses: Close[] }>(
      'xuzhou.admin',
      'query ($c: ID!) { periodCloses(contractId: $c) { id period status score confirmReason confirmedMissing { period input } result { assessment { breakdown { componentId points } } metrics { period id value numerator denominator } } } }',
      { c },
    );
    expect(periodCloses.map((x) => [x.period, x.status, x.score])).toEqual([['2026-H1', 'confirmed', '93.00']]);
    const [h1] = periodCloses;
    // 100 − 5 (staff average 76.00) + 0 (no incident) + 2 (18 of 20 on time) − 1 (2 + 2 days late) − 3 (经办 一般) + 0 (信息 一般).
    expect(h1.result.assessment.breakdown.map((b) => [b.componentId, b.points])).toEqual([
      ['staff', '-5.00'],
      ['securityIncidents', '0.00'],
      ['achievementRate', '2.00'],
      ['specialDelay', '-1.00'],
      ['businessSatisfaction', '-3.00'],
      ['itSatisfaction', '0.00'],
    ]);
    const metrics = h1.result.metrics.filter((m) => m.period === '2026-H1');
    expect(metrics.find((m) => m.id === 'achievementRate')).toMatchObject({
      value: '90',
      numerator: '18',
      denominator: '20',
    });
    expect(metrics.find((m) => m.id === 'specialDelayDays')).toMatchObject({ value: '4' });
    expect(h1.confirmReason).toBe('上半年 1–6 月月报均已通过；全年出勤（缺岗扣减）在年度结算时按 12 个月核算');
    expect(h1.confirmedMissing).toEqual([{ period: 'term', input: 'attendance' }]);
    // Monthly reports: January–June and August–September accepted, October waiting for the buyer.
    const { monthlyReports } = await data<{ monthlyReports: { month: string; status: string }[] }>(
      'vendor',
      'query ($c: ID!) { monthlyReports(contractId: $c) { month status } }',
      { c },
    );
    expect(monthlyReports.map((r) => `${r.month}:${r.status}`).sort()).toEqual([
      ...['01', '02', '03', '04', '05', '06', '08', '09'].map((m) => `2026-${m}:accepted`),
      '2026-10:submitted',
    ]);
    const { tickets } = await data<{ tickets: { expectedCloseDate: string | null; specialAttention: boolean }[] }>(
      'xuzhou.admin',
      'query ($c: ID!) { tickets(contractId: $c) { expectedCloseDate specialAttention } }',
      { c },
    );
    expect(tickets).toHaveLength(35);
    expect(tickets.filter((t) => t.expectedCloseDate !== null)).toHaveLength(20);
    expect(tickets.filter((t) => t.specialAttention)).toHaveLength(2);
  });

  it('home pages: the last confirmed close and the next payment for Xuzhou and Huai’an (advance and 95 % paid), for finance and the vendor', async () => {
    const xz = (await data<{ contractDashboards: Dashboard[] }>('xuzhou.finance', DASHBOARDS)).contractDashboards;
    expect(xz).toEqual([
      {
        contractCode: 'xuzhou-2026',
        lastConfirmedClose: { period: '2026-H1', score: '93.00' },
        nextPayment: { lineId: 'settlement', status: 'scheduled', net: '2400000.00', paid: '0.00' },
      },
    ]);
    const ha = (await data<{ contractDashboards: Dashboard[] }>('huaian.finance', DASHBOARDS)).contractDashboards;
    expect(ha).toEqual([
      {
        contractCode: 'huaian-2025-2026',
        lastConfirmedClose: null,
        nextPayment: { lineId: 'contract-payments.balance', status: 'scheduled', net: '87000.00', paid: '0.00' },
      },
    ]);
    const { paymentSchedule } = await data<{
      paymentSchedule: { schedule: { lines: { id: string; status: string; paid: string }[] } };
    }>(
      'huaian.finance',
      'query ($c: ID!) { paymentSchedule(contractId: $c) { schedule { lines { id status paid } } } }',
      { c: await contractId('huaian.finance', 'huaian-2025-2026') },
    );
    expect(paymentSchedule.schedule.lines).toEqual([
      { id: 'contract-payments.advance', status: 'paid', paid: '696000.00' },
      { id: 'contract-payments.by-2025-12-31', status: 'paid', paid: '957000.00' },
      { id: 'contract-payments.balance', status: 'scheduled', paid: '0.00' },
    ]);
    const vendor = (await data<{ contractDashboards: Dashboard[] }>('vendor', DASHBOARDS)).contractDashboards;
    expect(vendor).toHaveLength(12);
    expect(vendor.find((d) => d.contractCode === 'xuzhou-2026')?.lastConfirmedClose).toEqual({
      period: '2026-H1',
      score: '93.00',
    });
  });

  it('Qinghai: the H1 items (average 91.00, grade A) and a valid complaint; Tianjin: package 8 with three bids ranked from two evaluators’ sheets', async () => {
    const q = await contractId('qinghai.admin', 'qinghai-hospital-3y');
    const { previewPeriodClose } = await data<{ previewPeriodClose: { assessment: { score: string; grade: string } } }>(
      'qinghai.admin',
      'query ($c: ID!) { previewPeriodClose(contractId: $c, period: "2026-H1", asOf: "2026-07-10") { assessment { score grade } } }',
      { c: q },
    );
    expect(previewPeriodClose.assessment).toEqual({ score: '91.00', grade: 'A' });
    const { procurementProjects } = await data<{ procurementProjects: { id: string; code: string }[] }>(
      'tianjin.admin',
      '{ procurementProjects { id code } }',
    );
    expect(procurementProjects.map((p) => p.code)).toEqual(['TJYB-2026-YW']);
    const { procurementPackages } = await data<{
      procurementPackages: { id: string; number: number; bids: { id: string }[] }[];
    }>('tianjin.admin', 'query ($p: ID!) { procurementPackages(projectId: $p) { id number bids { id } } }', {
      p: procurementProjects[0].id,
    });
    expect(procurementPackages.map((p) => [p.number, p.bids.length])).toEqual([[8, 3]]);
    const { packageRanking } = await data<{
      packageRanking: { ranking: { bidderName: string; rank: number | null; total: string | null }[] };
    }>('tianjin.admin', 'query ($k: ID!) { packageRanking(packageId: $k) { ranking { bidderName rank total } } }', {
      k: procurementPackages[0].id,
    });
    expect(packageRanking.ranking).toHaveLength(3);
    expect(packageRanking.ranking.every((r) => r.rank !== null && r.total !== null)).toBe(true);
  });

  it('Tianjin P1: the KPIs from its tickets — Q3 feedback 5 of 5 answered and resolved, vulnerabilities 1 of 2 closed; Q4 2 of 3 resolved', async () => {
    const c = await contractId('tianjin.admin', 'tianjin-2026-p1');
    const kpis = async (p: string) =>
      (
        await data<{
          ticketKpis: { kpis: { kpiId: string; counted: number; achieved: number; rate: string | null }[] };
        }>(
          'tianjin.admin',
          'query ($c: ID!, $p: String!) { ticketKpis(contractId: $c, period: $p) { kpis { kpiId counted achieved rate } } }',
          { c, p },
        )
      ).ticketKpis.kpis.map((k) => [k.kpiId, k.counted, k.achieved, k.rate]);
    expect(await kpis('2026-Q3')).toEqual([
      ['response-rate', 5, 5, '100.00'],
      ['resolution-rate', 5, 5, '100.00'],
      ['vulnerability-closure-rate', 2, 1, '50.00'],
    ]);
    expect(await kpis('2026-Q4')).toEqual([
      ['response-rate', 3, 3, '100.00'],
      ['resolution-rate', 3, 2, '66.67'],
      ['vulnerability-closure-rate', 0, 0, null],
    ]);
  });
});
