import { webSuite } from './web-harness';

const ADMIN = 'tianjin.admin@demo.local';
const STAFF = 'tianjin.staff@demo.local';
const VENDOR = 'vendor@demo.local';
const CONTRACTS = '{ contracts { id code name } }';
const CREATE = 'mutation ($i: CreateTicketInput!) { createTicket(input: $i) { id number } }';
const TRANSITION = 'mutation ($i: TransitionTicketInput!) { transitionTicket(input: $i) { id } }';

// The KPI evidence in the console (domain rule 17) on Tianjin P1: in 2026-Q3 one piece of user feedback answered and
// not resolved, one 高危 vulnerability received and not fixed; the buyer's period page shows the three rates, which
// are met and which not, in Chinese, above the 服务合格 question the buyer still answers.
describe('web console: KPIs from tickets as the evidence for 服务合格 (Tianjin P1)', () => {
  let contract: { id: string; name: string };
  const numbers: string[] = [];

  const web = webSuite('web-ticket-kpis', __filename, {
    setup: async (stack) => {
      const all = (await stack.gql<{ contracts: { id: string; code: string; name: string }[] }>(ADMIN, CONTRACTS))
        .contracts;
      const p1 = all.find((c) => c.code === 'tianjin-2026-p1');
      if (!p1) throw new Error('the demo seeds Tianjin P1');
      contract = p1;
      for (const [category, day, answered] of [
        ['用户反馈', '2026-08-10', true],
        ['高危漏洞', '2026-09-01', false],
      ] as const) {
        const { createTicket: t } = await stack.gql<{ createTicket: { id: string; number: string } }>(STAFF, CREATE, {
          i: {
            contractId: p1.id,
            category,
            severity: 'general',
            title: `${category}（演示）`,
            at: `${day}T09:00:00+08:00`,
          },
        });
        numbers.push(t.number);
        const steps: [string, string, string][] = [
          [ADMIN, 'confirm', '09:05'],
          [VENDOR, 'receive', '09:08'],
          ...(answered ? ([[VENDOR, 'respond', '09:10']] as [string, string, string][]) : []),
        ];
        for (const [who, action, hhmm] of steps)
          await stack.gql(who, TRANSITION, { i: { ticketId: t.id, action, at: `${day}T${hhmm}:00+08:00` } });
      }
    },
  });

  it('the buyer reads the quarter’s three rates, met or not, above 服务合格', async () => {
    const session = await web.session(ADMIN);
    const { page } = session;
    await page.goto(`/buyer/contracts/${contract.id}/inputs`);
    await page.getByRole('heading', { level: 1, name: `期间录入：${contract.name}` }).waitFor();
    await page.getByLabel('考核期间').selectOption('2026-Q3');
    const panel = page.locator('section[data-section="ticket-kpis"]');
    await panel.getByRole('heading', { name: '工单比率指标（服务合格的依据）' }).waitFor();
    const row = (id: string) => panel.locator(`tr[data-kpi="${id}"]`);
    await expect(row('response-rate').getAttribute('data-meets')).resolves.toBe('true');
    await expect(row('resolution-rate').getAttribute('data-meets')).resolves.toBe('false');
    await expect(row('vulnerability-closure-rate').getAttribute('data-meets')).resolves.toBe('false');
    await expect(row('response-rate').textContent()).resolves.toContain('100.00%不低于 100%达标');
    await expect(row('resolution-rate').textContent()).resolves.toContain(`提出的 1 件中，截至`);
    await expect(row('resolution-rate').textContent()).resolves.toContain(
      `，0 件已解决，0.00%（要求不低于 98%）；未达成：${numbers[0]}（其中 1 件尚未办结）；未达标`,
    );
    await expect(row('vulnerability-closure-rate').textContent()).resolves.toContain(`未达成：${numbers[1]}`);
    // The buyer still answers 服务合格 below the evidence.
    await page.locator('form.period-inputs[data-period="2026-Q3"]').getByText('服务合格').first().waitFor();
    await session.screenshot('ticket-kpis-evidence');
  });
});
