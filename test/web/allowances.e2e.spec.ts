import { webSuite } from './web-harness';

const VENDOR = 'vendor@demo.local';
const ADMIN = 'huaian.admin@demo.local';
const CONTRACTS = '{ contracts { id code name } }';

// Free-work allowances in the console (domain rule 15, example J on Huai'an's 5 person-months): the vendor logs
// 3.5, 1.0 and 1.0; a negative amount is refused at its field in Chinese; the buyer reads 0.50 beyond, flagged.
describe('web console: free-work allowance on Huai’an', () => {
  let contract: { id: string; name: string };

  const web = webSuite('web-allowances', __filename, {
    setup: async (stack) => {
      const all = (await stack.gql<{ contracts: { id: string; code: string; name: string }[] }>(ADMIN, CONTRACTS))
        .contracts;
      const c = all.find((x) => x.code === 'huaian-2025-2026');
      if (!c) throw new Error('the demo seeds Huai’an');
      contract = c;
    },
  });

  it('the vendor logs work up to and beyond the allowance; the buyer reads what is beyond, in words', async () => {
    const vendor = await web.session(VENDOR);
    await vendor.page.goto(`/vendor/contracts/${contract.id}`);
    const panel = vendor.page.locator('section[data-section="allowances"]');
    await panel.getByRole('heading', { name: '免费工作量额度' }).waitFor();
    const form = panel.locator('form[data-form="allowance-work"]');
    const row = panel.locator('tr[data-allowance="personalised-interfacing"]');

    await form.getByLabel('工作日期').fill('2026-09-15');
    await form.getByLabel('工作量').fill('-1');
    await form.getByLabel('工作内容').fill('跨部门接口对接');
    await form.getByRole('button', { name: '登记' }).click();
    await form.getByText('应大于 0').waitFor();

    for (const [amount, used, level] of [
      ['3.5', '3.50', 'ok'],
      ['1.0', '4.50', 'warning'],
      ['1.0', '5.50', 'beyond'],
    ] as const) {
      await form.getByLabel('工作量').fill(amount);
      await form.getByLabel('工作内容').fill('医保与卫健数据共享接口');
      await form.getByRole('button', { name: '登记' }).click();
      await row.getByText(`已用 ${used} / 5.00 人月`).waitFor();
      await expect(row.getAttribute('data-level')).resolves.toBe(level);
    }
    await expect(row.textContent()).resolves.toContain(
      '已用 5.50 / 5.00 人月（110.00%），超出额度 0.50 人月，需另行协商',
    );
    await expect(panel.locator('table[data-section="allowance-work"] tr[data-beyond="0.50"]').count()).resolves.toBe(1);
    await vendor.screenshot('allowance-vendor');

    const buyer = await web.session(ADMIN);
    await buyer.page.goto(`/buyer/contracts/${contract.id}`);
    const bPanel = buyer.page.locator('section[data-section="allowances"]');
    await bPanel.locator('tr[data-allowance="personalised-interfacing"][data-level="beyond"]').waitFor();
    // The buyer reads; logging is the vendor's.
    await expect(bPanel.locator('form[data-form="allowance-work"]').count()).resolves.toBe(0);
    await buyer.screenshot('allowance-buyer');
  });
});
