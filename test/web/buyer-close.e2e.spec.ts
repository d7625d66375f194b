import type { Page } from 'playwright-core';
import { formatQuantity } from '../../apps/web/src/i18n/local-format';
import { signIn, webSuite } from './web-harness';

type Breakdown = {
  componentId: string;
  label: string;
  points: string;
  explanation: string;
  explained: { code: string };
};
type Close = {
  id: string;
  period: string;
  status: string;
  score: string | null;
  result: {
    assessment: { score: string; unclampedScore: string; breakdown: Breakdown[] };
    year: { score: string } | null;
    metrics: { period: string; id: string; numerator: string | null; denominator: string | null }[];
  };
  lines: { id: string; kind: string; amount: string; formula: string; ruleId: string }[];
};
const CLOSES = `query ($c: ID!) { periodCloses(contractId: $c) { id period status score
  result { assessment { score unclampedScore breakdown { componentId label points explanation explained { code } } } year { score } metrics { period id numerator denominator } }
  lines { id kind amount formula ruleId } } }`;
const SET_INPUTS = 'mutation ($i: SetPeriodInputsInput!) { setPeriodInputs(input: $i) { period missing } }';

/** Presses Tab until the focused element has the accessible text wanted (keyboard reachability), at most `max` times. */
async function tabTo(page: Page, text: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = page.locator(':focus');
    if (!(await el.count())) continue;
    const id = await el.getAttribute('id');
    const label =
      id && (await page.locator(`label[for="${id}"]`).count())
        ? await page.locator(`label[for="${id}"]`).textContent()
        : null;
    const focused = (label ?? (await el.getAttribute('aria-label')) ?? (await el.textContent()) ?? '').trim();
    if (focused === text) return;
  }
  throw new Error(`"${text}" was not reached by Tab`);
}

// Issue 6, buyer part B: period close with the breakdown, SLA by month, what-if, procurement — on the real API + worker.
describe('web console: buyer closes a period and sees the breakdown; what-if; procurement ranking', () => {
  let xuzhouId: string;

  const web = webSuite('web-buyer-close', __filename, {
    setup: async (stack) => {
      xuzhouId = (await stack.gql<{ contracts: { id: string }[] }>('xuzhou.admin@demo.local', '{ contracts { id } }'))
        .contracts[0].id;
    },
  });

  it('buyer admin (Xuzhou): preview shows what is missing, requests the H2 close by keyboard, sees score, breakdown, waterfall, deduction lines and metrics equal to the API, confirms', async () => {
    const session = await web.session('xuzhou.admin@demo.local');
    const { page } = session;
    await page.goto(`/buyer/contracts/${xuzhouId}/close`);
    await page.getByRole('heading', { level: 1, name: /^考核结算：/ }).waitFor();
    await page.getByText('尚无结算记录。').waitFor();

    // Nothing entered yet: the preview names the missing inputs and links to the period inputs page.
    await page.getByLabel('考核期').selectOption('2026-H2');
    await page.getByLabel('结算日期').fill('2027-01-10');
    await page.getByRole('button', { name: '预览' }).click();
    const preview = page.getByTestId('close-preview');
    await preview.locator('[data-input="2026-H2/staffScores"]').waitFor();
    await expect(preview.locator('[data-input="2026-H1/satisfaction.itSatisfaction"]').count()).resolves.toBe(1);
    await expect(preview.getByRole('link', { name: '录入考核期输入' }).getAttribute('href')).resolves.toBe(
      `/buyer/contracts/${xuzhouId}/inputs`,
    );
    await session.screenshot('close-preview-missing');

    // The buyer's inputs of both half-years (the other engineer's inputs page writes the same through the API).
    await web.stack.gql('xuzhou.admin@demo.local', SET_INPUTS, {
      i: {
        contractId: xuzhouId,
        period: '2026-H1',
        staffScores: [
          { personId: 'p1', attitude: 25, ability: 25, results: 30 },
          { personId: 'p2', attitude: 20, ability: 20, results: 25 },
        ],
        securityIncidents: 1,
        satisfaction: { businessSatisfaction: '一般', itSatisfaction: '差' },
      },
    });
    await web.stack.gql('xuzhou.admin@demo.local', SET_INPUTS, {
      i: {
        contractId: xuzhouId,
        period: '2026-H2',
        staffScores: [
          { personId: 'p1', attitude: 22, ability: 22, results: 28 },
          { personId: 'p2', attitude: 20, ability: 20, results: 25 },
        ],
        securityIncidents: 2,
        satisfaction: { businessSatisfaction: '不满意', itSatisfaction: '很差' },
      },
    });
    await page.getByRole('button', { name: '预览' }).click();
    await preview.locator('[data-input="2026-H2/staffScores"]').waitFor({ state: 'detached' });
    await preview.locator('[data-field="score"]').waitFor();

    // Keyboard: from the period field, Tab to 申请结算 and press Enter.
    await page.getByLabel('考核期').focus();
    await tabTo(page, '申请结算');
    await page.keyboard.press('Enter');
    const detail = page.locator('[data-testid="close-detail"][data-status="draft"]');
    await detail.waitFor({ timeout: 60_000 });

    const [close] = (await web.stack.gql<{ periodCloses: Close[] }>('xuzhou.admin@demo.local', CLOSES, { c: xuzhouId }))
      .periodCloses;
    expect(close).toMatchObject({ period: '2026-H2', status: 'draft' });
    // The list of closes follows the worker too (pending → draft) without a reload.
    await page.locator(`tr[data-close-id="${close.id}"] .close-status-draft`).waitFor();
    const a = close.result.assessment;
    await expect(detail.locator('[data-field="score"]').textContent()).resolves.toBe(close.score);
    await expect(detail.locator('[data-field="year-score"]').textContent()).resolves.toBe(close.result.year?.score);
    // The breakdown: every assessment item with the points the API computed.
    for (const b of a.breakdown) {
      const row = detail.locator(`[data-testid="score-breakdown"] tr[data-component="${b.componentId}"]`);
      await expect(row.locator('th').textContent()).resolves.toBe(b.label);
      await expect(row.locator('[data-field="points"]').textContent()).resolves.toBe(b.points);
      // The explanation rendered in the console from its code: the API's zh-CN text (its default language), no English.
      await expect(row.locator(`span[data-code="${b.explained.code}"]`).textContent()).resolves.toBe(b.explanation);
      expect(b.explanation).not.toMatch(/[A-Za-z]{4,}/);
    }
    // The waterfall: the API's base (the scheme's starting score), each item, the final score, labelled with the API's strings.
    const waterfall = detail.getByTestId('score-waterfall');
    await waterfall.locator('canvas').waitFor();
    const steps = (await waterfall.getAttribute('data-steps'))?.split('|');
    expect(steps).toEqual([
      '基础分=100.00',
      ...a.breakdown.map((b) => `${b.label}=${b.points}`),
      `最终得分=${a.score}`,
    ]);
    // Deduction lines: one row per stored line, amount and formula as the API has them.
    const lines = close.lines.filter((l) => l.kind === 'deduction');
    expect(lines.length).toBeGreaterThan(0);
    await expect(detail.locator('[data-testid="deduction-lines"] tbody tr').count()).resolves.toBe(lines.length);
    for (const l of lines) {
      const row = detail.locator(`[data-testid="deduction-lines"] tr[data-line-id="${l.id}"]`);
      await expect(row.locator('[data-field="amount"] .money').getAttribute('data-value')).resolves.toBe(l.amount);
      await expect(row.locator('[data-field="formula"]').textContent()).resolves.toBe(l.formula);
    }
    // Derived metrics with numerator and denominator.
    for (const m of close.result.metrics) {
      const row = detail.locator(`[data-testid="metrics"] tr[data-metric="${m.period}/${m.id}"]`);
      await expect(row.locator('[data-field="numerator"]').textContent()).resolves.toBe(formatQuantity(m.numerator));
      await expect(row.locator('[data-field="denominator"]').textContent()).resolves.toBe(
        formatQuantity(m.denominator),
      );
    }
    await session.screenshot('close-draft-breakdown');

    // A reopen without a reason: the API's validation message and code, nothing changed.
    await detail.getByRole('button', { name: '重开结算' }).click();
    // (the problem's text comes from the problem dictionaries of the console, issue 12 point 2; its path names the field)
    await expect(detail.getByRole('alert').filter({ hasText: 'BAD_USER_INPUT' }).textContent()).resolves.toContain(
      'reason',
    );

    // Issue 12 point 5. The inputs change after the draft: the draft says so; 申请结算 again computes revision 2 (not the old draft).
    await web.stack.gql('xuzhou.admin@demo.local', SET_INPUTS, {
      i: { contractId: xuzhouId, period: '2026-H2', securityIncidents: 1 },
    });
    await page.reload();
    await expect(page.getByTestId('inputs-changed').textContent()).resolves.toBe(
      '本草稿计算后以下输入有变化：考核期输入。重新申请结算将生成新版本。',
    );
    await page.getByLabel('考核期').selectOption('2026-H2');
    await page.getByLabel('结算日期').fill('2027-01-10');
    await page.getByRole('button', { name: '申请结算' }).click();
    await expect(page.getByTestId('close-notice').textContent()).resolves.toBe('输入已变化，已生成第 2 版结算。');
    const second = page.locator('[data-testid="close-detail"][data-status="draft"]');
    await second.getByRole('heading', { name: /^2026年下半年 结算（第 2 版）/ }).waitFor({ timeout: 60_000 });
    await page.locator('tr[data-close-id] .close-status-reopened').waitFor();
    await second.locator('[data-testid="missing"] [data-input="term/attendance"]').waitFor();

    // 确认结算 asks first and says what becomes locked; with the year's attendance missing it needs a reason.
    await second.getByRole('button', { name: '确认结算' }).click();
    const ask = page.getByRole('dialog', { name: '确认 2026年下半年 第 2 版结算？' });
    await expect(ask.textContent()).resolves.toContain('2026年下半年 的考核期输入将被锁定');
    await expect(ask.getByRole('note').textContent()).resolves.toContain('尚有 1 项输入缺失');
    await session.screenshot('close-confirm-dialog');
    // Cancel: nothing happens.
    await ask.getByRole('button', { name: '取消' }).click();
    await expect(ask.isVisible()).resolves.toBe(false);
    await second.getByRole('button', { name: '确认结算' }).click();
    // Without a reason the API refuses (at the reason field); the close stays a draft.
    await ask.getByRole('button', { name: '确认并锁定' }).click();
    await ask.locator('textarea[aria-invalid="true"]').waitFor();
    await expect(ask.locator('.field-error').textContent()).resolves.toBe('有输入缺失时必须填写确认原因。');
    const refused = (await web.stack.gql<{ periodCloses: Close[] }>('xuzhou.admin@demo.local', CLOSES, { c: xuzhouId }))
      .periodCloses;
    expect(refused.map((c) => c.status)).toEqual(['reopened', 'draft']);
    await ask.getByLabel('确认原因').fill('7–12 月出勤月报由供应商补交，经批准先行结算');
    await ask.getByRole('button', { name: '确认并锁定' }).click();
    await page.locator('[data-testid="close-detail"][data-status="confirmed"]').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('confirm-reason').textContent()).resolves.toBe(
      '确认时缺少 1 项输入，确认原因：7–12 月出勤月报由供应商补交，经批准先行结算',
    );
    const after = (await web.stack.gql<{ periodCloses: Close[] }>('xuzhou.admin@demo.local', CLOSES, { c: xuzhouId }))
      .periodCloses;
    expect(after.map((c) => c.status)).toEqual(['reopened', 'confirmed']);
    await session.screenshot('close-confirmed');
  }, 180_000);

  it('the close page charts SLA compliance per month and severity from contractDashboard', async () => {
    const session = await web.session();
    const { page } = session;
    type Sev = { severity: string; compliancePercent: string | null };
    const { contractDashboard } = await web.stack.gql<{ contractDashboard: { sla: { severities: Sev[] } } }>(
      'xuzhou.admin@demo.local',
      'query ($c: ID!) { contractDashboard(contractId: $c, month: "2026-10") { sla { severities { severity compliancePercent } } } }',
      { c: xuzhouId },
    );
    await signIn(page, 'xuzhou.admin@demo.local');
    await page.goto(`/buyer/contracts/${xuzhouId}/close`);
    const table = page.getByTestId('sla-months-table');
    await table.waitFor();
    await expect(table.locator('tbody tr').first().getAttribute('data-month')).resolves.toBe('2026-01');
    const october = table.locator('tr[data-month="2026-10"]');
    for (const s of contractDashboard.sla.severities) {
      await expect(october.locator(`td[data-severity="${s.severity}"]`).textContent()).resolves.toBe(
        s.compliancePercent === null ? '无已结束计时' : `${s.compliancePercent} %`,
      );
    }
    await page.getByTestId('sla-months').locator('canvas').waitFor();
    await session.screenshot('close-sla-by-month');
  }, 90_000);

  it('finance reads the confirmed close (no request or confirm controls)', async () => {
    const session = await web.session();
    const { page } = session;
    const close = (
      await web.stack.gql<{ periodCloses: Close[] }>('xuzhou.finance@demo.local', CLOSES, { c: xuzhouId })
    ).periodCloses.find((c) => c.status === 'confirmed') as Close;
    await signIn(page, 'xuzhou.finance@demo.local');
    await page.goto(`/finance/contracts/${xuzhouId}/close?close=${close.id}`);
    const detail = page.locator('[data-testid="close-detail"][data-status="confirmed"]');
    await detail.waitFor();
    await expect(detail.locator('[data-field="score"]').textContent()).resolves.toBe(close.score);
    await expect(page.getByRole('button', { name: '申请结算' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: '确认结算' }).count()).resolves.toBe(0);
    await session.screenshot('close-finance');
  }, 90_000);

  it('what-if (Huai’an, example B against its baseline): the schedule lines and the diff equal simulateSettlement', async () => {
    const session = await web.session();
    const { page } = session;
    type Line = { id: string; net: string; status: string; dueDate: string | null };
    const facts = (h2: string, year: string) => ({
      periods: [
        { id: '2026-H1', score: '76.00' },
        { id: '2026-H2', score: h2 },
      ],
      years: [{ year: 2026, score: year, assessedOn: '2027-01-15' }],
      quarters: [],
      acceptance: { passed: true, date: '2027-01-10' },
    });
    const { simulateSettlement: sim } = await web.stack.gql<{
      simulateSettlement: { schedule: { lines: Line[] }; diff: { totals: { net: { delta: string } } } };
    }>(
      'huaian.admin@demo.local',
      'query ($i: SimulateSettlementInput!) { simulateSettlement(input: $i) { schedule { lines { id net status dueDate } } diff } }',
      {
        i: {
          presetId: 'huaian-2025-2026',
          asOf: '2027-01-31',
          facts: facts('75.00', '75.50'),
          baseline: { facts: facts('80.00', '78.00') },
        },
      },
    );
    await signIn(page, 'huaian.admin@demo.local');
    await expect(
      page.getByRole('navigation', { name: '主导航' }).getByRole('link').allTextContents(),
    ).resolves.toContain('结算模拟');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '结算模拟' }).click();
    await page.getByLabel('合同或预设').waitFor();
    // Keyboard: Tab from the source field to 运行模拟, Enter.
    await page.getByLabel('合同或预设').focus();
    await tabTo(page, '运行模拟', 120);
    await page.keyboard.press('Enter');
    const result = page.getByTestId('what-if-result');
    await result.waitFor();
    const rows = result.locator('[data-testid="schedule-lines"]').first().locator('tbody tr');
    await expect(rows.count()).resolves.toBe(sim.schedule.lines.length);
    for (const l of sim.schedule.lines) {
      const row = result.locator('[data-testid="schedule-lines"]').first().locator(`tr[data-line-id="${l.id}"]`);
      await expect(row.locator('[data-field="net"] .money').getAttribute('data-value')).resolves.toBe(l.net);
      await expect(row.locator('[data-field="due"]').textContent()).resolves.toBe(l.dueDate ?? '未定');
    }
    await expect(
      result
        .locator('[data-testid="what-if-diff"] tr[data-line-id="total"] [data-field="delta"] .money')
        .getAttribute('data-value'),
    ).resolves.toBe(sim.diff.totals.net.delta);
    await session.screenshot('what-if');
  }, 90_000);

  it('procurement (Tianjin): project, package 8 from its preset, a bid and an evaluator sheet through the forms, the ranking equal to packageRanking', async () => {
    const session = await web.session();
    const { page } = session;
    const admin = 'tianjin.admin@demo.local';
    await expect(
      web.stack.gql<{ procurementProjects: unknown[] }>(admin, '{ procurementProjects { id } }'),
    ).resolves.toEqual({ procurementProjects: [] });
    await signIn(page, admin);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '采购评标' }).click();
    await page.getByText('尚无采购项目。').waitFor();
    await page.getByLabel('项目编号', { exact: true }).fill('TGPC-2025-D-1284');
    await page.getByLabel('项目名称', { exact: true }).fill('天津医保信息平台应用软件运维项目');
    await page.getByRole('button', { name: '创建' }).click();
    await page.getByRole('button', { name: '添加' }).waitFor();
    await page.getByLabel('预设评分办法').selectOption('tianjin-2026-p8');
    await page.getByLabel('包号').fill('8');
    await page.getByRole('button', { name: '添加' }).click();
    const detail = page.getByTestId('package-detail');
    await detail.getByTestId('scheme-items').waitFor();
    await expect(detail.getByTestId('scheme-items').locator('tbody tr').count()).resolves.toBe(12);

    // One bid through the form (small/micro), one through the API.
    await detail.getByLabel('投标人', { exact: true }).fill('小微信息技术有限公司');
    await detail.getByLabel('最后报价', { exact: true }).fill('32000.00');
    await detail.getByLabel('小微企业', { exact: true }).check();
    // Items are labelled by their names from the preset (O1–O6 are keys, not shown).
    for (const [label, n] of [
      ['投标人业绩', '2'],
      ['投标人相关证书评价', '1'],
      ['投入人员评价（1）', '1'],
      ['投入人员评价（2）', '1'],
      ['投入人员评价（3）', '2'],
    ])
      await detail.getByLabel(new RegExp(`^${label}`)).fill(n);
    await detail.getByLabel(/^投标人承诺评价：满足$/).check();
    await detail.getByRole('button', { name: '保存' }).first().click();
    await detail.getByTestId('bids').locator('tbody tr').first().waitFor();
    const projects = await web.stack.gql<{ procurementProjects: { id: string }[] }>(
      admin,
      '{ procurementProjects { id } }',
    );
    const { procurementPackages } = await web.stack.gql<{
      procurementPackages: { id: string; bids: { id: string; bidderName: string }[] }[];
    }>(admin, 'query ($p: ID!) { procurementPackages(projectId: $p) { id bids { id bidderName } } }', {
      p: projects.procurementProjects[0].id,
    });
    const pkg = procurementPackages[0];
    const other = (
      await web.stack.gql<{ recordBid: { id: string } }>(
        admin,
        'mutation ($i: RecordBidInput!) { recordBid(input: $i) { id } }',
        {
          i: {
            packageId: pkg.id,
            bidderName: '津云运维有限公司',
            price: '30000.00',
            smallOrMicro: false,
            objective: { O1: 1, O2: 2, O3: 1, O4: 0, O5: 4, O6: true },
          },
        },
      )
    ).recordBid.id;
    await web.stack.gql(admin, 'mutation ($i: RecordEvaluatorSheetInput!) { recordEvaluatorSheet(input: $i) { id } }', {
      i: { packageId: pkg.id, bidId: other, evaluator: '评委甲', items: { S1: 1, S2: 0, S3: 0, S4: 1, S5: 0, S6: 0 } },
    });
    await page.reload();
    // The small/micro bid's sheet through the form.
    const sheetForm = detail.getByRole('form', { name: '录入评委打分表' });
    await sheetForm.getByLabel('投标', { exact: true }).selectOption({ label: '小微信息技术有限公司' });
    await sheetForm.getByLabel('评委', { exact: true }).fill('评委甲');
    await sheetForm.getByLabel(/^项目服务人员评价：瑕疵数$/).fill('1');
    await sheetForm.getByLabel(/^服务质量保证管理方案：未提供方案$/).check();
    await sheetForm.getByRole('button', { name: '保存' }).click();
    const ranking = detail.getByTestId('ranking');
    await ranking.waitFor({ timeout: 20_000 });

    const { packageRanking } = await web.stack.gql<{
      packageRanking: { ranking: { bidId: string; rank: number; bidderName: string; total: string }[] };
    }>(admin, 'query ($k: ID!) { packageRanking(packageId: $k) { ranking { bidId rank bidderName total } } }', {
      k: pkg.id,
    });
    expect(packageRanking.ranking).toHaveLength(2);
    for (const l of packageRanking.ranking) {
      const row = ranking.locator(`tr[data-bid-id="${l.bidId}"]`);
      await expect(row.locator('th').textContent()).resolves.toBe(l.bidderName);
      await expect(row.locator('[data-field="rank"]').textContent()).resolves.toBe(String(l.rank));
      await expect(row.locator('[data-field="total"]').textContent()).resolves.toBe(l.total);
    }
    // Score lines rendered in the console from their codes: the API's zh-CN text (its default language), no English.
    const { packageRanking: scores } = await web.stack.gql<{
      packageRanking: {
        bidders: { bidderName: string; priceExplanation: string; objective: { explanation: string }[] }[];
      };
    }>(
      admin,
      'query ($k: ID!) { packageRanking(packageId: $k) { bidders { bidderName priceExplanation objective { explanation } } } }',
      { k: pkg.id },
    );
    for (const b of scores.bidders) {
      const bidder = detail.locator(`details[data-bidder="${b.bidderName}"]`);
      await expect(bidder.locator('td[data-code]').allTextContents()).resolves.toEqual(
        b.objective.map((o) => o.explanation),
      );
      await expect(bidder.locator('[data-field="price-score"] span[data-code]').textContent()).resolves.toBe(
        `（${b.priceExplanation}）`,
      );
      for (const o of b.objective) expect(o.explanation).not.toMatch(/[A-Za-z]{3,}/);
    }
    await session.screenshot('procurement-ranking');
  }, 120_000);
});
