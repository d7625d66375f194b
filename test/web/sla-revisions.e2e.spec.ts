import { join } from 'node:path';
import { SCREENSHOT_DIR, webSuite } from './web-harness';

const ADMIN = 'xuzhou.admin@demo.local';
const CONTRACTS = '{ contracts { id code name } }';

// Moving open tickets onto a revised SLA in the console (issue 16 point 2) on Xuzhou: after a version that gives L4
// two hours on site, the contract page says three open tickets still follow version 1; a blank reason is refused at
// its field in Chinese; with a reason the move runs and its row says 3 moved.
describe('web console: open tickets moved onto a revised SLA (Xuzhou)', () => {
  let contract: { id: string; name: string };

  const web = webSuite('web-sla-revisions', __filename, {
    setup: async (stack) => {
      const all = (await stack.gql<{ contracts: { id: string; code: string; name: string }[] }>(ADMIN, CONTRACTS))
        .contracts;
      const xz = all.find((c) => c.code === 'xuzhou-2026');
      if (!xz) throw new Error('the demo seeds Xuzhou');
      contract = xz;
      const { contract: c } = await stack.gql<{
        contract: { configuration: { sla: { policy: { targets: { id: string; duration: object }[] } } } };
      }>(ADMIN, 'query ($c: ID!) { contract(id: $c) { configuration } }', { c: xz.id });
      const config = structuredClone(c.configuration);
      const onsite = config.sla.policy.targets.find((t) => t.id === 'onsite-L4');
      if (onsite) onsite.duration = { minutes: 120 };
      await stack.gql(
        ADMIN,
        'mutation ($i: UpdateContractConfigurationInput!) { updateContractConfiguration(input: $i) { currentVersion } }',
        { i: { contractId: xz.id, configuration: config, changeNote: '补充协议：四级问题到场时限 2 小时' } },
      );
    },
  });

  it('the admin moves the open tickets with a reason; a blank one is refused at its field', async () => {
    const session = await web.session(ADMIN);
    const { page } = session;
    await page.goto(`/buyer/contracts/${contract.id}`);
    const panel = page.locator('section[data-section="sla-revision"]');
    await panel.getByRole('heading', { name: '未结工单的 SLA 版本' }).waitFor();
    await expect(panel.locator('[data-field="open-on-older"]').textContent()).resolves.toBe(
      '3 张未结工单仍按旧版本计算（当前为第 2 版）。',
    );
    const form = panel.locator('form[data-form="sla-revision"]');
    await form.getByRole('button', { name: '将未结工单改按第 2 版计算' }).click();
    await form.getByText('必填').first().waitFor();
    await form.getByLabel('原因（如补充协议条款）').fill('补充协议第 3 条：四级问题到场时限 2 小时，未结工单一并适用');
    await form.getByRole('button', { name: '将未结工单改按第 2 版计算' }).click();
    await panel.locator('table[data-testid="sla-revisions"] tr[data-status]').waitFor();
    // The job runs in the background: the page shows its counts once it is done.
    for (let i = 0; i < 50; i++) {
      if ((await panel.locator('tr[data-status="done"]').count()) > 0) break;
      await page.waitForTimeout(200);
      await page.reload();
      await panel.waitFor();
    }
    const row = panel.locator('tr[data-status="done"]');
    await expect(row.textContent()).resolves.toContain('补充协议第 3 条');
    await expect(row.locator('td').nth(4).textContent()).resolves.toBe('3');
    await expect(panel.locator('[data-field="open-on-older"]').textContent()).resolves.toBe(
      '所有未结工单均已按当前第 2 版计算。',
    );
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'sla-revisions-panel.png') });
  });
});
