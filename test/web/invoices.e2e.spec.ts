import { webSuite } from './web-harness';

const FINANCE = 'qinghai.finance@demo.local';
const CONTRACTS = '{ contracts { id code } }';
const RECOMPUTE = 'mutation ($c: ID!) { recomputeSchedule(contractId: $c) { id } }';

// The VAT invoice before payment in the console (Qinghai 002:428): finance sees the half-year line waiting for its
// invoice, records it (a future day refused at its field in Chinese), and the line's reason says it was received.
describe('web console: finance records the VAT invoice of a Qinghai payment', () => {
  const web = webSuite('web-invoices', __filename, {
    setup: async (stack) => {
      const all = (await stack.gql<{ contracts: { id: string; code: string }[] }>(FINANCE, CONTRACTS)).contracts;
      const qinghai = all.find((c) => c.code === 'qinghai-hospital-3y');
      if (!qinghai) throw new Error('the demo seeds Qinghai');
      await stack.gql(FINANCE, RECOMPUTE, { c: qinghai.id });
      await stack.jobsSettled();
    },
  });

  it('the line waits for its invoice; finance records it; the reason says received', async () => {
    const { page, screenshot } = await web.session(FINANCE);
    await page.goto('/finance/schedules');
    const row = page
      .locator('tr', { hasText: '2026-H1' })
      .filter({ hasText: '等待乙方按应付金额提供增值税普通发票' })
      .first();
    await row.waitFor();
    await row.getByRole('button', { name: /登记发票/ }).click();
    const form = page.getByRole('form', { name: /登记增值税发票/ });
    await form.getByLabel('发票号码').fill('63000002');
    await form.getByLabel('收票日期').fill('2099-01-01');
    await form.getByRole('button', { name: '确认登记' }).click();
    await form.getByText('晚于计算日', { exact: false }).waitFor();
    await form.getByLabel('收票日期').fill('2026-11-20');
    await form.getByRole('button', { name: '确认登记' }).click();
    await page.getByText('已登记发票 63000002', { exact: false }).waitFor({ timeout: 30_000 });
    await page.getByText('已收到增值税普通发票 63000002', { exact: false }).first().waitFor();
    await screenshot('invoice-recorded');
  });
});
