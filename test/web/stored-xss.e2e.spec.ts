import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, signIn, webSuite, type BrowserSession } from './web-harness';

// Issue 11, finding 2: markup stored in any free-text field is shown as text in every browser that renders it —
// never parsed into elements, never run. Each field gets a payload through the GraphQL API (as the role that may
// write it); each page that renders it is visited as buyer, finance, vendor (and platform admin), the charts are
// hovered so their tooltips open, and the page fails on a dialog, `window.__xss`, an injected element or a CSP
// violation. The text itself must still be on the page.

const IMG = '<img src=x onerror="window.__xss=1;alert(1)">';
const SCRIPT = '<script>window.__xss=1;alert(2)</script>';
const SVG = '"><svg onload="window.__xss=1;alert(3)">';
const PAYLOADS = [IMG, SCRIPT, SVG];
/** A field's stored text: a readable prefix and one of the payloads. */
const evil = (prefix: string, i = 0) => `${prefix}${PAYLOADS[i % PAYLOADS.length]}`;

const T = {
  changeNote: evil('变更说明'),
  contractName: evil('合同名称', 1),
  ticketTitle: evil('联系单标题', 2),
  reportNotes: evil('月报备注'),
  eventDescription: evil('事件描述', 1),
  returnComment: evil('退回意见', 2),
  staffName: evil('人员', 0),
  projectName: evil('采购项目', 1),
  packageName: evil('采购包', 2),
  bidderName: evil('投标人', 0),
  userName: evil('用户', 1),
  vendorOrgName: evil('供应商', 2),
  tenantName: evil('采购人', 0),
  partyBuyer: evil('甲方', 1),
};

const SET_INPUTS = 'mutation ($i: SetPeriodInputsInput!) { setPeriodInputs(input: $i) { period missing } }';

type Contract = {
  id: string;
  code: string;
  presetId: string | null;
  vendorOrgId: string;
  configuration: Record<string, unknown>;
};

/** Every `label` under the assessment section replaced by a payload (the waterfall's and the breakdown's item names). */
function relabel(node: unknown, labels: string[]): unknown {
  if (Array.isArray(node)) return node.map((n) => relabel(n, labels));
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'label' && typeof v === 'string') {
      const text = evil(`考核项${labels.length + 1}`, labels.length);
      labels.push(text);
      out[k] = text;
    } else out[k] = relabel(v, labels);
  }
  return out;
}

/** Records dialogs and CSP violations of a session, before its first navigation. */
async function watch(session: BrowserSession): Promise<string[]> {
  const dialogs: string[] = [];
  session.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await session.context.addInitScript(`window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));`);
  return dialogs;
}

/** What must never be on the page: injected elements, the payloads' side effect, CSP violations. */
async function injected(page: Page): Promise<{ elements: string[]; xss: boolean; csp: string[] }> {
  return page.evaluate(`(() => ({
    elements: [...document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload], script:not([src])')]
      .concat([...document.querySelectorAll('script')].filter((s) => (s.textContent || '').includes('__xss')))
      .map((e) => e.outerHTML.slice(0, 160)),
    xss: window.__xss !== undefined,
    csp: window.__csp || [],
  }))()`);
}

async function expectClean(page: Page, dialogs: string[], where: string): Promise<void> {
  const found = await injected(page);
  expect({ where, dialogs, ...found }).toEqual({ where, dialogs: [], elements: [], xss: false, csp: [] });
}

/**
 * Waits until every text is part of the page's visible text (so it is rendered as text, not as markup). Polls with
 * `evaluate` (DevTools protocol): `waitForFunction` with a string would need `eval`, which the CSP refuses.
 */
async function expectTexts(page: Page, texts: string[]): Promise<void> {
  let missing = texts;
  for (const end = Date.now() + 20_000; Date.now() < end; await page.waitForTimeout(200)) {
    const body = String(await page.evaluate('document.body.innerText'));
    missing = texts.filter((t) => !body.includes(t));
    if (!missing.length) return;
  }
  throw new Error(`not shown as text on ${page.url()}: ${JSON.stringify(missing)}`);
}

/** Moves the pointer over every chart canvas on a grid of points, so every bar's tooltip opens once; checks after each. */
async function hoverCharts(page: Page, dialogs: string[]): Promise<number> {
  const canvases = page.locator('.chart canvas');
  const n = await canvases.count();
  for (let i = 0; i < n; i++) {
    // Into the viewport first: the mouse only reaches what is on screen.
    await canvases.nth(i).scrollIntoViewIfNeeded();
    const box = await canvases.nth(i).boundingBox();
    if (!box) continue;
    for (let y = 0.35; y <= 0.9; y += 0.15) {
      for (let x = 0.05; x <= 0.98; x += 0.03) {
        await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
        await page.waitForTimeout(15);
      }
      await expectClean(page, dialogs, `${page.url()} chart ${i}`);
    }
  }
  return n;
}

/** Visits a page, waits for the texts, hovers its charts, and fails on any injection. */
async function visit(
  session: BrowserSession,
  dialogs: string[],
  path: string,
  texts: string[],
  options: { charts?: number; open?: (page: Page) => Promise<void> } = {},
): Promise<void> {
  const { page } = session;
  await page.goto(path);
  // A control that reveals the text (a folded breakdown), when the page needs one.
  await options.open?.(page);
  await expectTexts(page, texts);
  if (options.charts) {
    await page
      .locator('.chart canvas')
      .nth(options.charts - 1)
      .waitFor();
    await expect(hoverCharts(page, dialogs)).resolves.toBeGreaterThanOrEqual(options.charts);
  }
  await expectClean(page, dialogs, path);
  await expectTexts(page, texts);
}

describe('web console: stored markup in free-text fields is shown as text, never run (issue 11, finding 2)', () => {
  let xuzhou: Contract;
  let newContractId: string;
  let closeId: string;
  let ticketId: string;
  let projectId: string;
  let packageId: string;
  /** Every label of the assessment section (the configuration page shows them all). */
  const labels: string[] = [];
  /** The labels of the close's breakdown, as the API has them (the waterfall's items). */
  let breakdown: string[] = [];

  const web = webSuite('web-stored-xss', __filename, {
    setupTimeoutMs: 300_000,
    setup: async (stack) => {
      const admin = 'xuzhou.admin@demo.local';
      const { contracts } = await stack.gql<{ contracts: Contract[] }>(
        admin,
        '{ contracts { id code presetId vendorOrgId configuration } }',
      );
      xuzhou = contracts[0];

      // Assessment component labels (and the buyer party) in a new configuration version, with a marked change note.
      const configuration = {
        ...xuzhou.configuration,
        assessment: relabel(xuzhou.configuration.assessment, labels),
        parties: { ...(xuzhou.configuration.parties as object), buyer: T.partyBuyer },
      };
      await stack.gql(
        admin,
        'mutation ($i: UpdateContractConfigurationInput!) { updateContractConfiguration(input: $i) { currentVersion } }',
        { i: { contractId: xuzhou.id, configuration, changeNote: T.changeNote } },
      );
      expect(labels.length).toBeGreaterThan(1);

      // A contract named with markup (held by the demo vendor: the vendor's and finance's lists show it too).
      newContractId = (
        await stack.gql<{ createContract: { id: string } }>(
          admin,
          'mutation ($i: CreateContractInput!) { createContract(input: $i) { id } }',
          {
            i: { code: 'XSS-1', name: T.contractName, presetId: xuzhou.presetId, vendorOrgId: xuzhou.vendorOrgId },
          },
        )
      ).createContract.id;

      // The close of 2026-H2 (as buyer-close.e2e.spec.ts), confirmed: the waterfall, the breakdown and the schedule.
      await stack.gql(admin, SET_INPUTS, {
        i: {
          contractId: xuzhou.id,
          period: '2026-H1',
          staffScores: [
            { personId: 'p1', attitude: 25, ability: 25, results: 30 },
            { personId: 'p2', attitude: 20, ability: 20, results: 25 },
          ],
          securityIncidents: 1,
          satisfaction: { businessSatisfaction: '一般', itSatisfaction: '差' },
        },
      });
      await stack.gql(admin, SET_INPUTS, {
        i: {
          contractId: xuzhou.id,
          period: '2026-H2',
          staffScores: [
            { personId: 'p1', attitude: 22, ability: 22, results: 28 },
            { personId: 'p2', attitude: 20, ability: 20, results: 25 },
          ],
          securityIncidents: 2,
          satisfaction: { businessSatisfaction: '不满意', itSatisfaction: '很差' },
        },
      });
      closeId = (
        await stack.gql<{ closePeriod: { id: string } }>(
          admin,
          'mutation ($i: ClosePeriodInput!) { closePeriod(input: $i) { id } }',
          { i: { contractId: xuzhou.id, period: '2026-H2', asOf: '2027-01-10' } },
        )
      ).closePeriod.id;
      await stack.jobsSettled();
      await stack.gql(
        admin,
        'mutation ($id: ID!, $r: String) { confirmPeriodClose(closeId: $id, reason: $r) { status } }',
        { id: closeId, r: '（测试）出勤月报未全，按约定先行确认' },
      );
      await stack.jobsSettled();
      const { periodClose } = await stack.gql<{
        periodClose: { result: { assessment: { breakdown: { label: string }[] } } };
      }>(admin, 'query ($id: ID!) { periodClose(id: $id) { result { assessment { breakdown { label } } } } }', {
        id: closeId,
      });
      breakdown = periodClose.result.assessment.breakdown.map((b) => b.label);
      expect(breakdown.length).toBeGreaterThan(1);
      for (const b of breakdown) expect(labels).toContain(b);

      // A ticket titled with markup, with a category and severity the contract knows (those of a demo ticket).
      const { tickets } = await stack.gql<{ tickets: { category: string; severity: string }[] }>(
        admin,
        'query ($c: ID!) { tickets(contractId: $c) { category severity } }',
        { c: xuzhou.id },
      );
      ticketId = (
        await stack.gql<{ createTicket: { id: string } }>(
          admin,
          'mutation ($i: CreateTicketInput!) { createTicket(input: $i) { id } }',
          {
            i: {
              contractId: xuzhou.id,
              category: tickets[0].category,
              severity: tickets[0].severity,
              title: T.ticketTitle,
            },
          },
        )
      ).createTicket.id;

      // The vendor's roster and November report (notes, an event, a person), submitted; the buyer returns it with a comment.
      await stack.gql('vendor@demo.local', 'mutation ($i: AddStaffMemberInput!) { addStaffMember(input: $i) { id } }', {
        i: { contractId: xuzhou.id, personId: 'XSS-1', name: T.staffName, roleId: 'engineer', fromDate: '2026-01-01' },
      });
      const report = {
        attendance: [{ personId: 'XSS-1', name: T.staffName, roleId: 'engineer', daysPresent: 1 }],
        deliveries: [],
        serviceEvents: [{ id: 'xss', kind: '重保', from: '2026-11-02', description: T.eventDescription }],
        notes: T.reportNotes,
      };
      const saved = await stack.gql<{ saveMonthlyReport: { id: string } }>(
        'vendor@demo.local',
        'mutation ($i: SaveMonthlyReportInput!) { saveMonthlyReport(input: $i) { id } }',
        { i: { contractId: xuzhou.id, month: '2026-11', report } },
      );
      await stack.gql('vendor@demo.local', 'mutation ($id: ID!) { submitMonthlyReport(reportId: $id) { status } }', {
        id: saved.saveMonthlyReport.id,
      });
      await stack.gql(
        admin,
        'mutation ($id: ID!, $c: String!) { returnMonthlyReport(reportId: $id, comment: $c) { status } }',
        { id: saved.saveMonthlyReport.id, c: T.returnComment },
      );

      // Procurement (Tianjin): project, package and bidder names.
      const tianjin = 'tianjin.admin@demo.local';
      projectId = (
        await stack.gql<{ createProcurementProject: { id: string } }>(
          tianjin,
          'mutation ($i: CreateProcurementProjectInput!) { createProcurementProject(input: $i) { id } }',
          { i: { code: 'XSS-P', name: T.projectName } },
        )
      ).createProcurementProject.id;
      packageId = (
        await stack.gql<{ addProcurementPackage: { id: string } }>(
          tianjin,
          'mutation ($i: AddProcurementPackageInput!) { addProcurementPackage(input: $i) { id } }',
          { i: { projectId, number: 8, name: T.packageName, presetId: 'tianjin-2026-p8' } },
        )
      ).addProcurementPackage.id;
      await stack.gql(tianjin, 'mutation ($i: RecordBidInput!) { recordBid(input: $i) { id } }', {
        i: {
          packageId,
          bidderName: T.bidderName,
          price: '30000.00',
          smallOrMicro: false,
          objective: { O1: 1, O2: 1, O3: 1, O4: 0, O5: 2, O6: true },
        },
      });

      // A user's display name (the shell shows it), a vendor organisation's and a tenant's name (the platform page).
      await stack.gql(admin, 'mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }', {
        i: { email: 'xss.staff@demo.local', password: DEMO_PASSWORD, displayName: T.userName, role: 'buyer-staff' },
      });
      await stack.gql(
        'admin@demo.local',
        'mutation ($i: CreateVendorOrganizationInput!) { createVendorOrganization(input: $i) { id } }',
        { i: { name: T.vendorOrgName } },
      );
      await stack.gql('admin@demo.local', 'mutation ($i: CreateTenantInput!) { createTenant(input: $i) { id } }', {
        i: { code: 'xss-tenant', name: T.tenantName },
      });
    },
  });

  /** A session signed in as `email`, watched for dialogs and CSP violations from its first page on. */
  async function as(email: string): Promise<{ session: BrowserSession; dialogs: string[] }> {
    const session = await web.session();
    const dialogs = await watch(session);
    await signIn(session.page, email);
    return { session, dialogs };
  }

  it('buyer: contracts, configuration, tickets, the close (waterfall and SLA tooltips) and the returned report', async () => {
    const { session, dialogs } = await as('xuzhou.admin@demo.local');
    await visit(session, dialogs, '/buyer/contracts', [T.contractName], { charts: 1 });
    await visit(session, dialogs, `/buyer/contracts/${xuzhou.id}`, [T.partyBuyer, ...labels]);
    await visit(session, dialogs, `/buyer/contracts/${xuzhou.id}/tickets?ticket=${ticketId}`, [T.ticketTitle]);
    await visit(session, dialogs, `/buyer/contracts/${xuzhou.id}/close?close=${closeId}`, breakdown, { charts: 2 });
    // The waterfall's tooltip did open on an item, and shows the label as text.
    await expectWaterfallTooltip(session.page, dialogs, breakdown);
    await visit(session, dialogs, `/buyer/contracts/${xuzhou.id}/reports?month=2026-11`, [
      T.reportNotes,
      T.eventDescription,
      T.returnComment,
      T.staffName,
    ]);
    await visit(session, dialogs, `/buyer/contracts/${newContractId}`, [T.contractName]);
    await session.screenshot('buyer-close');
  }, 240_000);

  it('buyer (Tianjin): procurement project, package and bidder names', async () => {
    const { session, dialogs } = await as('tianjin.admin@demo.local');
    await visit(session, dialogs, `/buyer/procurement?project=${projectId}&package=${packageId}`, [
      T.projectName,
      T.packageName,
      T.bidderName,
    ]);
  }, 120_000);

  it('finance: schedules (timeline tooltips), contracts and the close', async () => {
    const { session, dialogs } = await as('xuzhou.finance@demo.local');
    await visit(session, dialogs, '/finance/schedules', [], { charts: 1 });
    await visit(session, dialogs, '/finance/contracts', [T.contractName], { charts: 1 });
    await visit(session, dialogs, `/finance/contracts/${xuzhou.id}/close?close=${closeId}`, breakdown, { charts: 2 });
    await expectWaterfallTooltip(session.page, dialogs, breakdown);
  }, 240_000);

  it('vendor: contracts, the close, assessments, schedule, the returned report and tickets', async () => {
    const { session, dialogs } = await as('vendor@demo.local');
    await visit(session, dialogs, '/vendor/contracts', [T.contractName], { charts: 1 });
    await visit(session, dialogs, `/vendor/contracts/${xuzhou.id}/close?close=${closeId}`, breakdown, { charts: 2 });
    await expectWaterfallTooltip(session.page, dialogs, breakdown);
    await visit(session, dialogs, `/vendor/contracts/${xuzhou.id}/assessments`, breakdown, {
      open: (page) => page.locator(`button[aria-controls="close-${closeId}"]`).click(),
    });
    await visit(session, dialogs, `/vendor/contracts/${xuzhou.id}/schedule`, [], { charts: 1 });
    await visit(session, dialogs, `/vendor/contracts/${xuzhou.id}/reports/2026-11`, [T.returnComment, T.staffName]);
    await visit(session, dialogs, `/vendor/contracts/${xuzhou.id}/tickets?ticket=${ticketId}`, [T.ticketTitle]);
  }, 240_000);

  it('platform admin: tenant and vendor organisation names; a user named with markup sees the name in the shell', async () => {
    const platform = await as('admin@demo.local');
    await visit(platform.session, platform.dialogs, '/platform/tenants', [T.tenantName, T.vendorOrgName]);
    const staff = await as('xss.staff@demo.local');
    await visit(staff.session, staff.dialogs, '/buyer/contracts', [T.userName]);
  }, 120_000);
});

/**
 * Hovers every step of the waterfall (each category's column, top to bottom, until its bar's tooltip opens) and
 * returns the tooltip texts seen; clean after every move. The items' bars float at the running score and may be a
 * few pixels tall, hence the column scan. Grid insets as in score-waterfall-chart.tsx.
 */
async function hoverWaterfall(page: Page, dialogs: string[]): Promise<string[]> {
  const chart = page.getByTestId('score-waterfall');
  const steps = ((await chart.getAttribute('data-steps')) ?? '').split('|').length;
  await chart.locator('canvas').scrollIntoViewIfNeeded();
  const box = await chart.locator('canvas').boundingBox();
  if (!box || steps < 2) throw new Error('no waterfall to hover');
  const grid = { left: 40, right: 16, top: 24, bottom: 64 };
  const tooltip = () =>
    page.evaluate(
      `[...document.querySelectorAll('[data-testid="score-waterfall"] .chart > div:not(:first-child)')].map((d) => d.textContent).join(' ')`,
    );
  const seen = new Set<string>();
  const column = (box.width - grid.left - grid.right) / steps;
  for (let i = 0; i < steps; i++) {
    const x = box.x + grid.left + column * (i + 0.5);
    for (let y = box.y + grid.top; y < box.y + box.height - grid.bottom; y += 2) {
      await page.mouse.move(x, y);
      const text = String(await tooltip());
      await expectClean(page, dialogs, `waterfall step ${i}`);
      if (/考核项\d/.test(text) && !seen.has(text)) {
        seen.add(text);
        break;
      }
    }
  }
  return [...seen];
}

/** The waterfall's item tooltips opened and show the labels as text (escaped markup reads as the markup's characters). */
async function expectWaterfallTooltip(page: Page, dialogs: string[], breakdown: string[]): Promise<void> {
  const seen = await hoverWaterfall(page, dialogs);
  expect(seen.length).toBeGreaterThan(0);
  for (const text of seen) expect(breakdown.some((label) => text.includes(label))).toBe(true);
}
