import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { QINGHAI_ITEMS } from '../jobs/acceptance/fixtures';
import {
  COL,
  consistencyProblems,
  pick,
  readXlsx,
  rowsOf,
  type StoredSchedule,
} from '../jobs/acceptance/ledger-driver';
import { eventually } from '../jobs/worker-harness';
import { webSuite } from './web-harness';

const SCHEDULE_FIELDS = `contractId contractCode configVersion calendarVersion asOf computedAt basis payments { id lineId amount paidOn reference }
  schedule { asOf lines { id label year period gross deductionTotal net paid dueDate status reasons deductions { ruleId kind label amount formula } }
    totals { gross deductions net paid } vendorBalanceOwed notes }`;
type Schedule = StoredSchedule & {
  computedAt: string;
  payments: { lineId: string; amount: string; paidOn: string; reference: string | null }[];
};
const LINE = 'half-year-payment.2026-H1';

// Issue 6 acceptance: finance filters the schedules, marks a line paid, exports an XLSX; the test opens the file.
describe('web console: finance exports an XLSX that the test opens and checks', () => {
  let contract: { id: string; code: string; name: string };

  const web = webSuite('web-finance-export', __filename, {
    setup: async (stack) => {
      // A confirmed close on demo Qinghai (domain.md example C): H1 items average 86.40 → grade B, three valid
      // complaints → three deductions on the half-year line, due 2026-11-10; the 台账 confirmed and the VAT invoice for
      // 5,150.00 received make it payable.
      const { contracts } = await stack.gql<{
        contracts: { id: string; code: string; name: string; presetId: string | null }[];
      }>('qinghai.admin@demo.local', '{ contracts { id code name presetId } }');
      contract = contracts.find((c) => c.presetId === 'qinghai-hospital-3y') as typeof contract;
      const setInputs = (i: Record<string, unknown>) =>
        stack.gql(
          'qinghai.admin@demo.local',
          'mutation ($i: SetPeriodInputsInput!) { setPeriodInputs(input: $i) { period } }',
          { i: { contractId: contract.id, period: '2026-H1', ...i } },
        );
      await setInputs({ itemScores: QINGHAI_ITEMS, complaints: { valid: 3, invalid: 1 } });
      const { closePeriod } = await stack.gql<{ closePeriod: { id: string } }>(
        'qinghai.admin@demo.local',
        'mutation ($i: ClosePeriodInput!) { closePeriod(input: $i) { id } }',
        { i: { contractId: contract.id, period: '2026-H1', asOf: '2026-07-10' } },
      );
      await stack.jobsSettled();
      await stack.gql(
        'qinghai.admin@demo.local',
        'mutation ($id: ID!) { confirmPeriodClose(closeId: $id) { status } }',
        { id: closePeriod.id },
      );
      await stack.jobsSettled();
      await setInputs({ ledgerConfirmed: true });
      await stack.jobsSettled();
      // Each payment waits for the VAT invoice for the amount payable (002:428): finance has received it.
      await stack.gql(
        'qinghai.finance@demo.local',
        'mutation ($i: RecordInvoiceInput!) { recordInvoice(input: $i) { id } }',
        {
          i: { contractId: contract.id, lineId: LINE, number: '63000001', amount: '5150.00', receivedOn: '2026-11-12' },
        },
      );
      await stack.jobsSettled();
    },
    setupTimeoutMs: 240_000,
  });

  const schedule = async () =>
    (
      await web.stack.gql<{ paymentSchedule: Schedule }>(
        'qinghai.finance@demo.local',
        `query ($c: ID!) { paymentSchedule(contractId: $c) { ${SCHEDULE_FIELDS} } }`,
        { c: contract.id },
      )
    ).paymentSchedule;

  it('filters by due month and status, shows deductions with their formulas, marks the line paid (problems at their fields), exports XLSX with the API’s figures', async () => {
    const before = await schedule();
    const line = before.schedule.lines.find((l) => l.id === LINE) as Schedule['schedule']['lines'][number];
    expect(line).toMatchObject({ net: '5150.00', dueDate: '2026-11-10', status: 'due', paid: '0.00' });
    const filtered = (
      await web.stack.gql<{ paymentSchedules: Schedule[] }>(
        'qinghai.finance@demo.local',
        `query ($f: ScheduleFilterInput) { paymentSchedules(filter: $f) { ${SCHEDULE_FIELDS} } }`,
        { f: { dueMonth: '2026-11', status: 'due' } },
      )
    ).paymentSchedules;

    const session = await web.session('qinghai.finance@demo.local');
    const { page } = session;
    await page.waitForURL('**/finance/schedules');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('付款计划');
    await page.locator('tr[data-line]').first().waitFor();
    await expect(page.locator('tr[data-line]').count()).resolves.toBe(before.schedule.lines.length);
    await page.locator('.chart canvas').first().waitFor();
    await session.screenshot('finance-schedules');

    // Filters: November 2026, due → the lines the API's filter gives.
    await page.getByLabel('应付月份').fill('2026-11');
    await page.getByLabel('状态').selectOption('due');
    const expectedLines = filtered.flatMap((s) => s.schedule.lines.map((l) => l.id));
    expect(expectedLines).toEqual([LINE]);
    // Polled from the test: waitForFunction re-evaluates a string predicate with eval, which the console's CSP
    // refuses (a page error whenever the first evaluation came too early, as on a loaded machine).
    await eventually(
      async () => ((await page.locator('tr[data-line]').count()) === expectedLines.length ? true : undefined),
      20_000,
      100,
    );
    await expect(
      page.locator('tr[data-line]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-line'))),
    ).resolves.toEqual(expectedLines);
    const row = page.locator(`tr[data-line="${LINE}"]`);
    await expect(row.locator('[data-field="gross"] .money').getAttribute('data-value')).resolves.toBe(line.gross);
    await expect(row.locator('[data-field="deductions"] .money').getAttribute('data-value')).resolves.toBe(
      line.deductionTotal,
    );
    await expect(row.locator('[data-field="net"] .money').getAttribute('data-value')).resolves.toBe(line.net);
    await expect(row.locator('[data-field="status"]').textContent()).resolves.toBe('到期');

    // The deductions, expanded by keyboard: rule and formula of each.
    await row.getByRole('button', { name: /展开/ }).focus();
    await page.keyboard.press('Enter');
    const formulas = page.locator('.deduction-details [data-field="formula"]');
    await expect(formulas.allTextContents()).resolves.toEqual(line.deductions.map((d) => d.formula));
    await expect(
      page
        .locator('.deduction-details tr[data-rule]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rule'))),
    ).resolves.toEqual(line.deductions.map((d) => d.ruleId));
    await session.screenshot('finance-schedules-deductions');

    // Mark paid: an amount of zero and no date are refused by the API, each problem at its field.
    await row.getByRole('button', { name: /登记付款/ }).focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: /登记付款/ });
    await expect(form.getByLabel('付款金额（元）').inputValue()).resolves.toBe(line.net);
    await form.getByLabel('付款金额（元）').fill('0.00');
    await form.getByLabel('付款日期').fill('');
    await form.getByRole('button', { name: '确认登记' }).click();
    await form.locator('input[aria-invalid="true"]').first().waitFor();
    await expect(form.getByLabel('付款金额（元）').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(form.getByLabel('付款日期').getAttribute('aria-invalid')).resolves.toBe('true');
    await session.screenshot('finance-mark-paid-problems');
    expect((await schedule()).payments).toEqual([]);

    await form.getByLabel('付款金额（元）').fill(line.net);
    await form.getByLabel('付款日期').fill('2026-11-20');
    await form.getByLabel('付款凭证号').fill('QH-2026-118');
    await form.getByLabel('付款凭证号').press('Enter');
    await page.getByText(`已登记付款 ¥${line.net}`, { exact: false }).waitFor({ timeout: 30_000 });
    await web.stack.jobsSettled();
    const after = await schedule();
    expect(after.payments).toEqual([
      expect.objectContaining({ lineId: LINE, amount: '5150.00', paidOn: '2026-11-20', reference: 'QH-2026-118' }),
    ]);
    const paidLine = after.schedule.lines.find((l) => l.id === LINE) as Schedule['schedule']['lines'][number];
    expect(paidLine).toMatchObject({ status: 'paid', paid: '5150.00' });

    // The paid line under the 已付 filter, with the API's figures.
    await page.getByLabel('状态').selectOption('paid');
    await expect(
      page.locator(`tr[data-line="${LINE}"] [data-field="status"]`).textContent({ timeout: 10_000 }),
    ).resolves.toBe('已付');
    await expect(
      page.locator(`tr[data-line="${LINE}"] [data-field="paid"] .money`).getAttribute('data-value'),
    ).resolves.toBe('5150.00');
    await session.screenshot('finance-schedules-paid');

    // Export XLSX of the contract; the download answers with the Bearer token (the page fetches it).
    await page.getByLabel('导出范围').selectOption(contract.id);
    await page.getByLabel('文件格式').selectOption('XLSX');
    await page.getByRole('button', { name: '生成导出文件' }).focus();
    await page.keyboard.press('Enter');
    const downloadButton = page.getByRole('button', { name: /^下载 付款计划-.*\.xlsx$/ });
    await downloadButton.waitFor({ timeout: 60_000 });
    await session.screenshot('finance-export-ready');
    const [download] = await Promise.all([page.waitForEvent('download'), downloadButton.click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^付款计划-${contract.code}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    const bytes = readFileSync(await download.path());

    // Opened with exceljs: money cells are numbers formatted #,##0.00, 大写 as text, the 合计 row.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(bytes).buffer); // a copy as a plain ArrayBuffer, the type exceljs declares
    const ws = wb.getWorksheet('付款计划') as ExcelJS.Worksheet;
    expect(ws).toBeDefined();
    let lineRow: ExcelJS.Row | undefined;
    let totalRow: ExcelJS.Row | undefined;
    ws.eachRow((r) => {
      if (r.getCell(1).value === '付款节点' && r.getCell(COL.lineId + 1).value === LINE) lineRow = r;
      if (r.getCell(1).value === '合计') totalRow = r;
    });
    const cell = (r: ExcelJS.Row | undefined, key: keyof typeof COL) => (r as ExcelJS.Row).getCell(COL[key] + 1);
    expect(cell(lineRow, 'gross').value).toBe(7000);
    expect(cell(lineRow, 'gross').numFmt).toBe('#,##0.00');
    expect(cell(lineRow, 'deduction').value).toBe(1850);
    expect(cell(lineRow, 'net').value).toBe(5150);
    expect(cell(lineRow, 'net').numFmt).toBe('#,##0.00');
    expect(cell(lineRow, 'netCapital').value).toBe('伍仟壹佰伍拾元整');
    expect(cell(lineRow, 'paid').value).toBe(5150);
    expect(cell(lineRow, 'status').value).toBe('已付');
    expect((cell(totalRow, 'net').value as number).toFixed(2)).toBe(after.schedule.totals.net);
    expect((cell(totalRow, 'paid').value as number).toFixed(2)).toBe('5150.00');
    expect(cell(totalRow, 'deduction').numFmt).toBe('#,##0.00');

    // Every row and total against the stored schedule (two-decimal text, 大写, Σ of the lines = 合计).
    const sheet = await readXlsx(bytes);
    expect(sheet.moneyCellsNumeric).toBe(true);
    expect(consistencyProblems(sheet, contract.code, after)).toEqual([]);
    expect(
      pick(rowsOf(sheet, '付款节点', LINE)[0], 'gross', 'deduction', 'net', 'netCapital', 'paid', 'dueDate', 'status'),
    ).toEqual(['7000.00', '1850.00', '5150.00', '伍仟壹佰伍拾元整', '5150.00', '2026-11-10', '已付']);
    expect(rowsOf(sheet, '扣款', LINE).map((r) => pick(r, 'deduction', 'formula'))).toEqual(
      paidLine.deductions.map((d) => [d.amount, d.formula]),
    );
  }, 240_000);
});
