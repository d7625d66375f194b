import {
  SLA_EXPLANATION_CODES,
  STOP_EVENTS,
  buildCalendar,
  evaluateTicketSla,
  type SlaBudgetKind,
  type SlaPolicy,
} from '@ledger/sla';
import { LOCALES } from '../../apps/web/src/i18n/messages';
import {
  slaDeadlineText,
  slaElapsedText,
  slaExplanationText,
  slaUsedText,
  type SlaExplanationData,
} from '../../apps/web/src/features/tickets/ticket-sla-format';
import { ticketSlaMessages } from '../../apps/web/src/features/tickets/ticket-sla-messages';

const BUDGETS: SlaBudgetKind[] = ['minutes', 'working-days', 'working-days-end-of-day'];
const dictionary = (locale: (typeof LOCALES)[number]): Record<string, string> => ticketSlaMessages[locale];
/** As the API sends it: the engine's parameters as name/value strings. */
const asApi = (e: { code: string; params: Record<string, string | number> }): SlaExplanationData => ({
  code: e.code,
  params: Object.entries(e.params).map(([name, value]) => ({ name, value: String(value) })),
});

const POLICY: SlaPolicy = {
  severities: [{ id: 'L2', name: '二级', rank: 2 }],
  targets: [
    {
      id: 'response',
      name: '电话响应',
      severities: ['L2'],
      metric: 'response',
      stopEvent: 'responded',
      clock: 'calendar',
      duration: { minutes: 5 },
    },
    {
      id: 'on-site',
      name: '人员到场时限',
      severities: ['L2'],
      metric: 'on-site',
      stopEvent: 'on-site',
      clock: 'calendar',
      duration: { minutes: 60 },
    },
    {
      id: 'resolution',
      name: '故障解决',
      severities: ['L2'],
      metric: 'resolution',
      stopEvent: 'resolved',
      clock: 'calendar',
      duration: { minutes: 720 },
    },
    {
      id: 'feedback',
      name: '反馈',
      severities: ['L2'],
      metric: 'feedback',
      stopEvent: 'feedback',
      clock: 'working',
      duration: { workingDays: 1, mode: 'elapsed' },
    },
  ],
};
const calendar = buildCalendar({});

describe('SLA explanations rendered from the dictionaries (domain rule 19)', () => {
  it.each(LOCALES)('every explanation code, stop event, clock and budget of the engine has a %s text', (locale) => {
    const d = dictionary(locale);
    const missing = [
      ...SLA_EXPLANATION_CODES.filter((c) => !d[c]),
      ...STOP_EVENTS.filter((s) => !d[`stop.${s}`]).map((s) => `stop.${s}`),
      ...['calendar', 'working'].filter((c) => !d[`clock.${c}`]).map((c) => `clock.${c}`),
      ...BUDGETS.filter((b) => !d[`budget.${b}`]).map((b) => `budget.${b}`),
    ];
    expect(missing).toEqual([]);
  });

  it('the Chinese texts are Chinese: no English word in them', () => {
    for (const [key, text] of Object.entries(dictionary('zh-CN')))
      expect([key, text.replace(/\{\w+\}/g, '').match(/[A-Za-z]{2,}/g)]).toEqual([key, null]);
  });

  // The demo's figures: an L2 ticket received 2026-09-07 09:00; open, the on-site clock runs 18 days; closed, it is not recorded.
  const events = [
    { kind: 'received' as const, at: '2026-09-07T09:00:00+08:00' },
    { kind: 'responded' as const, at: '2026-09-07T09:03:00+08:00' },
    { kind: 'feedback' as const, at: '2026-09-07T11:00:00+08:00' },
  ];
  const open = evaluateTicketSla({
    ticket: { severity: 'L2', events },
    policy: POLICY,
    calendar,
    now: '2026-09-25T11:00:00+08:00',
  });
  const closed = evaluateTicketSla({
    ticket: { severity: 'L2', events: [...events, { kind: 'closed', at: '2026-09-14T10:00:00+08:00' }] },
    policy: POLICY,
    calendar,
    now: '2027-03-01T09:00:00+08:00',
  });
  const by = (r: typeof open, id: string) => r.targets.find((t) => t.targetId === id) as (typeof open.targets)[number];

  it('an open ticket 18 days past its on-site deadline: overtime as a duration, the percentage capped', () => {
    const x = by(open, 'on-site');
    expect(x).toMatchObject({ status: 'breached', breachMinutes: 25_980 });
    expect(slaUsedText(x, 'zh-CN')).toBe('> 999 %（超时 18 天 1 小时）');
    expect(slaUsedText(x, 'en')).toBe('> 999 %（over by 18 d 1 h）');
    expect(slaElapsedText(x, 'zh-CN')).toBe('18 天 2 小时 / 1 小时');
    expect(slaExplanationText(asApi(x.explanation), 'zh-CN')).toBe(
      '7×24 小时计时：2026-09-07 09:00 起计时，尚未人员到场；至 2026-09-25 11:00 已超时 18 天 1 小时（时限 1 小时，截止 2026-09-07 10:00）。',
    );
  });

  it('a closed ticket without an on-site event: 未记录, no percentage, no clock running to today', () => {
    const x = by(closed, 'on-site');
    expect(x.status).toBe('not_recorded');
    expect(slaUsedText(x, 'zh-CN')).toBe('未记录');
    expect(slaUsedText(x, 'en')).toBe('Not recorded');
    expect(slaElapsedText(x, 'zh-CN')).toBe('至结束 7 天 1 小时 / 1 小时');
    expect(slaExplanationText(asApi(x.explanation), 'zh-CN')).toBe(
      '联系单已于 2026-09-14 10:00 结束，未记录人员到场：不计达标或超时，单独统计（7×24 小时计时，时限 1 小时）。',
    );
    expect(slaExplanationText(asApi(x.explanation), 'en')).toBe(
      'The ticket ended at 2026-09-14 10:00 with no arrival on site recorded: neither met nor breached, counted apart (24×7 clock, budget 1 h).',
    );
  });

  it('met and a working-day budget', () => {
    const x = by(closed, 'feedback');
    expect(x.status).toBe('met');
    expect(slaUsedText(x, 'zh-CN')).toBe('26.67 %');
    expect(slaExplanationText(asApi(x.explanation), 'zh-CN')).toBe(
      '工作时间计时：2026-09-07 09:00 起至反馈处理意见（2026-09-07 11:00），用时 2 小时，时限 1 个工作日（7 小时 30 分钟工作时间）（截止 2026-09-08 09:00），达标。',
    );
  });

  it('every code of every result renders fully in both languages: no placeholder, raw key, ISO time or bare minute count left', () => {
    const late = evaluateTicketSla({
      ticket: { severity: 'L2', events: [events[0], { kind: 'responded', at: '2026-09-07T09:12:00+08:00' }] },
      policy: POLICY,
      calendar,
      now: '2026-09-07T09:30:00+08:00',
    });
    const results = [
      open,
      closed,
      late,
      evaluateTicketSla({
        ticket: { severity: 'L2', events: events.slice(0, 1) },
        policy: POLICY,
        calendar,
        now: '2026-09-07T09:02:00+08:00',
      }),
    ];
    const seen = new Set<string>();
    for (const r of results) {
      for (const x of r.targets) {
        seen.add(x.explanation.code);
        for (const locale of LOCALES) {
          const text = slaExplanationText(asApi(x.explanation), locale);
          expect(text).not.toMatch(/\{\w+\}|sla\.|T\d{2}:\d{2}|\+08:00|undefined|NaN/);
        }
      }
    }
    expect([...seen].sort()).toEqual([...SLA_EXPLANATION_CODES].sort());
  });

  it('a deadline on a provisional calendar year says 暂定 / provisional (domain rule 18); a final one says nothing more', () => {
    const late = evaluateTicketSla({
      ticket: { severity: 'L2', events: [{ kind: 'received', at: '2026-12-31T16:00:00+08:00' }] },
      policy: POLICY,
      calendar,
      now: '2026-12-31T16:30:00+08:00',
    });
    const x = by(late, 'feedback');
    expect(x).toMatchObject({ deadline: '2027-01-04T16:00:00+08:00', provisional: true });
    expect(slaDeadlineText(x, 'zh-CN')).toBe('2027-01-04 16:00（暂定）');
    expect(slaDeadlineText(x, 'en')).toBe('2027-01-04 16:00 (provisional)');
    expect(slaDeadlineText(by(open, 'on-site'), 'zh-CN')).toBe('2026-09-07 10:00');
  });

  it('an unknown code is shown as such, never as the raw key', () => {
    expect(slaExplanationText({ code: 'sla.future', params: [] }, 'zh-CN')).toBe('（无法显示的说明）');
  });
});
