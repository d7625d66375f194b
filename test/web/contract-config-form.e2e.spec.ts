import { webSuite } from './web-harness';

type Version = { version: number; changeNote: string | null; configuration: Record<string, unknown> };
type Contract = {
  id: string;
  name: string;
  currentVersion: number;
  configuration: Record<string, unknown>;
  versions: Version[];
};
type Target = { id: string; name: string; duration: Record<string, unknown> };

const ADMIN = 'xuzhou.admin@demo.local';
const CONTRACTS =
  '{ contracts { id name currentVersion configuration versions { version changeNote configuration } } }';
const CONTRACT =
  'query ($id: ID!) { contract(id: $id) { id name currentVersion configuration versions { version changeNote configuration } } }';

function targetsOf(config: Record<string, unknown>): Target[] {
  return (config.sla as { policy: { targets: Target[] } }).policy.targets;
}

// The configuration form (issue 12 point 7): an SLA limit changed without JSON, problems at the field, a new version.
describe('web console: buyer configuration form', () => {
  let contract: Contract;

  const web = webSuite('web-contract-config-form', __filename, {
    setup: async (stack) => {
      [contract] = (await stack.gql<{ contracts: Contract[] }>(ADMIN, CONTRACTS)).contracts;
    },
  });

  it('changes an SLA limit and saves it with a note as a new version holding exactly that change', async () => {
    const session = await web.session(ADMIN);
    const { page } = session;
    await page.getByRole('link', { name: `查看 ${contract.name} 的状态` }).click();
    await page.waitForURL(`**/buyer/contracts/${contract.id}`);
    await page.getByRole('heading', { level: 3, name: '常用修改' }).waitFor();
    // The expert editor stays, under its own label.
    await page.getByLabel('配置原文（专家编辑）').waitFor();

    const targets = targetsOf(contract.configuration);
    const index = targets.findIndex((t) => t.id === 'phone-response');
    expect(index).toBeGreaterThanOrEqual(0);
    expect(targets[index].duration).toEqual({ minutes: 5 });
    const fieldset = page.locator(`fieldset[data-target="${index}"]`);
    const duration = page.getByLabel('电话响应时限：时限', { exact: true });
    await expect(duration.inputValue()).resolves.toBe('5');

    // A negative limit, then an empty one: the API's check names each at the duration field, in Chinese.
    for (const wrong of ['-5', '']) {
      await duration.fill(wrong);
      await page.locator('[data-form-check="invalid"]').waitFor();
      await expect(duration.getAttribute('aria-invalid')).resolves.toBe('true');
      const error = (await fieldset.locator('.field-error').first().textContent()) ?? '';
      expect(error).toMatch(/[\u4e00-\u9fff]/);
      expect(error).not.toContain('sla.policy');
      await expect(page.getByRole('button', { name: '保存常用修改' }).isDisabled()).resolves.toBe(true);
    }
    await session.screenshot('duration-problem');

    // A valid limit: the field is clean, the note is written, the save makes the next version.
    await duration.fill('10');
    await page.locator('[data-form-check="valid"]').waitFor();
    await expect(duration.getAttribute('aria-invalid')).resolves.toBeNull();
    const note = '补充协议二：电话响应时限改为 10 分钟';
    await page.getByLabel('修改依据', { exact: true }).fill(note);
    await page.getByRole('button', { name: '保存常用修改' }).click();
    const next = contract.currentVersion + 1;
    await page.getByText(`已保存为第 ${next} 版。`).waitFor();
    await page.getByRole('heading', { level: 2, name: `合同配置（第 ${next} 版）` }).waitFor();
    await expect(
      page.locator('table[data-section="sla-matrix"] tr', { hasText: '电话响应时限' }).first().textContent(),
    ).resolves.toContain('10 分钟');

    // Through the API: the new version carries the note and differs from the previous one by that limit alone.
    const after = (await web.stack.gql<{ contract: Contract }>(ADMIN, CONTRACT, { id: contract.id })).contract;
    expect(after.currentVersion).toBe(next);
    const previous = after.versions.find((v) => v.version === contract.currentVersion);
    const saved = after.versions.find((v) => v.version === next);
    expect(saved?.changeNote).toBe(note);
    const expected = structuredClone(previous?.configuration ?? {});
    targetsOf(expected)[index].duration = { minutes: 10 };
    // The API stamps each stored version with its number; nothing else may differ.
    expected.version = next;
    expect(saved?.configuration).toEqual(expected);
    expect(after.configuration).toEqual(expected);
    await session.screenshot('duration-saved');
  });

  it('edits staffing, a ladder and a deduction without JSON; an added item removed again is no change', async () => {
    const current = (await web.stack.gql<{ contract: Contract }>(ADMIN, CONTRACT, { id: contract.id })).contract;
    const session = await web.session(ADMIN);
    const { page } = session;
    await page.goto(`/buyer/contracts/${contract.id}`);
    await page.getByRole('heading', { level: 3, name: '常用修改' }).waitFor();

    // Added, then removed: the form is back to the current version, nothing to check or save.
    await page.getByRole('button', { name: '添加最低人数要求' }).click();
    await page.getByLabel('新要求：至少（人）', { exact: true }).waitFor();
    await page.locator('[data-form-check="checking"], [data-form-check="valid"]').first().waitFor();
    await page.getByRole('button', { name: '删除“新要求”' }).click();
    await page.locator('[data-form-check="idle"]').waitFor();

    // A headcount below zero: the problem in Chinese at that field; then a valid one.
    const headcount = page.getByLabel('维护工程师：人数', { exact: true });
    await expect(headcount.inputValue()).resolves.toBe('8');
    await headcount.fill('-1');
    await page.locator('[data-form-check="invalid"]').waitFor();
    await expect(headcount.getAttribute('aria-invalid')).resolves.toBe('true');
    const error = (await page.locator('fieldset[data-role="1"] .field-error').first().textContent()) ?? '';
    expect(error).toMatch(/[\u4e00-\u9fff]/);
    await headcount.fill('9');

    // A ladder's points and a deduction's amount (kept as the exact decimal typed).
    const points = page.getByLabel('计划内达成率 第 1 档：分值', { exact: true });
    await expect(points.inputValue()).resolves.toBe('2');
    await points.fill('3');
    const perPoint = page.getByLabel('年度综合评分考核扣减费用：每分扣款（元）', { exact: true });
    await expect(perPoint.inputValue()).resolves.toBe('10000.00');
    await perPoint.fill('12000.00');
    await page.locator('[data-form-check="valid"]').waitFor();
    await session.screenshot('form-staffing-ladder-deduction');

    const note = '补充协议三：维护工程师 9 人，达成率加分 3 分，每分扣款 12000 元';
    await page.getByLabel('修改依据', { exact: true }).fill(note);
    await page.getByRole('button', { name: '保存常用修改' }).click();
    const next = current.currentVersion + 1;
    await page.getByText(`已保存为第 ${next} 版。`).waitFor();

    // The new version differs from the previous one by exactly these three values.
    const after = (await web.stack.gql<{ contract: Contract }>(ADMIN, CONTRACT, { id: contract.id })).contract;
    const saved = after.versions.find((v) => v.version === next);
    expect(saved?.changeNote).toBe(note);
    const expected = structuredClone(current.configuration) as {
      version?: number;
      staffing: { roles: { name: string; headcount: number }[] };
      assessment: { components: { label: string; params: { bands: { points: unknown }[] } }[] };
      payment: { deductions: { label: string; params: { perPoint: string } }[] };
    };
    const role = expected.staffing.roles.find((r) => r.name === '维护工程师');
    const ladder = expected.assessment.components.find((c) => c.label === '计划内达成率');
    const deduction = expected.payment.deductions.find((d) => d.label === '年度综合评分考核扣减费用');
    if (!role || !ladder || !deduction) throw new Error('the Xuzhou preset has this role, ladder and deduction');
    role.headcount = 9;
    ladder.params.bands[0].points = 3;
    deduction.params.perPoint = '12000.00';
    expected.version = next;
    expect(saved?.configuration).toEqual(expected);
  });
});
