import { asSuperuser } from '../support/test-database';
import { startApi, type TestApi } from './api-app';

type Gql = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: { code: string; problems?: { path: string; message: string }[] } }[];
};
type Target = {
  targetId: string;
  name: string;
  met: number;
  breached: number;
  notRecorded: number;
  compliancePercent: string | null;
  running: number;
  atRisk: number;
  overdue: number;
};
const SEVERITY_NAMES: Record<string, string> = {
  L1: '一级（普通问题）',
  L2: '二级（较严重问题）',
  L3: '三级（严重问题）',
  L4: '四级（紧急问题）',
};
type Severity = Omit<Target, 'targetId' | 'name'> & { severity: string; severityName: string; targets: Target[] };
type Dashboard = {
  contractId: string;
  tenantId: string;
  contractCode: string;
  asOf: string;
  sla: Omit<Target, 'targetId' | 'name'> & { month: string; severities: Severity[] };
  openBreaches: number;
  lastConfirmedClose: {
    closeId: string;
    period: string;
    revision: number;
    score: string | null;
    grade: string | null;
    confirmedAt: string;
  } | null;
  nextPayment: {
    lineId: string;
    label: string;
    status: string;
    dueDate: string | null;
    net: string;
    paid: string;
    outstanding: string;
    scheduleAsOf: string;
  } | null;
  notifications: { total: number; critical: number; warning: number; latestAt: string | null };
};
type StoredTarget = {
  targetId: string;
  name: string;
  status: string;
  stop: string | null;
  deadline: string;
  percentUsed: string;
  explanation: { code: string; params: { until: string } };
};

const COUNTS = 'met breached notRecorded compliancePercent running atRisk overdue';
const FIELDS = `contractId tenantId contractCode asOf
  sla { month ${COUNTS} severities { severity severityName ${COUNTS} targets { targetId name ${COUNTS} } } }
  openBreaches
  lastConfirmedClose { closeId period revision score grade confirmedAt }
  nextPayment { lineId label status dueDate net paid outstanding scheduleAsOf scheduleComputedAt }
  notifications { total critical warning latestAt }`;
const DASHBOARD = `query ($c: ID!, $m: String) { contractDashboard(contractId: $c, month: $m) { ${FIELDS} } }`;
const ENDED = ['closed', 'withdrawn', 'unsolvable'];

describe('contract dashboard and ping (real PostgreSQL, demo seed)', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let xuzhou = '';
  const call = async (who: string | null, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
    (await api.gql(query, variables, who ? tokens[who] : undefined)).body as Gql;
  const dashboard = async (who: string, c: string, m?: string): Promise<Dashboard> => {
    const r = await call(who, DASHBOARD, { c, m });
    expect(r.errors).toBeUndefined();
    return r.data?.contractDashboard as Dashboard;
  };

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    await api.jobsIdle();
    for (const who of [
      'admin',
      'vendor',
      'xuzhou.admin',
      'xuzhou.staff',
      'xuzhou.finance',
      'huaian.admin',
      'tianjin.admin',
    ])
      tokens[who] = await api.login(`${who}@demo.local`);
    xuzhou = (
      (await call('xuzhou.admin', '{ contracts { id code } }')).data?.contracts as { id: string; code: string }[]
    ).find((c) => c.code === 'xuzhou-2026')?.id as string;
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  /** The tiles computed independently from the API's own reads: each ticket's latest stored result, its state and the warnings. */
  async function expected(
    month: string,
    now: number,
  ): Promise<{
    stopped: Map<string, { met: number; breached: number; notRecorded: number }>;
    running: Map<string, { running: number; atRisk: number; overdue: number }>;
    openBreaches: number;
  }> {
    const tickets = (
      await call('xuzhou.admin', 'query ($c: ID!) { tickets(contractId: $c) { id state severity } }', { c: xuzhou })
    ).data?.tickets as { id: string; state: string; severity: string }[];
    const warnings = new Set(
      (
        (
          await call('xuzhou.admin', 'query ($c: ID) { notifications(contractId: $c, limit: 500) { dedupeKey } }', {
            c: xuzhou,
          })
        ).data?.notifications as { dedupeKey: string }[]
      ).map((n) => n.dedupeKey),
    );
    const stopped = new Map<string, { met: number; breached: number; notRecorded: number }>();
    const running = new Map<string, { running: number; atRisk: number; overdue: number }>();
    let openBreaches = 0;
    for (const t of tickets) {
      const history = (
        await call('xuzhou.admin', 'query ($id: ID!) { ticketSlaHistory(ticketId: $id) { targets } }', { id: t.id })
      ).data?.ticketSlaHistory as { targets: StoredTarget[] }[];
      if (!history.length) continue;
      let over = false;
      for (const x of history[0].targets) {
        const key = `${t.severity}/${x.targetId}`;
        if (x.status === 'not_recorded') {
          // Counted apart, in the month the ticket ended (where the engine read the clock to).
          if (x.explanation.params.until.slice(0, 7) !== month) continue;
          const s = stopped.get(key) ?? { met: 0, breached: 0, notRecorded: 0 };
          s.notRecorded++;
          stopped.set(key, s);
        } else if (x.stop) {
          if (x.stop.slice(0, 7) !== month) continue;
          const s = stopped.get(key) ?? { met: 0, breached: 0, notRecorded: 0 };
          if (x.status === 'met') s.met++;
          else s.breached++;
          stopped.set(key, s);
        } else if (!ENDED.includes(t.state)) {
          const r = running.get(key) ?? { running: 0, atRisk: 0, overdue: 0 };
          const overdue =
            x.status === 'breached' || Date.parse(x.deadline) <= now || warnings.has(`sla-${t.id}-${x.targetId}-100`);
          const risk = Number(x.percentUsed) >= 75 || warnings.has(`sla-${t.id}-${x.targetId}-75`);
          r.running++;
          if (overdue) r.overdue++;
          else if (risk) r.atRisk++;
          over ||= overdue;
          running.set(key, r);
        }
      }
      if (over) openBreaches++;
    }
    return { stopped, running, openBreaches };
  }

  const flatten = (d: Dashboard) => {
    const stopped = new Map<string, { met: number; breached: number; notRecorded: number }>();
    const running = new Map<string, { running: number; atRisk: number; overdue: number }>();
    for (const s of d.sla.severities) {
      for (const t of s.targets) {
        if (t.met + t.breached + t.notRecorded)
          stopped.set(`${s.severity}/${t.targetId}`, { met: t.met, breached: t.breached, notRecorded: t.notRecorded });
        if (t.running)
          running.set(`${s.severity}/${t.targetId}`, { running: t.running, atRisk: t.atRisk, overdue: t.overdue });
      }
    }
    return { stopped, running };
  };

  it('ping: signed in, "pong"; without a token UNAUTHENTICATED', async () => {
    expect((await call('xuzhou.staff', '{ ping }')).data).toEqual({ ping: 'pong' });
    expect((await call('admin', '{ ping }')).data).toEqual({ ping: 'pong' });
    expect((await call(null, '{ ping }')).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it("the SLA tiles of each month of the demo are the stored results' latest clocks, counted independently", async () => {
    let clocks = 0;
    let notRecorded = 0;
    for (const month of ['2026-08', '2026-09', '2026-10', '2026-11']) {
      const d = await dashboard('xuzhou.admin', xuzhou, month);
      const want = await expected(month, Date.parse(d.asOf));
      const got = flatten(d);
      expect({
        month,
        stopped: Object.fromEntries(got.stopped),
        running: Object.fromEntries(got.running),
        openBreaches: d.openBreaches,
      }).toEqual({
        month,
        stopped: Object.fromEntries(want.stopped),
        running: Object.fromEntries(want.running),
        openBreaches: want.openBreaches,
      });
      // Each severity is named as the configuration names it (Xuzhou and Huai'an: L2 → 二级（较严重问题）).
      for (const s of d.sla.severities) expect(s.severityName).toBe(SEVERITY_NAMES[s.severity]);
      // Totals are the sums of the severities, which are the sums of their targets.
      for (const s of d.sla.severities) {
        for (const k of ['met', 'breached', 'notRecorded', 'running', 'atRisk', 'overdue'] as const)
          expect(s[k]).toBe(s.targets.reduce((a, t) => a + t[k], 0));
      }
      for (const k of ['met', 'breached', 'notRecorded', 'running', 'atRisk', 'overdue'] as const)
        expect(d.sla[k]).toBe(d.sla.severities.reduce((a, s) => a + s[k], 0));
      if (d.sla.met + d.sla.breached)
        expect(d.sla.compliancePercent).toBe(((d.sla.met * 100) / (d.sla.met + d.sla.breached)).toFixed(2));
      else expect(d.sla.compliancePercent).toBeNull();
      clocks += d.sla.met + d.sla.breached;
      notRecorded += d.sla.notRecorded;
    }
    // No on-site event was recorded on the closed demo tickets: those targets are counted apart, not as breaches.
    expect(notRecorded).toBeGreaterThanOrEqual(12);
    // The demo's twelve closed Xuzhou tickets stopped clocks in these months, some late (breaches).
    expect(clocks).toBeGreaterThan(12);
    const all = await Promise.all(
      ['2026-08', '2026-09', '2026-10', '2026-11'].map((m) => dashboard('xuzhou.admin', xuzhou, m)),
    );
    expect(all.reduce((a, d) => a + d.sla.breached, 0)).toBeGreaterThan(0);
    expect(all[0].sla.running).toBeGreaterThan(0); // the three open tickets
  });

  it('the default month is the current one in Asia/Shanghai; warnings are counted once per ticket and target, where the clock bears them out', async () => {
    const d = await dashboard('xuzhou.finance', xuzhou);
    expect(d.sla.month).toBe(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7));
    type Warning = { ticketId: string; createdAt: string; details: { targetId: string; threshold: number } };
    const all = (
      await call(
        'xuzhou.admin',
        'query ($c: ID) { notifications(contractId: $c, limit: 500) { ticketId createdAt details } }',
        { c: xuzhou },
      )
    ).data?.notifications as Warning[];
    const inMonth = all.filter(
      (n) => new Date(Date.parse(n.createdAt) + 8 * 3_600_000).toISOString().slice(0, 7) === d.sla.month,
    );
    const tickets = (
      await call('xuzhou.admin', 'query ($c: ID!) { tickets(contractId: $c) { id state } }', { c: xuzhou })
    ).data?.tickets as { id: string; state: string }[];
    // Per ticket and target: the highest threshold warned, capped by what the latest stored clock reached.
    const level = new Map<string, number>();
    for (const n of inMonth) {
      const key = `${n.ticketId}/${n.details.targetId}`;
      level.set(key, Math.max(level.get(key) ?? 0, n.details.threshold));
    }
    let critical = 0;
    let warning = 0;
    for (const [key, warned] of level) {
      const [ticketId, targetId] = key.split('/');
      const history = (
        await call('xuzhou.admin', 'query ($id: ID!) { ticketSlaHistory(ticketId: $id) { targets } }', { id: ticketId })
      ).data?.ticketSlaHistory as { targets: StoredTarget[] }[];
      const x = history[0].targets.find((t) => t.targetId === targetId) as StoredTarget;
      if (x.status === 'not_recorded') continue;
      const open = !ENDED.includes(tickets.find((t) => t.id === ticketId)?.state ?? '');
      const reached =
        x.stop === null && open ? 100 : Number(x.percentUsed) >= 100 ? 100 : Number(x.percentUsed) >= 75 ? 75 : 0;
      const shown = Math.min(warned, reached);
      if (shown === 100) critical++;
      else if (shown === 75) warning++;
    }
    expect(d.notifications).toMatchObject({ total: critical + warning, critical, warning });
    // The demo's three open tickets have four targets each; the closed ones count only where a clock really breached.
    expect(d.notifications.total).toBeLessThan(inMonth.length);
    expect(d.notifications.total).toBeLessThanOrEqual(level.size);
  });

  it('a new event moves a clock: closing an open ticket stops its clocks in that month', async () => {
    const tickets = (
      await call('xuzhou.admin', 'query ($c: ID!) { tickets(contractId: $c) { id title state } }', { c: xuzhou })
    ).data?.tickets as { id: string; title: string; state: string }[];
    const open = tickets.find((t) => t.title === '前置机网络中断') as { id: string; state: string }; // received, nothing stopped yet
    expect(open.state).toBe('received');
    const before = await dashboard('xuzhou.admin', xuzhou, '2026-11');
    const r = await call('vendor', 'mutation ($i: TransitionTicketInput!) { transitionTicket(input: $i) { state } }', {
      i: {
        ticketId: open.id,
        action: 'feedback',
        solvable: true,
        plannedTestDate: '2026-11-27',
        note: '已定位',
        at: '2026-11-20T10:00:00+08:00',
      },
    });
    expect(r.errors).toBeUndefined();
    await api.jobsIdle();
    const after = await dashboard('xuzhou.admin', xuzhou, '2026-11');
    const want = await expected('2026-11', Date.parse(after.asOf));
    expect(Object.fromEntries(flatten(after).stopped)).toEqual(Object.fromEntries(want.stopped));
    expect(after.sla.met + after.sla.breached).toBeGreaterThan(before.sla.met + before.sla.breached);
  });

  it('an older result stored after a newer one does not replace it (the projection keeps the latest)', async () => {
    const d0 = await dashboard('xuzhou.admin', xuzhou, '2026-08');
    await asSuperuser(api.database.name, async (db) => {
      const [latest] = (
        await db.query(
          `SELECT r.* FROM ticket_sla_results r JOIN ticket_sla_clocks k ON k.result_id = r.id
           WHERE r.contract_id = $1 AND k.stop_month = '2026-08' AND k.is_current ORDER BY r.computed_at LIMIT 1`,
          [xuzhou],
        )
      ).rows;
      expect(latest).toBeDefined();
      // A stale evaluation (event count 1: nothing stopped) arriving late, e.g. a retried job.
      const stale = (latest.targets as StoredTarget[]).map((t) => ({ ...t, stop: null, status: 'running' }));
      await db.query(
        `INSERT INTO ticket_sla_results (tenant_id, contract_id, ticket_id, event_count, config_version, calendar_version, status, targets, evaluated_at)
         VALUES ($1, $2, $3, 1, $4, $5 || '-stale', 'running', $6, $7)`,
        [
          latest.tenant_id,
          latest.contract_id,
          latest.ticket_id,
          latest.config_version,
          latest.calendar_version,
          JSON.stringify(stale),
          latest.evaluated_at,
        ],
      );
    });
    expect((await dashboard('xuzhou.admin', xuzhou, '2026-08')).sla).toEqual(d0.sla);
  });

  it('concurrent results for one ticket: the later event wins whichever commits first; the month counts stay a recount of the clocks', async () => {
    const { Client } = await import('pg');
    const [a, b] = [0, 1].map(
      () => new Client({ connectionString: `postgres://postgres@127.0.0.1:5432/${api.database.name}` }),
    );
    await Promise.all([a.connect(), b.connect()]);
    try {
      const [r] = (
        await a.query(
          `SELECT r.* FROM ticket_sla_results r JOIN ticket_sla_clocks k ON k.result_id = r.id WHERE r.contract_id = $1 AND k.stop_month = '2026-09' LIMIT 1`,
          [xuzhou],
        )
      ).rows;
      const targets = r.targets as StoredTarget[];
      const insert = (c: InstanceType<typeof Client>, eventCount: number, stop: string) =>
        c.query(
          `INSERT INTO ticket_sla_results (tenant_id, contract_id, ticket_id, event_count, config_version, calendar_version, status, targets, evaluated_at) VALUES ($1, $2, $3, $4, $5, $6, 'met', $7, $8)`,
          [
            r.tenant_id,
            r.contract_id,
            r.ticket_id,
            eventCount,
            r.config_version,
            r.calendar_version,
            JSON.stringify(targets.map((t) => ({ ...t, stop, status: 'met' }))),
            r.evaluated_at,
          ],
        );
      // A holds the contract's projection lock with the later event (its stops in 2026-12); B's earlier event waits, then loses.
      await a.query('BEGIN');
      await insert(a, 1000, '2026-12-01T10:00:00+08:00');
      await b.query('BEGIN');
      const late = insert(b, 999, '2026-10-01T10:00:00+08:00').then(() => b.query('COMMIT'));
      await new Promise((res) => setTimeout(res, 300));
      await a.query('COMMIT');
      await late;
      const clocks = (
        await a.query(
          `SELECT stop_month, count(*)::int AS n FROM ticket_sla_clocks WHERE ticket_id = $1 AND is_current GROUP BY 1`,
          [r.ticket_id],
        )
      ).rows;
      expect(clocks).toEqual([{ stop_month: '2026-12', n: targets.length }]);
      const drift = await a.query(`
        SELECT * FROM (
          SELECT tenant_id, contract_id, stop_month AS month, severity, target_id, count(*) FILTER (WHERE status = 'met')::int AS met,
                 count(*) FILTER (WHERE status = 'breached')::int AS breached, count(*) FILTER (WHERE status = 'not_recorded')::int AS not_recorded
          FROM ticket_sla_clocks WHERE is_current AND stop_month IS NOT NULL GROUP BY 1, 2, 3, 4, 5) k
        FULL JOIN (SELECT tenant_id, contract_id, month, severity, target_id, met, breached, not_recorded FROM ticket_sla_month_counts WHERE met <> 0 OR breached <> 0 OR not_recorded <> 0) m
          USING (tenant_id, contract_id, month, severity, target_id)
        WHERE k.met IS DISTINCT FROM m.met OR k.breached IS DISTINCT FROM m.breached OR k.not_recorded IS DISTINCT FROM m.not_recorded`);
      expect(drift.rows).toEqual([]);
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });

  it('the last confirmed close and the next payment, once a close is confirmed and the schedule stored', async () => {
    const none = await dashboard('xuzhou.finance', xuzhou);
    expect(none.lastConfirmedClose).toBeNull();
    const set = await call(
      'xuzhou.admin',
      'mutation ($i: SetPeriodInputsInput!) { setPeriodInputs(input: $i) { period } }',
      {
        i: {
          contractId: xuzhou,
          period: '2026-H1',
          staffScores: [{ personId: 'p1', attitude: 28, ability: 27, results: 35 }],
          securityIncidents: 0,
          satisfaction: { businessSatisfaction: '比较满意', itSatisfaction: '一般' },
        },
      },
    );
    expect(set.errors).toBeUndefined();
    const closed = await call('xuzhou.staff', 'mutation ($i: ClosePeriodInput!) { closePeriod(input: $i) { id } }', {
      i: { contractId: xuzhou, period: '2026-H1', asOf: '2026-07-10' },
    });
    expect(closed.errors).toBeUndefined();
    const closeId = (closed.data?.closePeriod as { id: string }).id;
    await api.jobsIdle();
    // The year's attendance is not complete (term:attendance missing): the confirm gives its reason.
    expect(
      (
        await call(
          'xuzhou.admin',
          'mutation ($id: ID!, $r: String) { confirmPeriodClose(closeId: $id, reason: $r) { status } }',
          { id: closeId, r: '（测试）出勤月报未全，按约定先行确认' },
        )
      ).errors,
    ).toBeUndefined();
    await api.jobsIdle();
    const d = await dashboard('xuzhou.finance', xuzhou);
    expect(d.lastConfirmedClose).toMatchObject({ closeId, period: '2026-H1', revision: 1, score: '100.00' });
    const schedule = (
      await call(
        'xuzhou.finance',
        'query ($c: ID!) { paymentSchedule(contractId: $c) { asOf schedule { lines { id label status dueDate net paid } } } }',
        { c: xuzhou },
      )
    ).data?.paymentSchedule as {
      asOf: string;
      schedule: {
        lines: { id: string; label: string; status: string; dueDate: string | null; net: string; paid: string }[];
      };
    };
    const open = schedule.schedule.lines
      .filter((l) => l.status === 'scheduled' || l.status === 'due')
      .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
    expect(open.length).toBeGreaterThan(0);
    expect(d.nextPayment).toMatchObject({
      lineId: open[0].id,
      label: open[0].label,
      status: open[0].status,
      dueDate: open[0].dueDate,
      net: open[0].net,
      paid: open[0].paid,
      scheduleAsOf: schedule.asOf,
    });
    expect(d.nextPayment?.outstanding).toBe((Number(open[0].net) - Number(open[0].paid)).toFixed(2));
  });

  it('contractDashboards: the tenant’s contracts for its roles, every held contract for the vendor, nothing for the platform', async () => {
    const mine = (await call('xuzhou.finance', '{ contractDashboards { contractId contractCode sla { month } } }')).data
      ?.contractDashboards as Dashboard[];
    const contracts = (await call('xuzhou.finance', '{ contracts { id code } }')).data?.contracts as {
      id: string;
      code: string;
    }[];
    expect(mine.map((d) => d.contractCode)).toEqual(contracts.map((c) => c.code).sort());
    const vendor = (
      await call(
        'vendor',
        '{ contractDashboards(month: "2026-10") { contractId tenantId sla { month met breached } } }',
      )
    ).data?.contractDashboards as Dashboard[];
    expect(vendor).toHaveLength(12);
    expect(new Set(vendor.map((d) => d.tenantId)).size).toBe(5);
    const one = vendor.find((d) => d.contractId === xuzhou) as Dashboard;
    expect(one.sla).toMatchObject({
      month: '2026-10',
      met: (await dashboard('xuzhou.admin', xuzhou, '2026-10')).sla.met,
    });
    expect((await call('admin', '{ contractDashboards { contractId } }')).data?.contractDashboards).toEqual([]);
  });

  it('out of reach is NOT_FOUND (another tenant, the platform, a malformed id); a bad month is refused', async () => {
    for (const who of ['huaian.admin', 'tianjin.admin', 'admin'])
      expect((await call(who, DASHBOARD, { c: xuzhou })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await call('xuzhou.admin', DASHBOARD, { c: 'not-a-uuid' })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(
      (await call('xuzhou.admin', DASHBOARD, { c: '00000000-0000-4000-8000-000000000000' })).errors?.[0].extensions
        .code,
    ).toBe('NOT_FOUND');
    const bad = await call('xuzhou.admin', DASHBOARD, { c: xuzhou, m: '2026-13' });
    expect(bad.errors?.[0].extensions.problems).toEqual([
      { path: 'month', code: 'month.format', params: {}, message: 'must be a month YYYY-MM' },
    ]);
    // The vendor holding it reads it.
    expect((await dashboard('vendor', xuzhou)).contractId).toBe(xuzhou);
  });
});
