import { signIn, webSuite } from './web-harness';

type Report = {
  id: string;
  month: string;
  status: string;
  report: {
    attendance: { personId: string; dates?: string[]; daysPresent?: string }[];
    deliveries: { obligationId: string; evidence: string[] }[];
    holidayDuty?: { date: string; people: string[] }[];
  };
  summary: {
    personMonths: { planned: string; actual: string; absent: string };
    obligations: { met: number; late: number; missing: number; pending: number };
  } | null;
};
const REPORTS =
  'query ($c: ID!) { monthlyReports(contractId: $c) { id month status report summary { personMonths { planned actual absent } obligations { met late missing pending } } } }';
const MONTH = '2026-11';

// Issue 6 acceptance: the vendor fills and submits a month in the browser, the buyer accepts it in the browser.
describe('web console: vendor submits a monthly report that the buyer accepts', () => {
  let contract: { id: string; code: string; name: string };
  const web = webSuite('web-vendor-report', __filename, {
    setup: async (stack) => {
      // Demo Xuzhou: reports August–October exist (October waiting); November is the month to fill. The roster is
      // the vendor's own data, entered through the API as the vendor would: the project manager and eight engineers.
      const { contracts } = await stack.gql<{
        contracts: { id: string; code: string; name: string; presetId: string | null }[];
      }>('vendor@demo.local', '{ contracts { id code name presetId } }');
      contract = contracts.find((c) => c.presetId === 'xuzhou-2026') as typeof contract;
      const people = [
        { personId: 'PM-1', name: '张工', roleId: 'pm' },
        ...Array.from({ length: 8 }, (_, i) => ({
          personId: `ENGINEER-${i + 1}`,
          name: `工程师${i + 1}`,
          roleId: 'engineer',
        })),
      ];
      for (const p of people) {
        await stack.gql(
          'vendor@demo.local',
          'mutation ($i: AddStaffMemberInput!) { addStaffMember(input: $i) { id } }',
          { i: { contractId: contract.id, ...p, fromDate: '2026-01-01' } },
        );
      }
    },
  });

  it('vendor: fills November (grid by keyboard, a delivery fixed after its problem is shown), saves, submits; the buyer returns without a comment (refused at the field), then accepts', async () => {
    let session = await web.session();
    const { page } = session;
    await signIn(page, 'vendor@demo.local');
    await page.waitForURL('**/vendor/contracts');

    // From the contracts list to the contract's reports, by keyboard: focus the link, Enter.
    const row = page.locator(`tr[data-contract-code="${contract.code}"]`);
    await row.getByRole('link', { name: '月度报告' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/vendor/contracts/${contract.id}/reports`);
    await expect(page.locator('tr[data-month="2026-10"] [data-field="status"]').textContent()).resolves.toBe(
      '已提交，待审核',
    );
    await expect(page.locator('tr[data-month="2026-09"] [data-field="status"]').textContent()).resolves.toBe(
      '已通过（锁定）',
    );
    await session.screenshot('vendor-report-months');
    await page.getByLabel('选择月份').selectOption(MONTH);
    await page.getByRole('button', { name: '打开该月' }).press('Enter');
    await page.waitForURL(`**/reports/${MONTH}`);
    await expect(page.locator('[data-field="report-status"]').textContent()).resolves.toBe('未填报');

    // The roster gives the grid's rows; every weekday for everyone, then ENGINEER-2 misses 11-05 and 11-06 (keyboard).
    await expect(page.locator('.attendance-grid tbody tr').count()).resolves.toBe(9);
    await page.locator('[data-field="calendar-note"]').waitFor(); // the contract calendar has answered
    await page.getByRole('button', { name: '全部人员工作日全勤（按合同日历）' }).click();
    const cell = page.getByLabel('工程师2 2026-11-05 到岗');
    await expect(cell.isChecked()).resolves.toBe(true);
    await cell.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator(':focus').getAttribute('aria-label')).resolves.toBe('工程师2 2026-11-06 到岗');
    await page.keyboard.press('Space');
    await expect(page.getByLabel('工程师2 2026-11-06 到岗').isChecked()).resolves.toBe(false);
    await expect(page.locator('tr[data-person="ENGINEER-2"] [data-field="days"]').textContent()).resolves.toBe('19');

    // A delivery of the expert inspection without its evidence: the API's problem shows at the evidence field.
    await page.getByRole('button', { name: '添加交付' }).click();
    await page.getByLabel('义务', { exact: true }).first().selectOption('expert-inspection');
    await page.getByLabel('交付日期').fill('2026-11-20');
    await page.getByRole('button', { name: '添加服务事件' }).click();
    await page.getByLabel('类型').selectOption('training');
    await page.getByLabel('开始').fill('2026-11-12');
    await page.getByLabel('说明').fill('医保结算新功能操作培训');
    await page.getByRole('button', { name: '保存草稿' }).click();
    const evidence = page.getByLabel('佐证材料');
    await page.locator('[data-delivery="0"] .field-error').waitFor();
    await expect(evidence.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('[data-delivery="0"] .field-error').textContent()).resolves.toContain('巡检记录');
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('BAD_USER_INPUT');
    await session.screenshot('vendor-report-problem');
    const nothingStored = (
      await web.stack.gql<{ monthlyReports: Report[] }>('vendor@demo.local', REPORTS, { c: contract.id })
    ).monthlyReports;
    expect(nothingStored.map((r) => r.month)).not.toContain(MONTH);

    // Holiday duty (rule 16, 000:76): one line per non-working day of November (its nine weekend days); 11-29 left empty.
    const offDays = ['01', '07', '08', '14', '15', '21', '22', '28', '29'].map((d) => `2026-11-${d}`);
    await expect(page.locator('input[data-duty]').count()).resolves.toBe(offDays.length);
    for (const [i, day] of offDays.slice(0, -1).entries())
      await page.locator(`input[data-duty="${day}"]`).fill(i % 2 ? '工程师1' : '工程师2，项目经理');

    await evidence.fill('XJ-2026-11-001, XJ-2026-11-002');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('已保存草稿。').waitFor();
    await expect(page.locator('[data-field="report-status"]').textContent()).resolves.toBe('草稿');
    const draft = (
      await web.stack.gql<{ monthlyReports: Report[] }>('vendor@demo.local', REPORTS, { c: contract.id })
    ).monthlyReports.find((r) => r.month === MONTH) as Report;
    expect(draft.status).toBe('draft');
    expect(draft.report.attendance).toHaveLength(9);
    expect(draft.report.attendance.find((a) => a.personId === 'ENGINEER-2')?.dates).toHaveLength(19);
    expect(draft.report.holidayDuty).toHaveLength(8);
    expect(draft.report.holidayDuty?.[0]).toEqual({ date: '2026-11-01', people: ['工程师2', '项目经理'] });
    expect(draft.report.deliveries).toEqual([
      expect.objectContaining({ obligationId: 'expert-inspection', evidence: ['XJ-2026-11-001', 'XJ-2026-11-002'] }),
    ]);
    // The computed figures on the page are the API's.
    const figures = page.getByTestId('report-figures');
    await expect(figures.locator('[data-field="planned"]').textContent()).resolves.toBe(
      draft.summary?.personMonths.planned,
    );
    await expect(figures.locator('[data-field="actual"]').textContent()).resolves.toBe(
      draft.summary?.personMonths.actual,
    );
    await expect(figures.locator('[data-field="absent"]').textContent()).resolves.toBe(
      draft.summary?.personMonths.absent,
    );
    expect(draft.summary?.personMonths.absent).not.toBe('0.00');
    await expect(figures.locator('[data-field="holiday-duty"]').textContent()).resolves.toBe('1 天不足 / 共 9 天');
    await expect(figures.locator('[data-field="holiday-duty-short"]').textContent()).resolves.toContain('2026');
    await session.screenshot('vendor-report-draft');

    await page.getByRole('button', { name: '提交审核' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('已提交，等待采购人审核。', { exact: true }).waitFor();
    await expect(page.locator('[data-field="report-status"]').textContent()).resolves.toBe('已提交，待审核');
    await session.screenshot('vendor-report-submitted');
    const submitted = (
      await web.stack.gql<{ monthlyReports: Report[] }>('vendor@demo.local', REPORTS, { c: contract.id })
    ).monthlyReports.find((r) => r.month === MONTH) as Report;
    expect(submitted.status).toBe('submitted');
    await session.close();

    // The buyer (Xuzhou's admin) reviews it.
    session = await web.session();
    const buyer = session.page;
    await signIn(buyer, 'xuzhou.admin@demo.local');
    await buyer.goto(`/buyer/contracts/${contract.id}/reports`);
    await expect(buyer.locator(`tr[data-month="${MONTH}"] [data-field="status"]`).textContent()).resolves.toBe(
      '已提交，待审核',
    );
    await buyer.locator(`tr[data-month="${MONTH}"]`).getByRole('link').focus();
    await buyer.keyboard.press('Enter');
    await buyer.waitForURL(`**/reports?month=${MONTH}`);
    await expect(buyer.locator('[data-field="report-status"]').textContent()).resolves.toBe('已提交，待审核');
    await expect(buyer.getByTestId('report-figures').locator('[data-field="actual"]').textContent()).resolves.toBe(
      submitted.summary?.personMonths.actual,
    );
    await buyer.getByRole('cell', { name: 'XJ-2026-11-001，XJ-2026-11-002' }).waitFor();
    await session.screenshot('buyer-report-review');

    // Returning needs a comment: the API's problem shows at the comment field; nothing changes.
    await buyer.getByRole('button', { name: '退回' }).click();
    await buyer.locator('textarea[aria-invalid="true"]').waitFor();
    await expect(buyer.locator('.field-error').textContent()).resolves.toBe('请说明供应商需要修改什么');
    const still = (
      await web.stack.gql<{ monthlyReports: Report[] }>('xuzhou.admin@demo.local', REPORTS, { c: contract.id })
    ).monthlyReports.find((r) => r.month === MONTH) as Report;
    expect(still.status).toBe('submitted');

    await buyer.getByRole('button', { name: '通过' }).focus();
    await buyer.keyboard.press('Enter');
    // 通过 locks the report: a dialog asks first and says so (issue 12 point 5).
    const ask = buyer.getByRole('dialog', { name: /^通过 .* 的月度报告？$/ });
    await expect(ask.textContent()).resolves.toContain('通过后报告即锁定');
    await ask.getByRole('button', { name: '通过并锁定' }).click();
    await buyer
      .locator(`tr[data-month="${MONTH}"] [data-field="status"]`, { hasText: '已通过（锁定）' })
      .waitFor({ timeout: 10_000 });
    await buyer.locator('[data-field="report-status"]', { hasText: '已通过（锁定）' }).waitFor();
    await session.screenshot('buyer-report-accepted');
    const accepted = (
      await web.stack.gql<{ monthlyReports: Report[] }>('xuzhou.admin@demo.local', REPORTS, { c: contract.id })
    ).monthlyReports.find((r) => r.month === MONTH) as Report;
    expect(accepted.status).toBe('accepted');
    expect(accepted.id).toBe(submitted.id);
  }, 180_000);

  it('vendor: the grid marks the contract calendar’s days off (劳动节, 周末) and its 调休 working day as the API gives them; the quick fill ticks its working days', async () => {
    const month = '2026-05';
    type Day = { date: string; working: boolean; kind: string; name: string | null };
    const { workingDays } = await web.stack.gql<{ workingDays: { workingDayCount: number; days: Day[] } }>(
      'vendor@demo.local',
      'query ($c: ID!, $m: String!) { workingDays(contractId: $c, month: $m) { workingDayCount days { date working kind name } } }',
      { c: contract.id, m: month },
    );
    // 劳动节 1–5 May off, Saturday 9 May worked (调休).
    expect(workingDays.days.filter((d) => d.kind === 'holiday').map((d) => d.date)).toEqual([
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
      '2026-05-04',
      '2026-05-05',
    ]);
    expect(workingDays.days.find((d) => d.date === '2026-05-09')).toMatchObject({
      working: true,
      kind: 'make-up-workday',
      name: '劳动节补班',
    });
    const session = await web.session();
    const { page } = session;
    await signIn(page, 'vendor@demo.local');
    await page.waitForURL('**/vendor/contracts');
    await page.goto(`/vendor/contracts/${contract.id}/reports/${month}`);
    await page.locator('[data-field="calendar-note"]').waitFor();

    // The marked columns are the API's days off.
    const heads = page.locator('.attendance-grid thead th[data-day]');
    await expect(heads.count()).resolves.toBe(workingDays.days.length);
    const off: string[] = [];
    for (let i = 0; i < workingDays.days.length; i++)
      if ((await heads.nth(i).getAttribute('data-working')) === 'false')
        off.push((await heads.nth(i).getAttribute('data-day')) as string);
    expect(off).toEqual(workingDays.days.filter((d) => !d.working).map((d) => d.date));
    // Each cell's accessible name says whether the day is off, and why.
    const label = (d: Day): string =>
      d.working
        ? d.kind === 'make-up-workday'
          ? `张工 ${d.date} 到岗（调休工作日：${d.name}）`
          : `张工 ${d.date} 到岗`
        : `张工 ${d.date} 到岗（非工作日：${d.name ?? '周末'}）`;
    const cells = page.locator('tr[data-person="PM-1"] input[type="checkbox"]');
    const names: string[] = [];
    for (let i = 0; i < workingDays.days.length; i++)
      names.push((await cells.nth(i).getAttribute('aria-label')) as string);
    expect(names).toEqual(workingDays.days.map(label));
    expect(names).toContain('张工 2026-05-01 到岗（非工作日：劳动节）');
    expect(names).toContain('张工 2026-05-09 到岗（调休工作日：劳动节补班）');

    // The row's quick fill ticks exactly the working days (the 调休 Saturday included, the holidays not).
    await page.getByRole('button', { name: '张工：工作日全勤（按合同日历）' }).click();
    const ticked: string[] = [];
    for (let i = 0; i < workingDays.days.length; i++)
      if (await cells.nth(i).isChecked()) ticked.push(workingDays.days[i].date);
    expect(ticked).toEqual(workingDays.days.filter((d) => d.working).map((d) => d.date));
    await expect(page.locator('tr[data-person="PM-1"] [data-field="days"]').textContent()).resolves.toBe(
      String(workingDays.workingDayCount),
    );
    await session.screenshot('vendor-report-calendar');
  }, 120_000);

  it('vendor: a month of a year not yet published is on the provisional calendar and the grid says 暂定 (domain rule 18)', async () => {
    const session = await web.session();
    const { page } = session;
    await signIn(page, 'vendor@demo.local');
    await page.waitForURL('**/vendor/contracts');
    await page.goto(`/vendor/contracts/${contract.id}/reports/2027-01`);
    await page.locator('[data-field="calendar-note"]').waitFor();
    await expect(page.locator('[data-field="calendar-provisional"]').textContent()).resolves.toBe(
      ' 〔暂定〕 本月日历为暂定：2027 年国家工作日历尚未发布，节假日按法定日期、不调休，发布后可能变化。',
    );
    // 元旦 is off on the provisional calendar; a published month carries no mark.
    await expect(
      page.locator('.attendance-grid thead th[data-day="2027-01-01"]').getAttribute('data-working'),
    ).resolves.toBe('false');
    await page.goto(`/vendor/contracts/${contract.id}/reports/2026-12`);
    await page.locator('[data-field="calendar-note"]').waitFor();
    await expect(page.locator('[data-field="calendar-provisional"]').count()).resolves.toBe(0);
  }, 120_000);

  it('vendor: an accepted month is read-only; assessments and the payment schedule pages answer from the API', async () => {
    const session = await web.session();
    const { page } = session;
    await signIn(page, 'vendor@demo.local');
    await page.goto(`/vendor/contracts/${contract.id}/reports/2026-09`);
    await page.getByText('该月报告已通过，已锁定，不可修改。').waitFor();
    await expect(page.getByRole('button', { name: '保存草稿' }).count()).resolves.toBe(0);
    await session.screenshot('vendor-report-locked');
    const { periodCloses } = await web.stack.gql<{ periodCloses: unknown[] }>(
      'vendor@demo.local',
      'query ($c: ID!) { periodCloses(contractId: $c) { id } }',
      { c: contract.id },
    );
    await page.goto(`/vendor/contracts/${contract.id}/assessments`);
    await page.getByRole('heading', { level: 1, name: `我的考核：${contract.name}` }).waitFor();
    if (!periodCloses.length) await page.getByText('该合同尚无结算考核。').waitFor();
    await session.screenshot('vendor-assessments');
    const { paymentSchedule } = await web.stack.gql<{ paymentSchedule: { schedule: { lines: unknown[] } } | null }>(
      'vendor@demo.local',
      'query ($c: ID!) { paymentSchedule(contractId: $c) { schedule { lines { id } } } }',
      { c: contract.id },
    );
    await page.goto(`/vendor/contracts/${contract.id}/schedule`);
    await page.getByRole('heading', { level: 1, name: `付款计划：${contract.name}` }).waitFor();
    if (paymentSchedule)
      await expect(page.locator('tr[data-line]').count()).resolves.toBe(paymentSchedule.schedule.lines.length);
    else await page.getByText('该合同尚未生成付款计划（首次结算确认后生成）。').waitFor();
    await session.screenshot('vendor-schedule');
  }, 120_000);
});
