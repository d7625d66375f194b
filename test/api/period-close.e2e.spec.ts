import { buildCalendar } from '@ledger/sla';
import { getPreset, parseContractConfig, workingDatesOfMonth } from '@ledger/contracts';
import { asSuperuser } from '../support/test-database';
import { startApi, type TestApi } from './api-app';

type Problem = { path: string; code: string; params: Record<string, string>; message: string };
type Gql = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: { code: string; problems?: Problem[] } }[];
};
type Line = {
  componentId: string;
  points: string;
  explanation: string;
  explained: { code: string; params: { name: string; value: string }[] };
};
type Preview = {
  configVersion: number;
  calendarVersion: string;
  assessment: {
    period: string;
    score: string | null;
    unclampedScore: string | null;
    breakdown: Line[];
    flags: { code: string; subject: string }[];
    missing: { period: string; input: string }[];
  };
  assessments: { period: string; score: string | null }[];
  year: { year: number; score: string; count: number } | null;
  inputsUsed: { period: string; componentId: string; input: string; source: string; value: unknown }[];
  missing: { period: string; input: string; message: string }[];
  metrics: {
    period: string;
    id: string;
    value: string | null;
    display: string | null;
    numerator: string | null;
    denominator: string | null;
    explanation: string;
    notes: string[];
    details: Record<string, unknown>;
  }[];
  flags: { period: string; code: string; subject: string }[];
  facts: Record<string, unknown>;
  schedule: {
    asOf: string;
    lines: {
      id: string;
      gross: string;
      net: string;
      status: string;
      dueDate: string | null;
      reasons: string[];
      deductions: { ruleId: string; amount: string; formula: string }[];
    }[];
    totals: { gross: string; deductions: string; net: string };
    vendorBalanceOwed: string;
  };
  notes: string[];
};

const PREVIEW = `query ($c: ID!, $p: String!, $a: String) { previewPeriodClose(contractId: $c, period: $p, asOf: $a) {
  contractId period asOf configVersion calendarVersion
  assessment { period score unclampedScore base grade passes breakdown { componentId label kind input points explanation explained { code params { name value } } } flags { period code message subject } notes explanation missing { period input message } }
  assessments { period score }
  year { year score count expected explanation }
  inputsUsed { period componentId kind input source value }
  missing { period input message }
  metrics { period id label value display numerator denominator explanation notes details }
  flags { period code subject }
  facts
  schedule { asOf lines { id gross net status dueDate reasons deductions { ruleId amount formula } } totals { gross deductions net paid } vendorBalanceOwed notes }
  notes } }`;
const SET = 'mutation ($i: SetPeriodInputsInput!) { setPeriodInputs(input: $i) { period missing } }';
const TRANSITION =
  'mutation ($i: TransitionTicketInput!) { transitionTicket(input: $i) { id state expectedCloseDate specialAttention } }';

describe('previewPeriodClose (real PostgreSQL, demo seed)', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  const contracts: Record<string, string> = {};
  const call = async (who: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api.gql(query, variables, tokens[who])).body as Gql;
  const preview = async (who: string, c: string, p: string, a = '2026-11-24'): Promise<Preview> => {
    const r = await call(who, PREVIEW, { c, p, a });
    expect(r.errors).toBeUndefined();
    return r.data?.previewPeriodClose as Preview;
  };

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    for (const who of ['vendor', 'xuzhou.admin', 'xuzhou.staff', 'xuzhou.finance', 'huaian.admin', 'tianjin.admin'])
      tokens[who] = await api.login(`${who}@demo.local`);
    for (const who of ['huaian.admin', 'xuzhou.admin', 'tianjin.admin']) {
      for (const c of (await call(who, '{ contracts { id code } }')).data?.contracts as { id: string; code: string }[])
        contracts[c.code] = c.id;
    }
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  const xuzhouSetup = async (): Promise<string> => {
    const c = contracts['xuzhou-2026'];
    // The seed's three open Xuzhou tickets get dates (the twelve closed ones have none and cannot get one: closed is final).
    const tickets = (await call('xuzhou.admin', 'query ($c: ID!) { tickets(contractId: $c) { id title } }', { c })).data
      ?.tickets as { id: string; title: string }[];
    const byTitle = (t: string) => tickets.find((x) => x.title === t)?.id as string;
    const at = '2026-11-20T10:00:00+08:00';
    for (const [title, action, date] of [
      ['门诊统筹限额校验错误', 'set-expected-close-date', '2026-11-15'], // LX-0013: deployed 2026-11-12 20:30 → completed 11-12 ≤ 11-15: achieved
      ['经办大厅叫号统计', 'mark-special-attention', '2026-11-20'], // LX-0014: in progress, 特别关注 due 11-20 → open past its date on 11-24: missed, 4 days late
      ['前置机网络中断', 'set-expected-close-date', '2026-12-15'], // LX-0015: received, due 12-15 → pending on 11-24
    ]) {
      const r = await call('xuzhou.admin', TRANSITION, { i: { ticketId: byTitle(title), action, at, date } });
      expect(r.errors).toBeUndefined();
    }
    return c;
  };

  it('missing inputs are reported, never guessed: no score, no year, the settlement has no due date', async () => {
    const p = await preview('xuzhou.admin', contracts['xuzhou-2026'], '2026-H2');
    expect(p.assessment).toMatchObject({ period: '2026-H2', score: null, breakdown: [] });
    expect(p.assessments.map((a) => a.score)).toEqual([null, null]);
    expect(p.year).toBeNull();
    const H = ['staffScores', 'securityIncidents', 'satisfaction.businessSatisfaction', 'satisfaction.itSatisfaction'];
    expect(p.missing.map((m) => `${m.period}:${m.input}`)).toEqual([
      ...H.map((x) => `2026-H2:${x}`),
      ...H.map((x) => `2026-H1:${x}`),
      'term:attendance',
    ]);
    // The seed has accepted reports for 2026-08 and 2026-09 only: the absence deduction's actual person-months are not extrapolated.
    expect(p.missing[8].message).toBe(
      '2026-01, 2026-02, 2026-03, 2026-04, 2026-05, 2026-06, 2026-07, 2026-10, 2026-11, 2026-12 没有已通过的月报；实际人月不做推测',
    );
    expect(p.facts).toEqual({ periods: [], years: [], quarters: [], attendance: [] });
    expect(p.schedule.lines).toEqual([
      {
        id: 'settlement',
        gross: '2400000.00',
        net: '2400000.00',
        status: 'scheduled',
        dueDate: null,
        reasons: ['合同金额 2,400,000.00 的 100 %', '应付日期未定：2026 年度考核尚未发生'],
        deductions: [],
      },
    ]);
  });

  it('Xuzhou 2026-H2 from period inputs and the ticket ledger: 72.00, breakdown line by line, year 86.00, flags, schedule', async () => {
    const c = await xuzhouSetup();
    const staffH1 = [
      { personId: 'p1', attitude: 28, ability: 27, results: 35 }, // 90
      { personId: 'p2', attitude: 25, ability: 25, results: 30 }, // 80
    ];
    const h1 = await call('xuzhou.admin', SET, {
      i: {
        contractId: c,
        period: '2026-H1',
        staffScores: staffH1,
        securityIncidents: 0,
        satisfaction: { businessSatisfaction: '比较满意', itSatisfaction: '一般' },
      },
    });
    expect(h1.errors).toBeUndefined();
    const h2 = await call('xuzhou.staff', SET, {
      i: {
        contractId: c,
        period: '2026-H2',
        staffScores: [...staffH1, { personId: 'p3', attitude: 20, ability: 20, results: 25 } /* 65 */],
        securityIncidents: 1,
        satisfaction: { businessSatisfaction: '一般', itSatisfaction: '很差' },
        complaints: { valid: 2, invalid: 1 },
      },
    });
    expect(h2.errors).toBeUndefined();

    const p = await preview('xuzhou.finance', c, '2026-H2');
    expect(p).toMatchObject({ configVersion: 1, calendarVersion: expect.stringMatching(/^cn-national@2026/) });
    // H2: staff (90 + 80 + 65) ÷ 3 = 78.33 → 70–79 → −5; one security incident → −5; achievement 1 of 2 due (LX-0013 on time,
    // LX-0014 open past 11-20; LX-0015 not yet due, left out) = 50 % < 60 % → −10; special-attention delay LX-0014 11-20 → 11-24
    // = 4 days, 0 < d ≤ 10 → −1; 经办 一般 → −3; 信息 很差 → −4. 100 − 5 − 5 − 10 − 1 − 3 − 4 = 72.00.
    expect(p.assessment.breakdown.map((b) => [b.componentId, b.points])).toEqual([
      ['staff', '-5.00'],
      ['securityIncidents', '-5.00'],
      ['achievementRate', '-10.00'],
      ['specialDelay', '-1.00'],
      ['businessSatisfaction', '-3.00'],
      ['itSatisfaction', '-4.00'],
    ]);
    expect(p.assessment.breakdown[0].explanation).toBe(
      '人员平均分 78.33（共 3 人），落在区间 [70, 80)（70-79分） → -5',
    );
    // The text is rendered from the code and its exact parameters (the average unrounded: 235 ÷ 3).
    expect(p.assessment.breakdown[0].explained.code).toBe('score.staff-average');
    expect(p.assessment.breakdown[0].explained.params).toContainEqual({
      name: 'average',
      value: '78.33333333333333333333333333333333333333',
    });
    expect(p.assessment.breakdown[2].explanation).toBe('计划内达成率 50 %，落在区间 (−∞, 60)（达成率<60%） → -10');
    expect(p.assessment.breakdown[3].explanation).toBe(
      '特别关注类问题延期时间 4 天，落在区间 (0, 10]（10≥延期>0） → -1',
    );
    // base + Σ points = unclamped: the scheme's base is served, not derived by the reader.
    expect(p.assessment).toMatchObject({ score: '72.00', unclampedScore: '72.00', base: '100.00', missing: [] });
    // H1: staff (90 + 80) ÷ 2 = 85 → 0; no incident → 0; no ticket due in H1 → rate undefined → 0 (rule 5); delay 0 → 0;
    // 比较满意 +5; 一般 0 → 105 → clamped 100.00. Year = mean(100.00, 72.00) = 86.00.
    expect(p.assessments).toEqual([
      { period: '2026-H1', score: '100.00' },
      { period: '2026-H2', score: '72.00' },
    ]);
    expect(p.year).toMatchObject({ year: 2026, score: '86.00', count: 2 });
    expect(p.flags).toEqual([
      { period: '2026-H2', code: 'STAFF_BELOW_THRESHOLD', subject: 'p3' }, // 65 < 70: the buyer may ask for a replacement
      { period: '2026-H2', code: 'YEAR_SCORE_BELOW_80', subject: null }, // the scheme's alert on a score below 80
    ]);
    const h2Metrics = p.metrics.filter((m) => m.period === '2026-H2');
    expect(h2Metrics.map((m) => [m.id, m.value, m.numerator, m.denominator])).toEqual([
      ['achievementRate', '50', '1', '2'],
      ['specialDelayDays', '4', null, null],
      // Accepted seed reports 2026-08 (8.9047…) and 2026-09 (8.9090…) against 9 people × 6 months = 54 planned.
      ['personMonths', '17.81385281385281385281385281385281385281', '17.81385281385281385281385281385281385281', '54'],
    ]);
    // The ticket metrics explain themselves in the reader's language (zh-CN by default), not in engine English.
    expect(h2Metrics.slice(0, 2).map((m) => [m.explanation, m.notes])).toEqual([
      [
        '计划内达成率 = 按期完成 1 张 ÷ 2026-07-01 至 2026-12-31 应完成 2 张 = 50.00 %',
        ['截至 2026-11-24 尚未到期的 1 张未结联系单暂不计入（临时结果）：LX-0015'],
      ],
      ['特别关注类问题延期合计（各单天数相加）：LX-0014 4 = 4 天', ['LX-0014 尚未关闭：延期计至 2026-11-24（4 天）']],
    ]);
    expect(h2Metrics[0].details).toEqual({
      achieved: ['LX-0013'],
      missed: ['LX-0014'],
      pending: ['LX-0015'],
      counts: { achieved: 1, missed: 1, pending: 1 },
      limit: 1000,
      truncated: false,
    });
    // Inputs by component input name: stored buyer inputs by kind, ticket metrics derived.
    expect(p.inputsUsed.filter((u) => u.period === '2026-H2').map((u) => [u.componentId, u.input, u.source])).toEqual([
      ['staff', 'staff', 'staffScores'],
      ['securityIncidents', 'securityIncidents', 'securityIncidents'],
      ['achievementRate', 'achievementRate', 'derived'],
      ['specialDelay', 'specialDelayDays', 'derived'],
      ['businessSatisfaction', 'businessSatisfaction', 'satisfaction'],
      ['itSatisfaction', 'itSatisfaction', 'satisfaction'],
    ]);
    expect(p.missing.map((m) => `${m.period}:${m.input}`)).toEqual(['term:attendance']);
    // asOf 2026-11-24 is before H2 ends: the scores are facts, the assessment date is not (provisional).
    expect(p.facts).toEqual({
      periods: [
        { id: '2026-H1', score: '100.00', assessedOn: '2026-11-24' },
        { id: '2026-H2', score: '72.00', validComplaints: 2 },
      ],
      years: [{ year: 2026, score: '86.00' }],
      quarters: [],
      attendance: [],
    });
    expect(p.schedule.lines).toEqual([
      {
        id: 'settlement',
        gross: '2400000.00',
        net: '2400000.00',
        status: 'scheduled',
        dueDate: null,
        reasons: ['合同金额 2,400,000.00 的 100 %', '应付日期未定：2026 年度考核尚未发生'],
        deductions: [{ ruleId: 'year-score', amount: '0.00', formula: '2026 年度得分 86.00 ≥ 80：不扣款' }],
      },
    ]);
    expect(p.notes).toContain(
      '暂定：2026-11-24 早于 2026-H2 结束日（2026-12-31）；其考核尚无日期，以考核为准的付款暂无应付日期',
    );

    // The buyer's staff and the vendor holding the contract see the same preview.
    expect(await preview('xuzhou.staff', c, '2026-H2')).toEqual(p);
    expect(await preview('vendor', c, '2026-H2')).toEqual(p);
  });

  it('a dated close after the year with every month accepted: the absence deduction from the reports, 68.00 / year 84.00', async () => {
    const c = contracts['xuzhou-2026'];
    const calendar = buildCalendar(parseContractConfig(getPreset('xuzhou-2026').config).calendar ?? {});
    const people = [
      { personId: 'PM-1', roleId: 'pm' },
      ...Array.from({ length: 8 }, (_, i) => ({ personId: `ENGINEER-${i + 1}`, roleId: 'engineer' })),
    ];
    const reports = (
      await call('vendor', 'query ($c: ID!) { monthlyReports(contractId: $c) { id month status } }', { c })
    ).data?.monthlyReports as { id: string; month: string; status: string }[];
    const decide = async (id: string) =>
      expect(
        (await call('xuzhou.admin', 'mutation ($r: ID!) { acceptMonthlyReport(reportId: $r) { status } }', { r: id }))
          .errors,
      ).toBeUndefined();
    for (const r of reports.filter((x) => x.status === 'submitted')) await decide(r.id); // the seed's October, one engineer two days short
    for (let m = 1; m <= 12; m++) {
      const month = `2026-${String(m).padStart(2, '0')}`;
      if (reports.some((r) => r.month === month)) continue;
      const days = workingDatesOfMonth(calendar, month).length;
      const saved = await call(
        'vendor',
        'mutation ($i: SaveMonthlyReportInput!) { saveMonthlyReport(input: $i) { id } }',
        {
          i: {
            contractId: c,
            month,
            report: {
              attendance: people.map((p) => ({ ...p, daysPresent: String(days) })),
              deliveries: [],
              serviceEvents: [],
            },
          },
        },
      );
      expect(saved.errors).toBeUndefined();
      const id = (saved.data?.saveMonthlyReport as { id: string }).id;
      expect(
        (await call('vendor', 'mutation ($r: ID!) { submitMonthlyReport(reportId: $r) { status } }', { r: id })).errors,
      ).toBeUndefined();
      await decide(id);
    }
    const p = await preview('xuzhou.finance', c, '2026-H2', '2027-01-10');
    // As of 2027-01-10: LX-0015 (due 12-15) is open past its date → missed; 1 of 3 = 33.33 % → −10. LX-0014 open since its
    // 11-20 date → 51 days, 30 < d ≤ 60 → −5. 100 − 5 − 5 − 10 − 5 − 3 − 4 = 68.00; year mean(100.00, 68.00) = 84.00 ≥ 80.
    expect(p.assessment.breakdown.map((b) => b.points)).toEqual([
      '-5.00',
      '-5.00',
      '-10.00',
      '-5.00',
      '-3.00',
      '-4.00',
    ]);
    expect(p.assessment.score).toBe('68.00');
    expect(p.year?.score).toBe('84.00');
    expect(p.missing).toEqual([]);
    // Absent person-months: one engineer two days short in Aug (21 working days), Sep (22) and Oct (18: 国庆 1–7 off, 10-10 补班):
    // 2/21 + 2/22 + 2/18 = 206/693 = 0.2972582…, actual 108 − 206/693 = 107.7027417…; 2,400,000.00 × 206/693 ÷ 108 = 6,605.7399… → 6,605.74.
    expect(p.facts.attendance).toEqual([{ actualPersonMonths: expect.stringMatching(/^107\.70274170274170/) }]);
    expect(p.schedule.lines).toEqual([
      {
        id: 'settlement',
        gross: '2400000.00',
        net: '2393394.26',
        status: 'due',
        dueDate: '2027-01-10',
        reasons: ['合同金额 2,400,000.00 的 100 %', '2026 年度考核时（2027-01-10）到期'],
        deductions: [
          { ruleId: 'year-score', amount: '0.00', formula: '2026 年度得分 84.00 ≥ 80：不扣款' },
          { ruleId: 'absence', amount: '6605.74', formula: expect.any(String) },
        ],
      },
    ]);
  });

  it("Huai'an 2026-H1 (four ticket-handling ladders, no tickets): 95.00; earlier 2025-H2 unassessed; schedule balance pending", async () => {
    const h = contracts['huaian-2025-2026'];
    expect(
      (
        await call('huaian.admin', SET, {
          i: {
            contractId: h,
            period: '2026-H1',
            satisfaction: { businessSatisfaction: '一般', itSatisfaction: '差' },
            complaints: { valid: 1, invalid: 0 },
          },
        })
      ).errors,
    ).toBeUndefined();
    const p = await preview('vendor', h, '2026-H1');
    // No tickets due → rate undefined → 0 (with a note); delay 0 → 0; 业务 一般 −3; 信息 差 −2 → 100 − 3 − 2 = 95.00.
    expect(p.assessment.breakdown.map((b) => [b.componentId, b.points])).toEqual([
      ['achievementRate', '0.00'],
      ['specialDelay', '0.00'],
      ['businessSatisfaction', '-3.00'],
      ['itSatisfaction', '-2.00'],
    ]);
    expect(p.assessment.score).toBe('95.00');
    expect(p.assessments).toEqual([
      { period: '2025-H2', score: null },
      { period: '2026-H1', score: '95.00' },
    ]);
    expect(p.year).toBeNull();
    expect(p.missing).toEqual([]);
    expect(p.facts).toEqual({
      periods: [{ id: '2026-H1', score: '95.00', assessedOn: '2026-11-24', validComplaints: 1 }],
      years: [],
      quarters: [],
      attendance: [],
    });
    expect(p.schedule.lines.map((l) => [l.id, l.gross, l.status, l.dueDate])).toEqual([
      ['contract-payments.advance', '696000.00', 'due', '2025-11-27'],
      ['contract-payments.by-2025-12-31', '957000.00', 'due', '2025-12-31'],
      ['contract-payments.balance', '87000.00', 'scheduled', '2026-12-31'],
    ]);
    expect(p.schedule.lines[2].reasons).toEqual(
      expect.arrayContaining(['条件待定：等待验收', '条件待定：等待2026 年度得分（须 ≥ 80）']),
    );
  });

  it('stores nothing: every table has the same rows before and after previews by every role', async () => {
    const counts = () =>
      asSuperuser(api.database.name, async (db) => {
        const tables = (
          await db.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        ).rows.map((r: { tablename: string }) => r.tablename);
        const out: Record<string, number> = {};
        for (const t of tables) out[t] = Number((await db.query(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n);
        return out;
      });
    const before = await counts();
    for (const who of ['xuzhou.admin', 'xuzhou.staff', 'xuzhou.finance', 'vendor'])
      await preview(who, contracts['xuzhou-2026'], '2026-H2');
    await preview('huaian.admin', contracts['huaian-2025-2026'], '2026-H1');
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(['period_inputs', 'tickets', 'ticket_events', 'monthly_reports']),
    );
    expect(await counts()).toEqual(before);
  });

  it('bad period and asOf are refused at their paths; a contract without a scheme has no period to close; other tenants get NOT_FOUND', async () => {
    const c = contracts['xuzhou-2026'];
    const problems = (r: Gql) => [
      r.errors?.[0]?.extensions.code,
      ...(r.errors?.[0]?.extensions.problems ?? []).map((x) => [x.path, x.code, x.params]),
    ];
    expect(problems(await call('xuzhou.admin', PREVIEW, { c, p: '2026-Q3' }))).toEqual([
      'BAD_USER_INPUT',
      ['period', 'period.notOfKind', { value: '2026-Q3', kind: 'half-year', known: '2026-H1, 2026-H2' }],
    ]);
    expect(problems(await call('xuzhou.admin', PREVIEW, { c, p: 'H2' }))).toEqual([
      'BAD_USER_INPUT',
      ['period', 'period.format', {}],
    ]);
    expect(problems(await call('xuzhou.admin', PREVIEW, { c, p: '2026-H2', a: '2026-13-01' }))).toEqual([
      'BAD_USER_INPUT',
      ['asOf', 'date.format', {}],
    ]);
    // Without an assessment scheme a contract closes by quarter when its payment reads quarter qualification (Tianjin).
    expect(problems(await call('tianjin.admin', PREVIEW, { c: contracts['tianjin-2026-p8'], p: '2026-H2' }))).toEqual([
      'BAD_USER_INPUT',
      [
        'period',
        'period.notOfKind',
        { value: '2026-H2', kind: 'quarter', known: '2026-Q1, 2026-Q2, 2026-Q3, 2026-Q4' },
      ],
    ]);
    for (const [who, id] of [
      ['tianjin.admin', c],
      ['huaian.admin', c],
      ['xuzhou.admin', '00000000-0000-4000-8000-000000000000'],
      ['xuzhou.admin', 'not-an-id'],
    ]) {
      const r = await call(who, PREVIEW, { c: id, p: '2026-H2' });
      expect(r.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    }
  });
});
