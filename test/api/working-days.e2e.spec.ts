import { readFileSync } from 'fs';
import { join } from 'path';
import { startApi, type TestApi } from './api-app';

type Gql = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: { code: string; problems?: { path: string; message: string }[] } }[];
};
type Day = { date: string; working: boolean; kind: string; name: string | null; weekday: number };
type WorkingDays = {
  contractId: string;
  month: string;
  calendarVersion: string;
  configVersion: number;
  workingDayCount: number;
  days: Day[];
};

const QUERY =
  'query ($c: ID!, $m: String!) { workingDays(contractId: $c, month: $m) { contractId month calendarVersion configVersion workingDayCount days { date working kind name weekday } } }';
const PROVISIONAL =
  'query ($c: ID!, $m: String!) { workingDays(contractId: $c, month: $m) { month calendarVersion workingDayCount provisional days { date kind name provisional } } }';

/** The national calendar's 2026 data (libs/sla/src/data/cn-national-calendar.json), day by day. */
describe('workingDays: a month on the contract calendar (real PostgreSQL, demo seed)', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let xuzhou = '';
  const call = async (who: string, variables: Record<string, unknown>): Promise<Gql> =>
    (await api.gql(QUERY, variables, tokens[who])).body as Gql;
  const month = async (who: string, m: string): Promise<WorkingDays> => {
    const r = await call(who, { c: xuzhou, m });
    expect(r.errors).toBeUndefined();
    return r.data?.workingDays as WorkingDays;
  };
  const summary = (w: WorkingDays) =>
    w.days.filter((d) => d.kind !== 'workday' && d.kind !== 'weekend').map((d) => `${d.date} ${d.kind} ${d.name}`);

  beforeAll(async () => {
    api = await startApi({ SEED_DEMO: 'auto' });
    for (const who of ['admin', 'vendor', 'xuzhou.staff', 'xuzhou.finance', 'huaian.admin'])
      tokens[who] = await api.login(`${who}@demo.local`);
    xuzhou = (
      (await api.gql('{ contracts { id code } }', {}, tokens['xuzhou.staff'])).body.data.contracts as {
        id: string;
        code: string;
      }[]
    ).find((c) => c.code === 'xuzhou-2026')?.id as string;
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('October 2026: 国庆节 1–7 October off, Saturday 10 October a make-up working day, 18 working days', async () => {
    const w = await month('xuzhou.staff', '2026-10');
    expect(w).toMatchObject({ contractId: xuzhou, month: '2026-10', configVersion: 1, workingDayCount: 18 });
    expect(w.days).toHaveLength(31);
    expect(w.days.slice(0, 12)).toEqual([
      { date: '2026-10-01', working: false, kind: 'holiday', name: '国庆节', weekday: 4 },
      { date: '2026-10-02', working: false, kind: 'holiday', name: '国庆节', weekday: 5 },
      { date: '2026-10-03', working: false, kind: 'holiday', name: '国庆节', weekday: 6 },
      { date: '2026-10-04', working: false, kind: 'holiday', name: '国庆节', weekday: 7 },
      { date: '2026-10-05', working: false, kind: 'holiday', name: '国庆节', weekday: 1 },
      { date: '2026-10-06', working: false, kind: 'holiday', name: '国庆节', weekday: 2 },
      { date: '2026-10-07', working: false, kind: 'holiday', name: '国庆节', weekday: 3 },
      { date: '2026-10-08', working: true, kind: 'workday', name: null, weekday: 4 },
      { date: '2026-10-09', working: true, kind: 'workday', name: null, weekday: 5 },
      { date: '2026-10-10', working: true, kind: 'make-up-workday', name: '国庆节补班', weekday: 6 },
      { date: '2026-10-11', working: false, kind: 'weekend', name: null, weekday: 7 },
      { date: '2026-10-12', working: true, kind: 'workday', name: null, weekday: 1 },
    ]);
    expect(w.days.filter((d) => d.working).map((d) => Number(d.date.slice(8)))).toEqual([
      8, 9, 10, 12, 13, 14, 15, 16, 19, 20, 21, 22, 23, 26, 27, 28, 29, 30,
    ]);
    expect(w.days.filter((d) => d.kind === 'weekend').map((d) => Number(d.date.slice(8)))).toEqual([
      11, 17, 18, 24, 25, 31,
    ]);
    // The version is the one the SLA results of the contract are stored with.
    const history = (
      await api.gql('query ($c: ID!) { tickets(contractId: $c) { id } }', { c: xuzhou }, tokens['xuzhou.staff'])
    ).body.data.tickets as { id: string }[];
    const stored = (
      await api.gql(
        'query ($id: ID!) { ticketSlaHistory(ticketId: $id) { calendarVersion } }',
        { id: history[0].id },
        tokens['xuzhou.staff'],
      )
    ).body.data.ticketSlaHistory as { calendarVersion: string }[];
    expect(w.calendarVersion).toBe(stored[0].calendarVersion);
  });

  it('September 2026 (调休): 中秋 25–27 September off, Sunday 20 September a make-up working day for 国庆', async () => {
    const w = await month('vendor', '2026-09');
    expect(summary(w)).toEqual([
      '2026-09-20 make-up-workday 国庆节补班',
      '2026-09-25 holiday 中秋',
      '2026-09-26 holiday 中秋',
      '2026-09-27 holiday 中秋',
    ]);
    expect(w.days.find((d) => d.date === '2026-09-20')).toEqual({
      date: '2026-09-20',
      working: true,
      kind: 'make-up-workday',
      name: '国庆节补班',
      weekday: 7,
    });
    // 22 weekdays, less Friday 25 September, plus Sunday 20 September.
    expect(w.workingDayCount).toBe(22);
    const feb = await month('xuzhou.finance', '2026-02');
    expect(summary(feb).filter((s) => s.includes('make-up'))).toEqual([
      '2026-02-14 make-up-workday 春节补班',
      '2026-02-28 make-up-workday 春节补班',
    ]);
    expect(feb.days.filter((d) => d.kind === 'holiday').map((d) => Number(d.date.slice(8)))).toEqual([
      15, 16, 17, 18, 19, 20, 21, 22, 23,
    ]);
  });

  it('out of reach is NOT_FOUND; a bad month is refused at its path; a year outside the calendar is not guessed', async () => {
    for (const who of ['huaian.admin', 'admin'])
      expect((await call(who, { c: xuzhou, m: '2026-10' })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await call('xuzhou.staff', { c: 'not-a-uuid', m: '2026-10' })).errors?.[0].extensions.code).toBe(
      'NOT_FOUND',
    );
    expect((await call('xuzhou.staff', { c: xuzhou, m: '2026-13' })).errors?.[0].extensions.problems).toEqual([
      { path: 'month', code: 'month.format', params: {}, message: 'must be a month YYYY-MM' },
    ]);
    const national = JSON.parse(
      readFileSync(join(__dirname, '../../libs/sla/src/data/cn-national-calendar.json'), 'utf8'),
    ) as { years: { year: number }[] };
    const years = national.years.map((y) => y.year);
    // Four provisional years follow the published ones (domain rule 18); past them, and before the first, nothing is guessed.
    for (const m of [`${Math.max(...years) + 5}-01`, `${Math.min(...years) - 1}-12`]) {
      expect((await call('xuzhou.staff', { c: xuzhou, m })).errors?.[0].extensions.code).toBe('CALENDAR_NOT_PUBLISHED');
    }
  });

  it('January 2027 is on the provisional calendar: 元旦 off, no 调休, every day marked provisional', async () => {
    const r = await api.gql(PROVISIONAL, { c: xuzhou, m: '2027-01' }, tokens['vendor']);
    expect(r.body.errors).toBeUndefined();
    const w = r.body.data.workingDays as {
      calendarVersion: string;
      workingDayCount: number;
      provisional: boolean;
      days: { date: string; kind: string; name: string | null; provisional: boolean }[];
    };
    expect(w.provisional).toBe(true);
    expect(w.days.every((d) => d.provisional)).toBe(true);
    expect(w.days.filter((d) => d.kind === 'holiday')).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦', provisional: true },
    ]);
    expect(w.workingDayCount).toBe(20); // 21 weekdays less Friday 1 January
    expect(w.calendarVersion).toContain('+provisional-2027..2030');
    const dec = (await api.gql(PROVISIONAL, { c: xuzhou, m: '2026-12' }, tokens['vendor'])).body.data.workingDays as {
      provisional: boolean;
      days: { provisional: boolean }[];
    };
    expect(dec.provisional).toBe(false);
    expect(dec.days.some((d) => d.provisional)).toBe(false);
  });
});
