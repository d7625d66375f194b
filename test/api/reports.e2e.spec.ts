import { asSuperuser } from '../support/test-database';
import { startApi, type TestApi } from './api-app';

type Gql = {
  data?: Record<string, unknown> | null;
  errors?: {
    message: string;
    extensions: {
      code: string;
      messageCode?: string;
      messageParams?: Record<string, string>;
      problems?: { path: string; message: string }[];
    };
  }[];
};

const FIELDS =
  'id contractId month status report configVersion buyerComment submittedAt decidedAt summary { asOf personMonths { planned actual absent } obligations { met late missing pending } details } summaryError';
const SAVE = `mutation ($i: SaveMonthlyReportInput!) { saveMonthlyReport(input: $i) { ${FIELDS} } }`;
const SUBMIT = `mutation ($id: ID!) { submitMonthlyReport(reportId: $id) { ${FIELDS} } }`;
const ACCEPT = `mutation ($id: ID!) { acceptMonthlyReport(reportId: $id) { ${FIELDS} } }`;
const RETURN = `mutation ($id: ID!, $c: String!) { returnMonthlyReport(reportId: $id, comment: $c) { ${FIELDS} } }`;

/** October 2026 of the Huai'an contract: four attendance people, the 重保 of National Day, the emergency drill. */
export const OCTOBER = {
  attendance: [
    { personId: 'HA-001', name: '张工', roleId: 'pm', daysPresent: 16 },
    { personId: 'HA-002', name: '李工', roleId: 'ops', daysPresent: 16 },
    { personId: 'HA-003', name: '王工', roleId: 'ops', daysPresent: '15.5' },
    { personId: 'HA-004', name: '赵工', roleId: 'ops', daysPresent: 12 },
    { personId: 'HA-R01', name: '远程一', roleId: 'remote', daysPresent: 10 },
  ],
  deliveries: [
    { obligationId: 'emergency-drill', deliveredOn: '2026-10-20', evidence: ['应急演练记录 2026-10'] },
    {
      obligationId: 'major-event-protection',
      deliveredOn: '2026-09-28',
      for: 'event-national-day',
      evidence: ['国庆重保保障方案'],
    },
  ],
  serviceEvents: [
    {
      id: 'national-day',
      kind: '重保',
      from: '2026-10-01',
      to: '2026-10-07',
      description: '国庆 24 小时重保',
      obligationId: 'major-event-protection',
    },
    {
      id: 'go-live',
      kind: '重保',
      from: '2026-10-26',
      description: '新系统上线重保（无保障方案）',
      obligationId: 'major-event-protection',
    },
  ],
};

describe('monthly reports through GraphQL (real PostgreSQL, demo seed)', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let contractId: string;
  const call = async (who: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api.gql(query, variables, tokens[who])).body as Gql;
  const code = (r: Gql) => r.errors?.[0]?.extensions.code;
  /** A refusal's reason as the console renders it: its message code and parameters. */
  const reason = (r: Gql) => [r.errors?.[0]?.extensions.messageCode, r.errors?.[0]?.extensions.messageParams];

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    for (const who of ['vendor', 'huaian.admin', 'huaian.staff', 'huaian.finance', 'tianjin.admin'])
      tokens[who] = await api.login(`${who}@demo.local`);
    contractId = ((await call('huaian.admin', '{ contracts { id } }')).data?.contracts as { id: string }[])[0].id;
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('an invalid report is refused with every problem at its path, and nothing is stored', async () => {
    const bad = {
      attendance: [
        { personId: 'HA-001', roleId: 'dba', daysPresent: 3 },
        { personId: 'HA-002', roleId: 'ops', daysPresent: 40 },
      ],
      deliveries: [
        { obligationId: 'weekly-report', deliveredOn: '2026-09-03' },
        { obligationId: 'emergency-drill', deliveredOn: '2026-09-20', evidence: [] },
      ],
      serviceEvents: [{ id: 'e1', kind: 'incident', from: '2026-09-10', to: '2026-09-08', description: '宕机' }],
    };
    const r = await call('vendor', SAVE, { i: { contractId, month: '2026-09', report: bad } });
    expect(code(r)).toBe('BAD_USER_INPUT');
    const paths = (r.errors?.[0].extensions.problems ?? []).map((p) => p.path).sort();
    expect(paths).toEqual(
      [
        'input.report.attendance[0].roleId',
        'input.report.attendance[1].daysPresent',
        'input.report.deliveries[0].obligationId',
        'input.report.deliveries[1].evidence',
        'input.report.serviceEvents[0].to',
      ].sort(),
    );
    const structural = await call('vendor', SAVE, {
      i: { contractId, month: '2026-13', report: { attendance: 'none', extra: 1 } },
    });
    expect((structural.errors?.[0].extensions.problems ?? []).map((p) => p.path)).toEqual(['input.month']);
    const list = await call('vendor', 'query ($c: ID!) { monthlyReports(contractId: $c) { id } }', { c: contractId });
    expect(list.data?.monthlyReports).toEqual([]);
    // The demo seed has Xuzhou's reports; this contract (Huai'an) has none, and the refused saves stored nothing.
    expect(
      await asSuperuser(api.database.name, async (c) =>
        Number(
          (await c.query('SELECT count(*) AS n FROM monthly_reports WHERE contract_id = $1', [contractId])).rows[0].n,
        ),
      ),
    ).toBe(0);
  });

  it('vendor drafts and submits; buyer returns with a comment; vendor fixes and resubmits; buyer accepts; then the month is locked', async () => {
    // Only the vendor writes a report; the buyer cannot save or submit it.
    expect(code(await call('huaian.admin', SAVE, { i: { contractId, month: '2026-10', report: OCTOBER } }))).toBe(
      'FORBIDDEN',
    );

    const draft = await call('vendor', SAVE, { i: { contractId, month: '2026-10', report: OCTOBER } });
    expect(draft.errors).toBeUndefined();
    const report = draft.data?.saveMonthlyReport as {
      id: string;
      status: string;
      summary: { personMonths: { planned: string; actual: string }; obligations: Record<string, number> };
    };
    expect(report.status).toBe('draft');
    expect(report.summary.personMonths.planned).toBe('4.00');
    const id = report.id;

    expect(code(await call('huaian.admin', SUBMIT, { id }))).toBe('FORBIDDEN');
    expect(code(await call('huaian.admin', ACCEPT, { id }))).toBe('CONFLICT'); // a draft is not for the buyer to decide
    const submitted = await call('vendor', SUBMIT, { id });
    expect((submitted.data?.submitMonthlyReport as { status: string }).status).toBe('submitted');
    expect(code(await call('vendor', SAVE, { i: { contractId, month: '2026-10', report: OCTOBER } }))).toBe('CONFLICT');
    expect(code(await call('vendor', ACCEPT, { id }))).toBe('FORBIDDEN');
    expect(code(await call('huaian.finance', ACCEPT, { id }))).toBe('FORBIDDEN');

    expect(code(await call('huaian.staff', RETURN, { id, c: '  ' }))).toBe('BAD_USER_INPUT');
    const returned = await call('huaian.staff', RETURN, { id, c: '赵工出勤天数与考勤记录不符' });
    expect(returned.data?.returnMonthlyReport).toMatchObject({
      status: 'returned',
      buyerComment: '赵工出勤天数与考勤记录不符',
    });
    expect(code(await call('vendor', SUBMIT, { id }))).toBe('CONFLICT'); // save the fix first

    const fixed = {
      ...OCTOBER,
      attendance: OCTOBER.attendance.map((a) => (a.personId === 'HA-004' ? { ...a, daysPresent: 15 } : a)),
    };
    const again = await call('vendor', SAVE, { i: { contractId, month: '2026-10', report: fixed } });
    expect(again.data?.saveMonthlyReport).toMatchObject({ id, status: 'draft' });
    expect((await call('vendor', SUBMIT, { id })).data?.submitMonthlyReport).toMatchObject({ status: 'submitted' });
    const accepted = await call('huaian.admin', ACCEPT, { id });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.acceptMonthlyReport).toMatchObject({
      status: 'accepted',
      report: {
        attendance: expect.arrayContaining([expect.objectContaining({ personId: 'HA-004', daysPresent: '15' })]),
      },
    });

    // Locked: every change is CONFLICT …
    expect(code(await call('vendor', SAVE, { i: { contractId, month: '2026-10', report: OCTOBER } }))).toBe('CONFLICT');
    const submitLocked = await call('vendor', SUBMIT, { id });
    expect([code(submitLocked), ...reason(submitLocked)]).toEqual(['CONFLICT', 'report.locked', { month: '2026-10' }]);
    expect(code(await call('huaian.admin', RETURN, { id, c: 'reopen' }))).toBe('CONFLICT');
    expect(code(await call('huaian.admin', ACCEPT, { id }))).toBe('CONFLICT');
    // … and the database itself rejects a raw UPDATE or DELETE, in the app role with the tenant's scope.
    await asSuperuser(api.database.name, async (c) => {
      const tenantId = (await c.query('SELECT tenant_id FROM contracts WHERE id = $1', [contractId])).rows[0]
        .tenant_id as string;
      for (const sql of [
        "UPDATE monthly_reports SET buyer_comment = 'edited' WHERE id = $1",
        "UPDATE monthly_reports SET status = 'returned', buyer_comment = 'x' WHERE id = $1",
        'DELETE FROM monthly_reports WHERE id = $1',
      ]) {
        await c.query('BEGIN');
        await c.query('SET LOCAL ROLE ledger_app');
        await c.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
        await expect(c.query(sql, [id])).rejects.toThrow(/accepted and locked|permission denied/);
        await c.query('ROLLBACK');
      }
      // Not even the superuser edits an accepted report.
      await expect(c.query("UPDATE monthly_reports SET buyer_comment = 'edited' WHERE id = $1", [id])).rejects.toThrow(
        /accepted and locked/,
      );
      expect((await c.query('SELECT status, buyer_comment FROM monthly_reports WHERE id = $1', [id])).rows[0]).toEqual({
        status: 'accepted',
        buyer_comment: '赵工出勤天数与考勤记录不符',
      });
    });
  });

  it('the database also refuses a status change the scope may not make (the vendor accepting its own report)', async () => {
    const draft = await call('vendor', SAVE, { i: { contractId, month: '2026-11', report: { attendance: [] } } });
    const id = (draft.data?.saveMonthlyReport as { id: string }).id;
    await asSuperuser(api.database.name, async (c) => {
      const vendorOrgId = (await c.query('SELECT vendor_org_id FROM contracts WHERE id = $1', [contractId])).rows[0]
        .vendor_org_id as string;
      await c.query('BEGIN');
      await c.query('SET LOCAL ROLE ledger_app');
      await c.query("SELECT set_config('app.vendor_org_id', $1, true)", [vendorOrgId]);
      await expect(c.query("UPDATE monthly_reports SET status = 'accepted' WHERE id = $1", [id])).rejects.toThrow(
        /not allowed in this scope/,
      );
      await c.query('ROLLBACK');
    });
  });

  it('reads: both parties see the report and its summary (person-months per rule 9, obligations checklist); other tenants do not', async () => {
    const list = await call('huaian.finance', `query ($c: ID!) { monthlyReports(contractId: $c) { ${FIELDS} } }`, {
      c: contractId,
    });
    expect(list.errors).toBeUndefined();
    const reports = list.data?.monthlyReports as {
      id: string;
      month: string;
      summary: {
        personMonths: Record<string, string>;
        obligations: Record<string, number>;
        details: {
          personMonths: { workingDays: number; people: { personId: string; counted: boolean }[] };
          obligations: { items: { obligationId: string; status: string }[] };
        };
      };
    }[];
    expect(reports.map((r) => r.month)).toEqual(['2026-10', '2026-11']);
    const oct = reports[0].summary;
    const wd = oct.details.personMonths.workingDays;
    // actual = (16 + 16 + 15.5 + 15) ÷ working days; the remote role does not count for attendance.
    expect(oct.personMonths.actual).toBe((62.5 / wd).toFixed(2));
    expect(oct.details.personMonths.people.find((p) => p.personId === 'HA-R01')?.counted).toBe(false);
    const statuses = oct.details.obligations.items
      .map((i) => `${i.obligationId}/${(i as { occurrence?: string }).occurrence}: ${i.status}`)
      .sort();
    expect(statuses).toEqual([
      'emergency-drill/term: met',
      'major-event-protection/event-go-live: missing',
      'major-event-protection/event-national-day: met',
    ]);
    expect(oct.obligations).toEqual({ met: 2, late: 0, missing: 1, pending: 0 });
    const one = await call('vendor', `query ($id: ID!) { monthlyReport(id: $id) { month status } }`, {
      id: reports[0].id,
    });
    expect(one.data?.monthlyReport).toEqual({ month: '2026-10', status: 'accepted' });
    expect(
      code(await call('tianjin.admin', `query ($id: ID!) { monthlyReport(id: $id) { id } }`, { id: reports[0].id })),
    ).toBe('NOT_FOUND');
    expect(
      code(await call('tianjin.admin', `query ($c: ID!) { monthlyReports(contractId: $c) { id } }`, { c: contractId })),
    ).toBe('NOT_FOUND');
  });

  it('concurrent first saves of a month: each succeeds or answers CONFLICT (never a server error); one report remains', async () => {
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => call('vendor', SAVE, { i: { contractId, month: '2026-12', report: { attendance: [] } } })),
    );
    for (const r of results) expect(r.errors === undefined || code(r) === 'CONFLICT').toBe(true);
    const months = (
      (await call('vendor', 'query ($c: ID!) { monthlyReports(contractId: $c) { month } }', { c: contractId })).data
        ?.monthlyReports as { month: string }[]
    ).map((m) => m.month);
    expect(months.filter((m) => m === '2026-12')).toHaveLength(1);
  });

  it('every mutation left audit rows naming the operation, the actor and the tenant', async () => {
    // This suite's mutations, on the Huai'an contract (the seed's Xuzhou reports are audited as seedDemo).
    const rows = await asSuperuser(
      api.database.name,
      async (c) =>
        (
          await c.query(
            "SELECT operation, action, tenant_id, actor_user_id, after ->> 'status' AS status FROM audit_log WHERE table_name = 'monthly_reports' AND after ->> 'contract_id' = $1 ORDER BY id",
            [contractId],
          )
        ).rows,
    );
    // The concurrent saves of 2026-12 may each insert or update the one draft: count its first INSERT only.
    const ops = rows.map((r) => `${r.operation}:${r.action}:${r.status}`).slice(0, 8);
    expect(ops).toEqual([
      'saveMonthlyReport:INSERT:draft',
      'submitMonthlyReport:UPDATE:submitted',
      'returnMonthlyReport:UPDATE:returned',
      'saveMonthlyReport:UPDATE:draft',
      'submitMonthlyReport:UPDATE:submitted',
      'acceptMonthlyReport:UPDATE:accepted',
      'saveMonthlyReport:INSERT:draft',
      'saveMonthlyReport:INSERT:draft',
    ]);
    for (const r of rows) {
      expect(r.tenant_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.actor_user_id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
  it('holiday duty (rule 16, 001:476): the roster is checked day by day, a short day shows in the summary and in the close', async () => {
    // August 2026 starts on a Saturday: its non-working days are the ten weekend days (no holiday).
    const weekends = ['01', '02', '08', '09', '15', '16', '22', '23', '29', '30'].map((d) => `2026-08-${d}`);
    const month = '2026-08';
    const bad = await call('vendor', SAVE, {
      i: {
        contractId,
        month,
        report: {
          attendance: OCTOBER.attendance,
          holidayDuty: [
            { date: '2026-08-03', people: ['张工'] }, // a Monday
            { date: '2026-08-01', people: ['张工', '张工'] },
          ],
        },
      },
    });
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect((bad.errors?.[0].extensions.problems ?? []).map((p) => p.path)).toEqual([
      'input.report.holidayDuty[0].date',
      'input.report.holidayDuty[1].people[1]',
    ]);
    const duty = weekends.filter((d) => d !== '2026-08-08').map((date) => ({ date, people: ['张工'] }));
    const saved = await call('vendor', SAVE, {
      i: { contractId, month, report: { attendance: OCTOBER.attendance, holidayDuty: duty } },
    });
    expect(saved.errors).toBeUndefined();
    const report = saved.data?.saveMonthlyReport as {
      id: string;
      summary: { details: { holidayDuty: { minOnDuty: number; days: { date: string }[]; short: string[] } } };
    };
    expect(report.summary.details.holidayDuty).toMatchObject({ minOnDuty: 1, short: ['2026-08-08'] });
    expect(report.summary.details.holidayDuty.days.map((d) => d.date)).toEqual(weekends);
    expect((await call('vendor', SUBMIT, { id: report.id })).errors).toBeUndefined();
    expect((await call('huaian.admin', ACCEPT, { id: report.id })).errors).toBeUndefined();

    const preview = await call(
      'huaian.admin',
      `query ($c: ID!) { previewPeriodClose(contractId: $c, period: "2026-H2") { flags { period code subject message messageExplanation { code } } } }`,
      { c: contractId },
    );
    expect(preview.errors).toBeUndefined();
    const flags = (preview.data?.previewPeriodClose as { flags: { code: string; subject: string; message: string }[] })
      .flags;
    const short = flags.filter((f) => f.code === 'HOLIDAY_DUTY_SHORT');
    // The accepted October report (earlier in this suite) gave no roster: its 13 non-working days are all short.
    expect(short.filter((f) => f.subject.startsWith('2026-10'))).toHaveLength(13);
    expect(short.filter((f) => f.subject.startsWith('2026-08'))).toEqual([
      expect.objectContaining({
        period: '2026-H2',
        subject: '2026-08-08',
        message: '2026-08-08（周末）值班 0 人，少于要求的 1 人（市内）',
      }),
    ]);
  });
});
