import { signIn, webSuite } from './web-harness';

type Obligations = {
  due: number;
  met: number;
  late: number;
  missing: number;
  pending: number;
  nextDueDate: string | null;
  problem: string | null;
};
type Dashboard = {
  contractId: string;
  contractCode: string;
  contractName: string;
  openBreaches: number;
  sla: { month: string; compliancePercent: string | null; severities: { severity: string }[] };
  notifications: { total: number };
  obligations: Obligations;
};
const DASHBOARDS =
  'query ($m: String) { contractDashboards(month: $m) { contractId contractCode contractName openBreaches sla { month compliancePercent severities { severity } } notifications { total } obligations { due met late missing pending nextDueDate problem } } }';

/** A calendar date the Chinese way (2026-12-06 → 2026年12月6日), as the console shows it. */
const zhDate = (d: string): string =>
  d.replace(
    /^(\d{4})-(\d{2})-(\d{2})$/,
    (_m, y: string, m: string, day: string) => `${y}年${Number(m)}月${Number(day)}日`,
  );

/** The obligations tile's text (zh-CN) for the API's figures. */
const obligationsText = (o: Obligations): string =>
  o.problem !== null
    ? `无法计算：${o.problem}`
    : o.due === 0
      ? '本月无应履行义务'
      : `${o.met}/${o.due} 已履行 · 缺失 ${o.missing}，逾期履行 ${o.late}，待履行 ${o.pending}${o.nextDueDate ? ` · 下一截止 ${zhDate(o.nextDueDate)}` : ''}`;

// The web console on the real API + worker + PostgreSQL + Redis with the demo data, in headless Chromium.
describe('web console: sign-in, role navigation, buyer contracts overview', () => {
  const web = webSuite('web-shell', __filename);

  it('serves the console and the API from one origin: SPA routes get index.html, API paths stay the API', async () => {
    const page = await fetch(`${web.stack.url}/buyer/contracts/some-id`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"></div>');
    const health = await fetch(`${web.stack.url}/health`);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    expect((await fetch(`${web.stack.url}/assets/missing.js`)).status).toBe(404);
    expect(
      (await fetch(`${web.stack.url}/exports/nothing/download`, { headers: { accept: 'text/html' } })).status,
    ).toBe(401);
    expect(
      (await fetch(`${web.stack.url}/graphql`, { headers: { accept: 'text/html' } })).headers.get('content-type'),
    ).not.toContain('text/html');
  });

  it('buyer (Huai’an): sees its contracts with the API’s figures, reaches a contract by keyboard alone', async () => {
    const session = await web.session();
    const { page } = session;
    const expected = (await web.stack.gql<{ contractDashboards: Dashboard[] }>('huaian.admin@demo.local', DASHBOARDS))
      .contractDashboards;
    expect(expected).toHaveLength(1);
    const [huaian] = expected;

    // Signed out: the login page, labelled controls, a wrong password shows the API's message and code.
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByLabel('邮箱').fill('huaian.admin@demo.local');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/UNAUTHENTICATED/);
    await session.screenshot('login-error');

    await signIn(page, 'huaian.admin@demo.local');
    await page.waitForURL('**/buyer/contracts');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('合同概览');
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link').allTextContents()).resolves.toEqual(
      ['合同概览', '结算模拟', '采购评标'],
    );
    const row = page.locator(`tr[data-contract-code="${huaian.contractCode}"]`);
    await expect(row.getByRole('link').textContent()).resolves.toBe(huaian.contractName);
    await expect(row.locator('[data-field="open-breaches"]').textContent()).resolves.toBe(String(huaian.openBreaches));
    await expect(row.locator('[data-field="warnings"]').textContent()).resolves.toBe(
      String(huaian.notifications.total),
    );
    // Obligations due this month: the checklist counts as the API gives them (Huai'an's term drill, pending).
    expect(huaian.obligations).toMatchObject({ due: 1, pending: 1, problem: null });
    await expect(row.locator('[data-field="obligations"]').textContent()).resolves.toBe(
      obligationsText(huaian.obligations),
    );
    await expect(row.locator('[data-field="compliance"]').textContent()).resolves.toBe(
      huaian.sla.compliancePercent === null ? '本月无已结束计时' : `${huaian.sla.compliancePercent} %`,
    );
    // Money as the API sent it, with separators: Huai'an's contract amount.
    const { contracts } = await web.stack.gql<{ contracts: { id: string; amount: string }[] }>(
      'huaian.admin@demo.local',
      '{ contracts { id amount } }',
    );
    await expect(row.locator('[data-field="amount"] .money').getAttribute('data-value')).resolves.toBe(
      contracts[0].amount,
    );
    await session.screenshot('buyer-contracts');

    // Keyboard only: Tab from the top of the page until the contract link has focus, then Enter.
    await page.locator('body').focus();
    let focused = '';
    for (let i = 0; i < 30 && focused !== huaian.contractName; i++) {
      await page.keyboard.press('Tab');
      focused = (await page.locator('a:focus').count()) ? ((await page.locator('a:focus').textContent()) ?? '') : '';
    }
    expect(focused).toBe(huaian.contractName);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/buyer/contracts/${huaian.contractId}`);
    await page.getByRole('heading', { level: 1, name: `合同：${huaian.contractName}` }).waitFor();
    await page.getByText(huaian.contractCode, { exact: false }).first().waitFor();
    // The contract page's tiles hold the same figure.
    const tile = page.locator('.tile', { hasText: `${huaian.sla.month} 应履行义务` });
    await expect(tile.locator('dd').textContent()).resolves.toBe(obligationsText(huaian.obligations));
    await session.screenshot('buyer-contract-dashboard');

    // An unknown contract: the API's error message and code, not a blank page.
    await page.goto('/buyer/contracts/00000000-0000-4000-8000-000000000000');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/NOT_FOUND|FORBIDDEN/);
  });

  it('buyer (Xuzhou): the month’s SLA compliance, breaches and the chart by severity match the stored results', async () => {
    const session = await web.session();
    const { page } = session;
    const [xuzhou] = (
      await web.stack.gql<{ contractDashboards: Dashboard[] }>('xuzhou.admin@demo.local', DASHBOARDS, { m: '2026-10' })
    ).contractDashboards;
    // The demo tickets give October clocks that stopped, some late: a real percentage, not an empty tile.
    expect(xuzhou.sla.compliancePercent).toMatch(/^\d+\.\d\d$/);
    await signIn(page, 'xuzhou.admin@demo.local');
    await page.getByLabel('月份').fill('2026-10');
    const row = page.locator(`tr[data-contract-code="${xuzhou.contractCode}"]`);
    await expect(row.locator('[data-field="compliance"]').textContent({ timeout: 10_000 })).resolves.toBe(
      `${xuzhou.sla.compliancePercent} %`,
    );
    await expect(page.locator('caption').first().textContent()).resolves.toBe('2026-10 SLA 达标率');
    await expect(row.locator('[data-field="open-breaches"]').textContent()).resolves.toBe(String(xuzhou.openBreaches));
    // October's obligations, judged at the month's end: the demo report (submitted, nothing delivered) leaves the term's expert inspection pending.
    expect(xuzhou.obligations).toEqual({
      due: 1,
      met: 0,
      late: 0,
      missing: 0,
      pending: 1,
      nextDueDate: '2026-12-31',
      problem: null,
    });
    await expect(row.locator('[data-field="obligations"]').textContent()).resolves.toBe(
      obligationsText(xuzhou.obligations),
    );
    await page.locator('.chart canvas').first().waitFor();
    await session.screenshot('buyer-contracts-sla-chart');
  });

  it('vendor: its contracts across tenants under its own navigation', async () => {
    const session = await web.session();
    const { page } = session;
    const expected = (await web.stack.gql<{ contractDashboards: Dashboard[] }>('vendor@demo.local', DASHBOARDS))
      .contractDashboards;
    expect(expected).toHaveLength(12);
    await signIn(page, 'vendor@demo.local');
    await page.waitForURL('**/vendor/contracts');
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link').allTextContents()).resolves.toEqual(
      ['我的合同'],
    );
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('我的合同（跨采购人）');
    await page.locator('tbody tr').first().waitFor();
    await expect(page.locator('tbody tr').count()).resolves.toBe(12);
    await expect(page.locator('tbody th a').allTextContents()).resolves.toEqual(expected.map((d) => d.contractName));
    await session.screenshot('vendor-contracts');
  });

  it('finance: its own navigation; a buyer-only page says so instead of showing it', async () => {
    const session = await web.session();
    const { page } = session;
    await signIn(page, 'huaian.finance@demo.local');
    // Finance lands on the payment schedules (first in its navigation); the contracts overview is the second entry.
    await page.waitForURL('**/finance/schedules');
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link').allTextContents()).resolves.toEqual(
      ['付款计划', '合同概览'],
    );
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '合同概览' }).click();
    await page.waitForURL('**/finance/contracts');
    await page.locator('tbody tr').first().waitFor();
    await session.screenshot('finance-contracts');
    await page.goto('/buyer/contracts');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('当前角色无权访问此页面。');
  });

  it('platform admin: tenants; English is switchable, kept across reloads; sign-out returns to the login page', async () => {
    const session = await web.session();
    const { page } = session;
    await signIn(page, 'admin@demo.local');
    await page.waitForURL('**/platform/tenants');
    await page.locator('tbody tr').first().waitFor();
    await expect(page.locator('tbody tr').count()).resolves.toBe(5);
    await page.getByLabel('语言').selectOption('en');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Buyers (tenants)');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Buyers (tenants)');
    await session.screenshot('platform-tenants-en');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Sign in');
  });
});
