import { webSuite } from './web-harness';

const ADMIN = 'tianjin.admin@demo.local';
const VENDOR = 'vendor@demo.local';
const CONTRACTS = '{ contracts { id code name } }';

// On-demand obligations in the console (domain rule 14) on Tianjin P1: the buyer calls a 重保, a call recorded twice
// is refused at its field in Chinese, the vendor records the service, both read the same tally.
describe('web console: on-demand calls (重保) on Tianjin P1', () => {
  let contract: { id: string; name: string };

  const web = webSuite('web-on-demand', __filename, {
    setup: async (stack) => {
      const all = (await stack.gql<{ contracts: { id: string; code: string; name: string }[] }>(ADMIN, CONTRACTS))
        .contracts;
      const p1 = all.find((c) => c.code === 'tianjin-2026-p1');
      if (!p1) throw new Error('the demo seeds Tianjin P1');
      contract = p1;
    },
  });

  it('the buyer calls a 重保 (a duplicate refused at its field), the vendor serves it, both see 1 of 1 in time', async () => {
    const buyer = await web.session(ADMIN);
    await buyer.page.goto(`/buyer/contracts/${contract.id}`);
    const panel = buyer.page.locator('section[data-section="on-demand"]');
    await panel.getByRole('heading', { name: '按需服务（重保、应急响应）' }).waitFor();
    const row = panel.locator('tr[data-obligation="major-event-protection"]');
    await expect(row.textContent()).resolves.toContain('甲方调用 0 次，按时完成 0 次；承诺 7 次；已完成');

    const form = panel.locator('form[data-form="on-demand-call"]');
    await form.getByLabel('服务义务').selectOption('major-event-protection');
    await form.getByLabel('调用日').fill('2026-09-15');
    await form.getByLabel('要求完成日').fill('2026-10-01');
    await form.getByLabel('事项').fill('国庆节假期安全保障');
    await form.getByRole('button', { name: '登记调用' }).click();
    await panel.locator('tr[data-call-status="missed"]').waitFor();
    await expect(row.textContent()).resolves.toContain('甲方调用 1 次，按时完成 0 次，未完成 1 次；承诺 7 次；缺失');

    // The same call again: refused, said at the due day's field in Chinese; nothing stored.
    await form.getByLabel('事项').fill('国庆节假期安全保障');
    await form.getByRole('button', { name: '登记调用' }).click();
    await form.getByText('同一事项、同一要求完成日 2026-10-01 的调用已于 2026-09-15 登记').waitFor();
    await expect(
      panel.locator('table[data-section="on-demand-calls"] tbody tr[data-call-status]').count(),
    ).resolves.toBe(1);
    await buyer.screenshot('on-demand-buyer');

    const vendor = await web.session(VENDOR);
    await vendor.page.goto(`/vendor/contracts/${contract.id}`);
    const vPanel = vendor.page.locator('section[data-section="on-demand"]');
    const serve = vPanel.locator('form[data-serve]');
    await serve.getByLabel('完成日').fill('2026-10-01');
    await serve.getByLabel('佐证材料').fill('国庆重保保障方案、值守记录');
    await serve.getByRole('button', { name: '登记完成' }).click();
    await vPanel.locator('tr[data-call-status="served"]').waitFor();
    await expect(vPanel.locator('tr[data-obligation="major-event-protection"]').textContent()).resolves.toContain(
      '甲方调用 1 次，按时完成 1 次；承诺 7 次；已完成',
    );
    await expect(vPanel.locator('tr[data-call-status="served"]').textContent()).resolves.toContain(
      '国庆重保保障方案、值守记录',
    );
    await vendor.screenshot('on-demand-vendor');
  });
});
