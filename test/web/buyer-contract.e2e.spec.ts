import { signIn, webSuite } from './web-harness';

type Contract = {
  id: string;
  code: string;
  name: string;
  currentVersion: number;
  configuration: Record<string, unknown>;
};
type Ticket = { id: string; number: string; title: string | null; state: string; availableActions: string[] };

const ADMIN = 'xuzhou.admin@demo.local';
const CONTRACTS = '{ contracts { id code name currentVersion configuration } }';
const TICKETS = 'query ($id: ID!) { tickets(contractId: $id) { id number title state availableActions } }';
const CHECK = 'query ($c: JSON!) { checkContractConfiguration(configuration: $c) { valid problems { path message } } }';

// The buyer's contract pages on the real API + worker with the demo data (Xuzhou: its contract and open tickets).
describe('web console: buyer contract page, tickets board, period inputs', () => {
  let contract: Contract;

  const web = webSuite('web-buyer-contract', __filename, {
    setup: async (stack) => {
      [contract] = (await stack.gql<{ contracts: Contract[] }>(ADMIN, CONTRACTS)).contracts;
    },
  });

  it('contract page: readable configuration, live problems at their paths, a valid change saved as a new version', async () => {
    const session = await web.session(ADMIN);
    const { page } = session;
    await page.getByRole('link', { name: `查看 ${contract.name} 的状态` }).click();
    await page.waitForURL(`**/buyer/contracts/${contract.id}`);
    await page.getByRole('heading', { level: 1, name: `合同：${contract.name}` }).waitFor();

    // The dashboard tiles stay at the top; tabs lead to the other contract pages.
    await page.getByText('未结超时').first().waitFor();
    const tabs = page.getByRole('navigation', { name: '合同页面' }).getByRole('link');
    await expect(tabs.allTextContents()).resolves.toEqual(['概况与配置', '联系单', '期间录入', '期间结算', '月度报告']);
    await expect(tabs.nth(3).getAttribute('href')).resolves.toBe(`/buyer/contracts/${contract.id}/close`);
    await expect(tabs.nth(4).getAttribute('href')).resolves.toBe(`/buyer/contracts/${contract.id}/reports`);

    // The configuration in words: staffing, the SLA matrix with its working-time rules, assessment, payment.
    await expect(page.locator('table[data-section="staffing"]').textContent()).resolves.toContain('项目经理');
    const matrix = page.locator('table[data-section="sla-matrix"]');
    await expect(matrix.locator('tr', { hasText: '电话响应时限' }).textContent()).resolves.toContain('5 分钟');
    await expect(matrix.locator('tr', { hasText: '问题反馈' }).textContent()).resolves.toContain('1 个工作日');
    await expect(page.getByText('工作时段：08:30–12:00、13:30–17:30', { exact: false }).count()).resolves.toBe(1);
    await expect(page.getByText('影响结算的补丁 20:00 后上线', { exact: false }).count()).resolves.toBe(1);
    await expect(page.locator('table[data-section="assessment"]').textContent()).resolves.toMatch(
      /驻场服务评分[\s\S]*工作态度 满分 30/,
    );
    await expect(page.locator('section[aria-labelledby="cfg-payment"]').textContent()).resolves.toContain(
      '年度考核后一次结算',
    );
    await expect(page.locator('table[data-section="versions"] tbody tr').count()).resolves.toBe(
      contract.currentVersion,
    );
    await session.screenshot('contract-page');

    // Not JSON: said at once. Then JSON the language refuses: every problem the API names, at its path.
    const editor = page.getByLabel('配置原文（专家编辑）');
    await editor.fill('{ "schemaVersion": 1, ');
    await page.getByText('配置原文格式有误', { exact: false }).waitFor();
    const invalid = { ...contract.configuration, money: { amount: 'abc' }, parties: { buyer: '' } };
    const expected = (
      await web.stack.gql<{
        checkContractConfiguration: { valid: boolean; problems: { path: string; message: string }[] };
      }>(ADMIN, CHECK, { c: invalid })
    ).checkContractConfiguration;
    expect(expected.valid).toBe(false);
    // Compact JSON, as pasted: Chromium's insertText (Playwright's fill) inserts every newline as a paragraph,
    // which took 8 s per fill of the indented document and brought the test to its timeout on a busy machine.
    await editor.fill(JSON.stringify(invalid));
    await page.locator('[data-check="invalid"]').waitFor();
    for (const p of expected.problems) {
      // Rendered from the problem's code in Chinese, not the API's English message.
      const shown = (await page.locator(`.problems li[data-path="${p.path}"]`).first().textContent()) ?? '';
      expect(shown.startsWith(`${p.path}: `)).toBe(true);
      expect(shown).toMatch(/[\u4e00-\u9fff]/);
    }
    await expect(page.getByRole('button', { name: '保存为新版本' }).isDisabled()).resolves.toBe(true);
    await session.screenshot('contract-config-problems');

    // A valid amendment: two on holiday duty. Saved with its note; the new version is the current one.
    const staffing = contract.configuration.staffing as Record<string, unknown>;
    const amended = {
      ...contract.configuration,
      staffing: { ...staffing, holidayDuty: { minOnDuty: 2, where: '市内' } },
    };
    await editor.fill(JSON.stringify(amended));
    await page.locator('[data-check="valid"]').waitFor();
    await page.getByLabel('变更说明').fill('补充协议：节假日至少两人值班');
    await page.getByLabel('变更说明').press('Enter');
    const next = contract.currentVersion + 1;
    await page.getByText(`已保存为第 ${next} 版。`).waitFor();
    await page.getByRole('heading', { level: 2, name: `合同配置（第 ${next} 版）` }).waitFor();
    await expect(page.locator(`tr[data-version="${next}"] [data-field="change-note"]`).textContent()).resolves.toBe(
      '补充协议：节假日至少两人值班',
    );
    await page.getByText('节假日值班：至少 2 人', { exact: false }).waitFor();
    const after = (await web.stack.gql<{ contracts: Contract[] }>(ADMIN, CONTRACTS)).contracts[0];
    expect(after.currentVersion).toBe(next);
    await session.screenshot('contract-config-saved');
  });

  it('tickets board: SLA clocks per ticket, a refused action shows the API’s problems, closing a deployed ticket', async () => {
    const session = await web.session();
    const { page } = session;
    const tickets = (await web.stack.gql<{ tickets: Ticket[] }>(ADMIN, TICKETS, { id: contract.id })).tickets;
    const deployed = tickets.find((x) => x.state === 'deployed');
    if (!deployed) throw new Error('the demo data has a deployed ticket on Xuzhou');
    expect(deployed.availableActions).toContain('close');

    await signIn(page, ADMIN);
    await page.goto(`/buyer/contracts/${contract.id}`);
    // Keyboard only: Tab to the tickets tab, Enter.
    await page.getByRole('heading', { level: 1, name: `合同：${contract.name}` }).waitFor();
    await page.locator('body').focus();
    let focused = '';
    for (let i = 0; i < 40 && focused !== '联系单'; i++) {
      await page.keyboard.press('Tab');
      focused = (await page.locator('a:focus').count()) ? ((await page.locator('a:focus').textContent()) ?? '') : '';
    }
    expect(focused).toBe('联系单');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/buyer/contracts/${contract.id}/tickets`);

    // Columns by state; each open ticket shows its SLA status from the API.
    const card = page.locator(`article[data-ticket="${deployed.number}"]`);
    await card.waitFor();
    await expect(card.getAttribute('data-state')).resolves.toBe('deployed');
    await expect(page.locator('[data-column="deployed"] h3').textContent()).resolves.toContain('已上线');
    await expect(
      page.locator('[data-column="received"] article .sla-badge').first().getAttribute('data-sla'),
    ).resolves.toMatch(/^(running|at-risk|breached)$/);
    await session.screenshot('tickets-board');

    // The detail by keyboard: focus the ticket's link, Enter; focus moves to the detail.
    await card.getByRole('link').focus();
    await page.keyboard.press('Enter');
    const detail = page.locator(`section.ticket-detail[data-ticket="${deployed.number}"]`);
    await detail.waitFor();
    await expect(page.locator('#ticket-detail-heading:focus').count()).resolves.toBe(1);
    await expect(detail.locator('table[data-section="history"] tr[data-event="deployed"]').count()).resolves.toBe(1);

    // Closing "before" the last event: the lifecycle refuses; its problem is shown with its path.
    await detail.getByLabel('操作').selectOption('close');
    await detail.getByLabel('发生时间', { exact: false }).fill('2026-11-01T10:00');
    await detail.getByRole('button', { name: '执行' }).click();
    await expect(detail.getByRole('alert').textContent()).resolves.toMatch(/BAD_USER_INPUT[\s\S]*input\.at/);
    await session.screenshot('ticket-refused');

    // After the stable working day (the demo deployed it on 2026-11-12 20:30): closed.
    await detail.getByLabel('发生时间', { exact: false }).fill('2026-11-20T10:00');
    await detail.getByRole('button', { name: '执行' }).click();
    await page.getByText('已执行“关闭”，当前状态：已关闭。').waitFor();
    await expect(detail.locator('[data-field="state"]').textContent()).resolves.toBe('已关闭');
    await expect(detail.locator('table[data-section="history"] tr[data-event="closed"]').count()).resolves.toBe(1);
    const stored = (
      await web.stack.gql<{ ticket: Ticket }>(
        ADMIN,
        'query ($id: ID!) { ticket(id: $id) { id number title state availableActions } }',
        { id: deployed.id },
      )
    ).ticket;
    expect(stored.state).toBe('closed');
    await session.screenshot('ticket-closed');
  });

  it('vendor: the same board under its contract tabs, with the vendor side’s actions and no create form', async () => {
    const session = await web.session();
    const { page } = session;
    const tickets = (await web.stack.gql<{ tickets: Ticket[] }>('vendor@demo.local', TICKETS, { id: contract.id }))
      .tickets;
    const received = tickets.find((x) => x.state === 'received');
    if (!received) throw new Error('the demo data has a received ticket on Xuzhou');
    await signIn(page, 'vendor@demo.local');
    await page.goto(`/vendor/contracts/${contract.id}/tickets?ticket=${received.id}`);
    const detail = page.locator(`section.ticket-detail[data-ticket="${received.number}"]`);
    await detail.waitFor();
    await expect(
      page
        .getByRole('navigation', { name: '合同页面' })
        .getByRole('link', { name: '联系单' })
        .getAttribute('aria-current'),
    ).resolves.toBe('page');
    await expect(
      detail
        .getByLabel('操作')
        .locator('option')
        .evaluateAll((os) => os.map((o) => o.getAttribute('value'))),
    ).resolves.toEqual(received.availableActions);
    await expect(page.getByRole('heading', { name: '新建联系单' }).count()).resolves.toBe(0);
    await session.screenshot('vendor-tickets-board');
  });

  it('tickets board: filters by overdue and by words as ticketSearch does, clears, and says how many it shows', async () => {
    const session = await web.session(ADMIN);
    const { page } = session;
    const SEARCH =
      'query ($c: ID!, $f: TicketFilterInput) { ticketSearch(contractId: $c, filter: $f, first: 200) { totalCount nodes { number } } }';
    const api = async (f: Record<string, unknown>) =>
      (
        await web.stack.gql<{ ticketSearch: { totalCount: number; nodes: { number: string }[] } }>(ADMIN, SEARCH, {
          c: contract.id,
          f,
        })
      ).ticketSearch;
    const shown = async () =>
      (
        await page
          .locator('article.ticket-card')
          .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-ticket')))
      ).sort();
    await page.goto(`/buyer/contracts/${contract.id}/tickets`);
    const all = await api({});
    await page
      .getByTestId('ticket-count')
      .filter({ hasText: `共 ${all.totalCount} 张` })
      .waitFor();
    // Overdue only: the open tickets whose clocks the stored results show past a deadline.
    const overdue = await api({ overdue: true });
    await page.getByLabel('只看已超时未结').check();
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await page
      .getByTestId('ticket-count')
      .filter({ hasText: `共 ${overdue.totalCount} 张` })
      .waitFor();
    expect(await shown()).toEqual(overdue.nodes.map((n) => n.number).sort());
    // Words and a severity together; then clear returns every ticket.
    const first = all.nodes[all.nodes.length - 1].number;
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page
      .getByTestId('ticket-count')
      .filter({ hasText: `共 ${all.totalCount} 张` })
      .waitFor();
    await page.getByLabel('搜索（编号或标题）').fill(first);
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    const byWords = await api({ text: first });
    await page
      .getByTestId('ticket-count')
      .filter({ hasText: `共 ${byWords.totalCount} 张` })
      .waitFor();
    expect(await shown()).toEqual(byWords.nodes.map((n) => n.number).sort());
    await session.screenshot('tickets-board-filtered');
  });

  it('period inputs: the scheme’s fields, a problem at its path, saved inputs read back from the API', async () => {
    const session = await web.session(ADMIN);
    const { page } = session;
    await page.goto(`/buyer/contracts/${contract.id}/inputs`);
    await page.getByRole('heading', { level: 1, name: `期间录入：${contract.name}` }).waitFor();
    await page.getByLabel('考核期间').selectOption('2026-H2');
    const form = page.locator('form.period-inputs[data-period="2026-H2"]');
    await form.waitFor();
    await expect(form.getAttribute('data-locked')).resolves.toBe('false');
    await expect(form.locator('[data-section="missing"]').textContent()).resolves.toContain('驻场人员评分');

    // One person scored over a part's maximum: the API's problem lands on that field.
    await form.getByRole('button', { name: '添加人员' }).click();
    await form.getByLabel('人员编号').fill('PM-1');
    await form.getByLabel('工作态度（0–30）').fill('35');
    await form.getByLabel('工作能力（0–30）').fill('27');
    await form.getByLabel('工作结果（0–40）').fill('36');
    await form.getByLabel('经办部门整体满意度').selectOption('比较满意');
    await form.getByLabel('信息部门整体满意度').selectOption('好');
    await form.getByLabel('安全事件保障评分', { exact: false }).fill('0');
    await form.getByLabel('有效投诉（次）').fill('1');
    await form.getByLabel('无效投诉（次）').fill('2');
    await form.getByRole('button', { name: '保存录入' }).click();
    await expect(form.locator('.field-error').first().textContent()).resolves.toContain('30');
    await expect(form.getByRole('alert').last().textContent()).resolves.toContain('input.staffScores[0].attitude');
    await session.screenshot('period-inputs-problem');

    await form.getByLabel('工作态度（0–30）').fill('28');
    await form.getByRole('button', { name: '保存录入' }).click();
    await page.getByText('已保存 2026-H2 的录入。').waitFor();
    const stored = (
      await web.stack.gql<{
        periodInputs: { staffScores: unknown; satisfaction: unknown; complaints: { valid: number; invalid: number } };
      }>(
        ADMIN,
        'query ($id: ID!) { periodInputs(contractId: $id, period: "2026-H2") { staffScores satisfaction complaints { valid invalid } } }',
        { id: contract.id },
      )
    ).periodInputs;
    expect(stored.staffScores).toEqual([{ personId: 'PM-1', attitude: '28', ability: '27', results: '36' }]);
    expect(stored.satisfaction).toEqual({ businessSatisfaction: '比较满意', itSatisfaction: '好' });
    expect(stored.complaints).toEqual({ valid: 1, invalid: 2 });
    await expect(form.locator('[data-section="missing"] li', { hasText: 'staffScores' }).count()).resolves.toBe(0);
    await session.screenshot('period-inputs-saved');
  });

  it('acceptance timing (rule 17): the Tianjin contract page shows the API’s dates, margin and reasons; Xuzhou’s has none', async () => {
    const TJ = 'tianjin.admin@demo.local';
    const { contracts } = await web.stack.gql<{ contracts: { id: string; code: string }[] }>(
      TJ,
      '{ contracts { id code } }',
    );
    const p7 = contracts.find((c) => c.code === 'tianjin-2026-p7');
    if (!p7) throw new Error('the demo has Tianjin P7');
    const { acceptanceTiming: a } = await web.stack.gql<{
      acceptanceTiming: { earliestApplication: string | null; clawbackDeadline: string; marginDays: number | null };
    }>(TJ, 'query ($c: ID!) { acceptanceTiming(contractId: $c) { earliestApplication clawbackDeadline marginDays } }', {
      c: p7.id,
    });
    const session = await web.session(TJ);
    const { page } = session;
    await page.goto(`/buyer/contracts/${p7.id}`);
    const panel = page.locator('section[data-section="acceptance-timing"]');
    await panel.getByRole('heading', { name: '验收时间' }).waitFor();
    await panel.locator('.tile').nth(3).waitFor();
    const tiles = await panel.locator('.tile').allTextContents();
    const ymd = (d: string) =>
      d.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_m, y, m, dd) => `${y}年${Number(m)}月${Number(dd)}日`);
    expect(tiles[0]).toContain(a.earliestApplication ? ymd(a.earliestApplication) : '暂不能申请');
    expect(tiles[1]).toContain(ymd(a.clawbackDeadline));
    expect(tiles[2]).toContain(a.marginDays === null ? '—' : `${a.marginDays} 天`);
    await expect(panel.locator('li').first().textContent()).resolves.toMatch(/申请验收/);
    await session.screenshot('acceptance-timing');
    // Xuzhou sets no acceptance timing: no panel.
    const xz = await web.session(ADMIN);
    await xz.page.goto(`/buyer/contracts/${contract.id}`);
    await xz.page.getByRole('heading', { level: 1, name: `合同：${contract.name}` }).waitFor();
    await xz.page.getByText('未结超时').first().waitFor();
    // Its answer (null) is in once no request of the page is pending.
    await xz.page.waitForLoadState('networkidle');
    await expect(xz.page.locator('section[data-section="acceptance-timing"]').count()).resolves.toBe(0);
  });
});
