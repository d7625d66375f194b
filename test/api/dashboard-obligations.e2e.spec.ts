import { TenantDatabase } from '@ledger/persistence';
import { startApi, type TestApi } from './api-app';

type Gql = { data?: Record<string, unknown> | null; errors?: { message: string; extensions: { code: string } }[] };
type Obligations = {
  month: string;
  asOf: string;
  reportStatus: string | null;
  due: number;
  met: number;
  late: number;
  missing: number;
  pending: number;
  nextDueDate: string | null;
  problem: string | null;
};

const FIELDS = 'month asOf reportStatus due met late missing pending nextDueDate problem';
const DASHBOARD = `query ($c: ID!, $m: String) { contractDashboard(contractId: $c, month: $m) { contractId sla { month } obligations { ${FIELDS} } } }`;

/*
 * The "obligations due" tile on the demo data: the checklist of the month's report against the contract's
 * obligations, judged as of the month's end for a past month. Tianjin package 2 (tianjin-2026-p2) in October 2026:
 * 18 working days on the national calendar (国庆 1–7 October off, Saturday 10 October a make-up working day), so
 * 18 daily status reports + 18 daily inspections, 5 weekly reports (weeks from Monday 28 September, clipped to the
 * month), the monthly report (due 5 November), the year's emergency responses and 重保 = 44 occurrences.
 */
describe('contract dashboard: obligations due (real PostgreSQL, demo seed)', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const call = async (who: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api.gql(query, variables, tokens[who])).body as Gql;
  const obligations = async (who: string, c: string, m?: string): Promise<Obligations> => {
    const r = await call(who, DASHBOARD, { c, m });
    expect(r.errors).toBeUndefined();
    return (r.data?.contractDashboard as { obligations: Obligations }).obligations;
  };

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    await api.jobsIdle();
    for (const who of [
      'admin',
      'vendor',
      'xuzhou.admin',
      'tianjin.admin',
      'tianjin.finance',
      'huaian.admin',
      'qinghai.admin',
    ])
      tokens[who] = await api.login(`${who}@demo.local`);
    for (const c of (await call('vendor', '{ contracts { id code } }')).data?.contracts as {
      id: string;
      code: string;
    }[])
      ids[c.code] = c.id;
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('without a report nothing is delivered: past daily and weekly occurrences missing, the rest pending, judged at the month end', async () => {
    const o = await obligations('tianjin.admin', ids['tianjin-2026-p2'], '2026-10');
    expect(o).toEqual({
      month: '2026-10',
      asOf: '2026-10-31',
      reportStatus: null,
      due: 46,
      // The year's emergency responses and 重保 and the source code (during the term and after it) are on demand
      // (domain rule 14): no call yet is no failure → met. The hand-over plan is due at the end of the term: pending.
      met: 3,
      late: 0,
      missing: 40,
      pending: 3,
      nextDueDate: '2026-10-31',
      problem: null,
    });
    // Finance and the holding vendor read the same figure.
    expect(await obligations('tianjin.finance', ids['tianjin-2026-p2'], '2026-10')).toEqual(o);
    expect(await obligations('vendor', ids['tianjin-2026-p2'], '2026-10')).toEqual(o);
  });

  it("a draft's deliveries count: on time (the 调休 Saturday included), late for a named week, a holiday's delivery matches nothing", async () => {
    const saved = await call(
      'vendor',
      'mutation ($i: SaveMonthlyReportInput!) { saveMonthlyReport(input: $i) { status } }',
      {
        i: {
          contractId: ids['tianjin-2026-p2'],
          month: '2026-10',
          report: {
            attendance: [],
            deliveries: [
              { obligationId: 'daily-status-report', deliveredOn: '2026-10-08', evidence: ['日报-1008'] },
              { obligationId: 'daily-status-report', deliveredOn: '2026-10-10', evidence: ['日报-1010'] }, // make-up working day
              {
                obligationId: 'weekly-report',
                deliveredOn: '2026-10-13',
                for: 'week-2026-10-05',
                evidence: ['周报-41'],
              }, // due 11 October: late
              { obligationId: 'monthly-report', deliveredOn: '2026-11-03', for: '2026-10', evidence: ['月报-10'] }, // due 5 November
              { obligationId: 'daily-inspection', deliveredOn: '2026-10-03', evidence: ['巡检-1003'] }, // 国庆: no occurrence that day
            ],
            serviceEvents: [],
          },
        },
      },
    );
    expect(saved.errors).toBeUndefined();
    expect(await obligations('tianjin.admin', ids['tianjin-2026-p2'], '2026-10')).toEqual({
      month: '2026-10',
      asOf: '2026-10-31',
      reportStatus: 'draft',
      due: 46,
      met: 6,
      late: 1,
      missing: 37,
      pending: 2,
      nextDueDate: '2026-10-31',
      problem: null,
    });
    // The monthly report page's checklist counts the same report the same way (it judges as of today, after October).
    const reports = (
      await call(
        'tianjin.admin',
        'query ($c: ID!) { monthlyReports(contractId: $c) { month summary { obligations { met late missing pending } } } }',
        { c: ids['tianjin-2026-p2'] },
      )
    ).data?.monthlyReports as {
      month: string;
      summary: { obligations: Record<string, number> };
    }[];
    const summary = reports.find((r) => r.month === '2026-10')?.summary.obligations as Record<string, number>;
    expect(summary).toMatchObject({ met: 6, late: 1 });
    expect(summary.met + summary.late + summary.missing + summary.pending).toBe(46);
  });

  it('Xuzhou: the demo report of October (submitted, no deliveries) leaves the term inspection pending; the current month is judged today', async () => {
    expect(await obligations('xuzhou.admin', ids['xuzhou-2026'], '2026-10')).toEqual({
      month: '2026-10',
      asOf: '2026-10-31',
      reportStatus: 'submitted',
      due: 1,
      met: 0,
      late: 0,
      missing: 0,
      pending: 1,
      nextDueDate: '2026-12-31',
      problem: null,
    });
    const now = await obligations('xuzhou.admin', ids['xuzhou-2026']);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(now).toMatchObject({ month: today.slice(0, 7), asOf: today });
  });

  it('contractDashboards resolves it per contract, within the caller’s tenant; another tenant gets NOT_FOUND, the platform nothing', async () => {
    const list = (
      await call('tianjin.admin', `{ contractDashboards(month: "2026-10") { contractCode obligations { ${FIELDS} } } }`)
    ).data?.contractDashboards as { contractCode: string; obligations: Obligations }[];
    expect(list.map((d) => d.contractCode)).toEqual(
      Object.keys(ids)
        .filter((c) => c.startsWith('tianjin-'))
        .sort(),
    );
    expect(list.find((d) => d.contractCode === 'tianjin-2026-p2')?.obligations).toMatchObject({
      due: 46,
      met: 6,
      late: 1,
      missing: 37,
      pending: 2,
    });
    // Package 3 has no report: its own figure, not package 2's deliveries.
    expect(list.find((d) => d.contractCode === 'tianjin-2026-p3')?.obligations).toMatchObject({
      reportStatus: null,
      met: 3,
      late: 0,
    });
    for (const who of ['huaian.admin', 'xuzhou.admin', 'admin']) {
      const r = await call(who, DASHBOARD, { c: ids['tianjin-2026-p2'], m: '2026-10' });
      expect(r.errors?.[0].extensions.code).toBe('NOT_FOUND');
      expect(r.data).toBeNull();
    }
    const huaian = (
      await call('huaian.admin', `{ contractDashboards(month: "2026-10") { contractCode obligations { due } } }`)
    ).data?.contractDashboards as { contractCode: string }[];
    expect(huaian.map((d) => d.contractCode)).toEqual(['huaian-2025-2026']);
    expect((await call('admin', `{ contractDashboards { obligations { due } } }`)).data?.contractDashboards).toEqual(
      [],
    );
  });

  it('a page of the vendor’s contract list reads every tile in one transaction (issue 15, point 2), the same tiles as one by one', async () => {
    const page = `query ($first: Int) { contractSearch(first: $first) { nodes { id } dashboards(month: "2026-10") { contractId obligations { ${FIELDS} } } } }`;
    const db = api.app.get(TenantDatabase);
    const runs = jest.spyOn(db, 'run');
    const transactionsFor = async (first: number) => {
      runs.mockClear();
      const r = await call('vendor', page, { first });
      expect(r.errors).toBeUndefined();
      const found = r.data?.contractSearch as {
        nodes: unknown[];
        dashboards: { contractId: string; obligations: Obligations }[];
      };
      return { count: runs.mock.calls.length, found };
    };
    try {
      const one = await transactionsFor(1);
      const all = await transactionsFor(20);
      expect(all.found.dashboards.length).toBeGreaterThan(5);
      // The search, the dashboards, the obligations: as many transactions for every contract of the page as for one.
      expect(all.count).toBe(one.count);
      for (const d of all.found.dashboards)
        expect(d.obligations).toEqual(await obligations('vendor', d.contractId, '2026-10'));
    } finally {
      runs.mockRestore();
    }
  });

  it('a month in a year the national calendar has not published is computed on the provisional calendar and says so (zh-CN by default, English on request), with the code', async () => {
    const q = `{ contractDashboards(month: "2027-03") { contractCode obligations { due problem provisional calendarNote calendarNoteExplanation { code params { name value } text } } } }`;
    type Tile = {
      contractCode: string;
      obligations: {
        due: number;
        problem: string | null;
        provisional: boolean;
        calendarNote: string | null;
        calendarNoteExplanation: { code: string; params: { name: string; value: string }[]; text: string } | null;
      };
    };
    const zh = (await call('qinghai.admin', q)).data?.contractDashboards as Tile[];
    // Qinghai's term runs to 2028: March 2027 reads the provisional 2027 (its inspections before holidays of ≥ 3 days).
    const tile = zh.find((d) => d.contractCode === 'qinghai-hospital-3y');
    expect(tile?.obligations).toMatchObject({ problem: null, provisional: true });
    expect(tile?.obligations.due).toBeGreaterThan(0);
    expect(tile?.obligations.calendarNoteExplanation?.code).toBe('calendar.provisional');
    expect(tile?.obligations.calendarNoteExplanation?.params).toContainEqual({ name: 'years', value: '2027' });
    expect(tile?.obligations.calendarNote).toBe(
      '暂定：2027 年国家工作日历尚未发布，按暂定日历（法定节假日按法定日期、不调休）计算，以发布后的日历为准',
    );
    const en = (await api.gql(q, {}, tokens['qinghai.admin']).set('Accept-Language', 'en-US,en;q=0.9')).body as Gql;
    const enTile = (en.data?.contractDashboards as Tile[]).find((d) => d.contractCode === tile?.contractCode);
    expect(enTile?.obligations.calendarNote).toMatch(
      /^Provisional: the national working-day calendar for 2027 is not published; /,
    );
    // A published month is not provisional.
    const oct = (await call('qinghai.admin', q.replace('2027-03', '2026-10'))).data?.contractDashboards as Tile[];
    expect(oct.find((d) => d.contractCode === 'qinghai-hospital-3y')?.obligations).toMatchObject({
      provisional: false,
      calendarNote: null,
      calendarNoteExplanation: null,
    });
  });
});
