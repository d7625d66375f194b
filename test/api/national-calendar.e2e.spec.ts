import { CalendarRecomputeJob, calendarRecomputeJob } from '../../libs/features/src/calendar/calendar-recompute.job';
import { NationalCalendarSync } from '../../libs/features/src/calendar/national-calendar.sync';
import { buildCalendar, CN_NATIONAL_CALENDAR, formatInstant, workingMinutesBetween } from '@ledger/sla';
import { eventually, queuePrefix, REDIS_URL, startWorker, type WorkerProcess } from '../jobs/worker-harness';
import { asSuperuser } from '../support/test-database';
import { startApi, type TestApi } from './api-app';

type Problem = { path: string; code: string; params: Record<string, string> };
type Gql = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: { code: string; problems?: Problem[] } }[];
};
type Target = { targetId: string; deadline: string; provisional: boolean; status: string; elapsedMinutes: number };
type Stored = {
  id: string;
  eventCount: number;
  calendarVersion: string;
  previousCalendarVersion: string | null;
  supersedesId: string | null;
  provisional: boolean;
  targets: Target[];
};
type Notice = {
  kind: string;
  ticketId: string | null;
  message: string;
  dedupeKey: string;
  details: Record<string, string | number>;
};

const PUBLISH = `mutation ($i: PublishNationalCalendarInput!) { publishNationalCalendar(input: $i) { year revision version tenantsAsked } }`;
const PUBLISH_FILE = `mutation ($i: PublishNationalCalendarFileInput!) { publishNationalCalendarFile(input: $i) { year revision version tenantsAsked } }`;
const NATIONAL = `{ nationalCalendar { version years { year status revision source notice { title number } holidays { date name } makeUpWorkdays { date } } publications { year revision source } } }`;
const HISTORY = `query ($id: ID!) { ticketSlaHistory(ticketId: $id) { id eventCount calendarVersion previousCalendarVersion supersedesId provisional targets } }`;
const NOTICES = `query ($c: ID) { notifications(contractId: $c) { kind ticketId message dedupeKey details } }`;

const notice = {
  title: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
  number: '国办发明电〔2026〕测试号',
  date: '2026-11-20',
};
const WORKING_DAY = 450; // minutes of a working day, 08:30–12:00 and 13:30–17:30

/**
 * Issue 13, end to end through the API and the jobs on real PostgreSQL — run twice: jobs in the API process (the
 * `npm start` way) and a worker process on Redis (the server way: the worker reads the publication the API made).
 * A ticket whose working-day deadline falls in the provisional 2027 is warned on the provisional calendar; the
 * platform admin publishes 2027; the recomputation moves the deadline, records both versions, and raises the warning
 * again exactly once.
 */
describe.each(['in-process jobs', 'worker process on Redis'] as const)(
  'national calendar: publishing a year and recomputing what it changes (real PostgreSQL, %s)',
  (mode) => {
    let api: TestApi;
    let worker: WorkerProcess | undefined;
    /** Every job asked so far has run (in the API process, or in the worker). */
    const settle = async (): Promise<void> => {
      await api.jobsIdle();
      await eventually(async () => {
        const queued = await asSuperuser(api.database.name, async (c) =>
          Number((await c.query(`SELECT count(*) AS n FROM jobs WHERE status = 'queued'`)).rows[0].n),
        );
        return queued === 0 ? true : undefined;
      }, 60_000);
    };
    const tokens: Record<string, string> = {};
    let contractId = '';
    let ticketId = '';
    let before: Stored;
    const call = async (who: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
      (await api.gql(query, variables, tokens[who])).body as Gql;
    const rows = async (): Promise<number> =>
      asSuperuser(api.database.name, async (c) =>
        Number((await c.query('SELECT count(*) AS n FROM national_calendar_years')).rows[0].n),
      );

    beforeAll(async () => {
      if (mode === 'worker process on Redis') {
        const prefix = queuePrefix('calendar');
        api = await startApi({ SEED_DEMO: 'auto', REDIS_URL, QUEUE_PREFIX: prefix });
        worker = startWorker({ DATABASE_URL: api.database.appUrl, QUEUE_PREFIX: prefix });
        await worker.waitFor('worker ready');
      } else api = await startApi({ SEED_DEMO: 'auto' });
      await settle();
      for (const who of ['admin', 'huaian.admin', 'huaian.staff', 'vendor'])
        tokens[who] = await api.login(`${who}@demo.local`);
      const contracts = (await call('huaian.admin', '{ contracts { id code configuration } }')).data?.contracts as {
        id: string;
        code: string;
        configuration: Record<string, unknown>;
      }[];
      const huaian = contracts.find((c) => c.code === 'huaian-2025-2026');
      contractId = huaian?.id as string;

      // A start some working days ago and a budget in working days such that, now, 75–80 % of it is used and the
      // deadline falls in 2027 (provisional in the seeded calendar) — whatever day the test runs on.
      const cal = buildCalendar({});
      const now = Date.now();
      let start = 0;
      let budget = 0;
      for (let back = 60; back < 500 && start === 0; back += 5) {
        const day = formatInstant(now - back * 86_400_000, 'Asia/Shanghai').slice(0, 10);
        if (!cal.isWorkingDay(day)) continue;
        const s = Date.parse(`${day}T09:00:00+08:00`);
        const used = Math.floor(workingMinutesBetween(cal, s, now) / WORKING_DAY);
        const t = Math.ceil(used / 0.78);
        const deadline = formatInstant(
          cal.instantAtCumulative(cal.cumulativeMinutes(s) + t * WORKING_DAY),
          'Asia/Shanghai',
        ).slice(0, 10);
        if (deadline >= '2027-01-04' && cal.isProvisionalDate(deadline)) [start, budget] = [s, t];
      }
      expect(start).toBeGreaterThan(0);
      const config = huaian?.configuration as { sla: { policy: { targets: unknown[] } } };
      config.sla.policy.targets.push({
        id: 'rectify',
        name: '整改完成时限',
        severities: ['L1', 'L2', 'L3', 'L4'],
        metric: 'closure',
        stopEvent: 'closed',
        clock: 'working',
        duration: { workingDays: budget, mode: 'elapsed' },
      });
      const updated = await call(
        'huaian.admin',
        'mutation ($i: UpdateContractConfigurationInput!) { updateContractConfiguration(input: $i) { currentVersion } }',
        {
          i: { contractId, configuration: config, changeNote: '测试：增加整改时限' },
        },
      );
      expect(updated.errors).toBeUndefined();
      const at = (m: number) => formatInstant(start + m * 60_000, 'Asia/Shanghai');
      const created = await call(
        'huaian.staff',
        'mutation ($i: CreateTicketInput!) { createTicket(input: $i) { id } }',
        {
          i: { contractId, category: '软件错误', severity: 'L1', title: '长期整改', at: at(0) },
        },
      );
      expect(created.errors).toBeUndefined();
      ticketId = (created.data?.createTicket as { id: string }).id;
      for (const [who, action, m] of [
        ['huaian.admin', 'confirm', 5],
        ['vendor', 'receive', 10],
      ] as const) {
        const r = await call(who, 'mutation ($i: TransitionTicketInput!) { transitionTicket(input: $i) { id } }', {
          i: { ticketId, action, at: at(m) },
        });
        expect(r.errors).toBeUndefined();
      }
      await settle();
      before = ((await call('huaian.admin', HISTORY, { id: ticketId })).data?.ticketSlaHistory as Stored[])[0];
    }, 180_000);

    afterAll(async () => {
      await worker?.stop();
      await api?.close();
    });

    it('before: 2027 is provisional; the ticket is warned with its deadline marked 暂定', async () => {
      const national = (await call('huaian.staff', NATIONAL)).data?.nationalCalendar as {
        version: string;
        years: { year: number; status: string }[];
      };
      expect(national.years.find((y) => y.year === 2027)?.status).toBe('provisional');
      expect(national.version).toMatch(/\+provisional-2027\.\.2030$/);
      const rectify = before.targets.find((t) => t.targetId === 'rectify') as Target;
      expect(rectify).toMatchObject({ status: 'running', provisional: true });
      expect(rectify.deadline >= '2027-01-04').toBe(true);
      expect(before.calendarVersion.startsWith(`${national.version}+cfg-`)).toBe(true);
      const warned = ((await call('huaian.admin', NOTICES, { c: contractId })).data?.notifications as Notice[]).filter(
        (n) => n.ticketId === ticketId && n.details.targetId === 'rectify',
      );
      expect(warned).toHaveLength(1);
      expect(warned[0].message).toContain('（暂定）');
    });

    it('bad input: every problem with its path, nothing stored; only the platform admin publishes', async () => {
      const count = await rows();
      const bad = await call('admin', PUBLISH, {
        i: {
          year: 2027,
          notice,
          holidays: [
            { date: '2027-01-01', name: '元旦' },
            { date: '2028-01-01', name: '元旦' },
            { date: '2027-01-01', name: '元旦' },
          ],
          makeUpWorkdays: [{ date: '2027-01-06', name: '元旦' }],
        },
      });
      expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect((bad.errors?.[0].extensions.problems ?? []).map((p) => [p.path, p.code])).toEqual([
        ['input.holidays[1].date', 'calendar.dateOutsideYear'],
        ['input.holidays[2].date', 'list.duplicate'],
        ['input.makeUpWorkdays[0].date', 'calendar.makeUpNotWeekend'],
      ]);
      const shipped = await call('admin', PUBLISH, {
        i: { year: 2026, notice: { ...notice, date: '2025-11-04' }, holidays: [{ date: '2026-01-01', name: '元旦' }] },
      });
      expect((shipped.errors?.[0].extensions.problems ?? []).map((p) => [p.path, p.code])).toEqual([
        ['input.reason', 'calendar.correctionReasonRequired'],
      ]);
      const file = await call('admin', PUBLISH_FILE, {
        i: {
          format: 'holiday-cn',
          content: '{"year": 2027, "days": [{"name": "元旦", "date": "2027-01-07", "isOffDay": false}]}',
          notice,
        },
      });
      expect((file.errors?.[0].extensions.problems ?? []).map((p) => [p.path, p.code])).toEqual([
        ['input.content.days[0].date', 'calendar.makeUpNotWeekend'],
        ['input.content.days', 'calendar.noHolidays'],
      ]);
      const buyer = await call('huaian.admin', PUBLISH, {
        i: { year: 2027, notice, holidays: [{ date: '2027-01-01', name: '元旦' }] },
      });
      expect(buyer.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(await rows()).toBe(count);
    });

    it('publishing 2027 moves the deadline: a new result names the old one and its version; the warning is raised again once', async () => {
      const published = await call('admin', PUBLISH, {
        i: {
          year: 2027,
          notice,
          holidays: [{ date: '2027-01-01', name: '元旦' }],
          makeUpWorkdays: [{ date: '2027-01-02', name: '元旦' }],
        },
      });
      expect(published.errors).toBeUndefined();
      const out = published.data?.publishNationalCalendar as {
        year: number;
        revision: number;
        version: string;
        tenantsAsked: number;
      };
      expect(out).toMatchObject({ year: 2027 });
      expect(out.version).toMatch(new RegExp(`\\+rev-${out.revision}\\+provisional-2028\\.\\.`));
      expect(out.tenantsAsked).toBeGreaterThanOrEqual(5);
      await settle();

      const history = (await call('huaian.admin', HISTORY, { id: ticketId })).data?.ticketSlaHistory as Stored[];
      const now = history.find((h) => h.supersedesId === before.id) as Stored;
      expect(now).toBeDefined();
      expect(now).toMatchObject({
        eventCount: before.eventCount,
        previousCalendarVersion: before.calendarVersion,
        provisional: false,
      });
      expect(now.calendarVersion.startsWith(`${out.version}+cfg-`)).toBe(true);
      expect(history.some((h) => h.id === before.id)).toBe(true); // the old result stays
      const was = before.targets.find((t) => t.targetId === 'rectify') as Target;
      const is = now.targets.find((t) => t.targetId === 'rectify') as Target;
      // Saturday 2 January became a working day: the deadline comes one working day earlier.
      expect(Date.parse(is.deadline)).toBeLessThan(Date.parse(was.deadline));
      expect(is.provisional).toBe(false);
      // Targets on a 7×24 clock read no calendar day: unchanged.
      expect(now.targets.filter((t) => t.targetId !== 'rectify' && t.targetId !== 'feedback')).toEqual(
        before.targets.filter((t) => t.targetId !== 'rectify' && t.targetId !== 'feedback'),
      );

      const notes = (await call('huaian.admin', NOTICES, { c: contractId })).data?.notifications as Notice[];
      const rectifyWarnings = notes.filter((n) => n.ticketId === ticketId && n.details.targetId === 'rectify');
      expect(rectifyWarnings).toHaveLength(2);
      const again = rectifyWarnings.find((n) => /-cal-[0-9a-f]{8}$/.test(n.dedupeKey)) as Notice;
      expect(again.message).toContain('按新的国家工作日历重算，原截止');
      expect(again.message).not.toMatch(/截止 [^，]*（暂定），/);
      expect(again.details).toMatchObject({
        previousDeadline: was.deadline,
        previousCalendarVersion: before.calendarVersion,
        provisional: 0,
      });
      const told = notes.filter((n) => n.kind === 'calendar-recomputed');
      expect(told).toHaveLength(1);
      expect(Number(told[0].details.recomputed)).toBeGreaterThanOrEqual(1);
      expect(Number(told[0].details.changed)).toBeGreaterThanOrEqual(1);

      // Idempotent: asking again asks nobody; running a tenant's job again stores and raises nothing.
      expect(await api.app.get(NationalCalendarSync).requestRecompute()).toBe(0);
      const tenantId = (
        await asSuperuser(api.database.name, (c) =>
          c.query('SELECT tenant_id FROM contracts WHERE id = $1', [contractId]),
        )
      ).rows[0].tenant_id as string;
      const job = calendarRecomputeJob(tenantId, out.version, null);
      const rerun = await api.app.get(CalendarRecomputeJob).handle(job.payload, { id: `${job.id}-again`, attempt: 1 });
      expect(rerun).toMatchObject({ superseded: false, recomputed: 0, warnings: 0 });
      expect(((await call('huaian.admin', HISTORY, { id: ticketId })).data?.ticketSlaHistory as Stored[]).length).toBe(
        history.length,
      );
      expect(((await call('huaian.admin', NOTICES, { c: contractId })).data?.notifications as Notice[]).length).toBe(
        notes.length,
      );
    });

    it('after: 2027 is published with its notice; the contract calendar counts Saturday 2 January as a working day', async () => {
      const national = (await call('vendor', NATIONAL)).data?.nationalCalendar as {
        years: { year: number; status: string; source: string | null; notice: { number: string } | null }[];
        publications: { year: number; source: string }[];
      };
      expect(national.years.find((y) => y.year === 2027)).toMatchObject({
        status: 'published',
        source: 'admin',
        notice: { number: notice.number },
      });
      expect(national.years.find((y) => y.year === 2028)?.status).toBe('provisional');
      expect(national.publications[0]).toMatchObject({ year: 2027, source: 'admin' });
      const month = (
        await call(
          'huaian.admin',
          'query ($c: ID!) { workingDays(contractId: $c, month: "2027-01") { provisional days { date kind provisional } } }',
          { c: contractId },
        )
      ).data?.workingDays as { provisional: boolean; days: { date: string; kind: string; provisional: boolean }[] };
      expect(month.provisional).toBe(false);
      expect(month.days.find((d) => d.date === '2027-01-02')?.kind).toBe('make-up-workday');
      // Person-months of a month in a provisional year say so (its working days are provisional); 2027's no longer.
      const contracts = (await call('vendor', '{ contracts { id presetId } }')).data?.contracts as {
        id: string;
        presetId: string | null;
      }[];
      const qinghai = contracts.find((c) => c.presetId === 'qinghai-hospital-3y')?.id as string;
      const save = `mutation ($i: SaveMonthlyReportInput!) { saveMonthlyReport(input: $i) { month summary { personMonths { planned provisional } } summaryError } }`;
      for (const [m, provisional] of [
        ['2027-01', false],
        ['2028-01', true],
      ] as const) {
        const r = await call('vendor', save, {
          i: { contractId: qinghai, month: m, report: { attendance: [], deliveries: [], serviceEvents: [] } },
        });
        expect(r.errors).toBeUndefined();
        expect(r.data?.saveMonthlyReport).toMatchObject({
          month: m,
          summary: { personMonths: { provisional } },
          summaryError: null,
        });
      }
      // Audited: the publication's row, with the admin as actor.
      const audit = await asSuperuser(api.database.name, (c) =>
        c.query(
          `SELECT action, actor_user_id FROM audit_log WHERE table_name = 'national_calendar_years' AND after->>'source' = 'admin'`,
        ),
      );
      expect(audit.rows).toHaveLength(1);
      expect(audit.rows[0].actor_user_id).not.toBeNull();
    });

    it('a newer release that ships 2027 differently loads it at start as a new version and asks the same recomputation; a second start loads nothing', async () => {
      const sync = api.app.get(NationalCalendarSync);
      const count = await rows();
      const release = {
        version: 'cn-national@2027.1+chinese-days-test',
        years: [
          ...CN_NATIONAL_CALENDAR.years,
          {
            year: 2027,
            status: 'published' as const,
            holidays: [1, 2, 3].map((d) => ({ date: `2027-01-0${d}`, name: '元旦' })),
            makeUpWorkdays: [],
          },
        ],
      };
      const first = await sync.sync(release);
      expect(first.loaded).toEqual([2027]);
      expect(first.tenants).toBeGreaterThanOrEqual(5);
      await settle();
      expect(await rows()).toBe(count + 1);
      const history = (await call('huaian.admin', HISTORY, { id: ticketId })).data?.ticketSlaHistory as Stored[];
      const latest = history.find((h) => h.calendarVersion.includes(`+rev-${count + 1}+`)) as Stored;
      expect(latest.previousCalendarVersion).toMatch(/\+rev-\d+\+provisional-2028/);
      expect(await sync.sync(release)).toEqual({ loaded: [], tenants: 0 });
      expect(await rows()).toBe(count + 1);
    });
  },
);
