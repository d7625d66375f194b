import fc from 'fast-check';
import {
  CalendarNotPublishedError,
  SLA_EXPLANATION_CODES,
  buildCalendar,
  evaluateTicketSla,
  summariseSlaStatus,
  type SlaPolicy,
  type TicketEvent,
  type TicketSlaInput,
} from './index';

/**
 * Xuzhou 2026 (seed 000, §2.3.6.4): phone response 5 min for all levels; on site L4 1 h, L3 2 h,
 * L2 3 h, L1 4 h; resolution L4/L3 4 h, L2/L1 12 h. The seed promises 7×24 response and gives the
 * table in hours with no working-time qualifier, so these run on the calendar clock. Its process
 * section adds "于一个工作日内反馈处理意见" (feedback within one working day): a working clock.
 */
const XUZHOU: SlaPolicy = {
  severities: [
    { id: 'L1', name: '一级（普通）', rank: 1 },
    { id: 'L2', name: '二级（较严重）', rank: 2 },
    { id: 'L3', name: '三级（严重）', rank: 3 },
    { id: 'L4', name: '四级（紧急）', rank: 4 },
  ],
  targets: [
    {
      id: 'phone-response',
      name: '电话响应 5 分钟',
      severities: ['L1', 'L2', 'L3', 'L4'],
      metric: 'response',
      stopEvent: 'responded',
      clock: 'calendar',
      duration: { minutes: 5 },
    },
    {
      id: 'on-site-l4',
      name: '人员到场 1 小时',
      severities: ['L4'],
      metric: 'on-site',
      stopEvent: 'on-site',
      clock: 'calendar',
      duration: { minutes: 60 },
    },
    {
      id: 'on-site-l3',
      name: '人员到场 2 小时',
      severities: ['L3'],
      metric: 'on-site',
      stopEvent: 'on-site',
      clock: 'calendar',
      duration: { minutes: 120 },
    },
    {
      id: 'on-site-l2',
      name: '人员到场 3 小时',
      severities: ['L2'],
      metric: 'on-site',
      stopEvent: 'on-site',
      clock: 'calendar',
      duration: { minutes: 180 },
    },
    {
      id: 'on-site-l1',
      name: '人员到场 4 小时',
      severities: ['L1'],
      metric: 'on-site',
      stopEvent: 'on-site',
      clock: 'calendar',
      duration: { minutes: 240 },
    },
    {
      id: 'resolution-4h',
      name: '故障解决 4 小时',
      severities: ['L4', 'L3'],
      metric: 'resolution',
      stopEvent: 'resolved',
      clock: 'calendar',
      duration: { minutes: 240 },
    },
    {
      id: 'resolution-12h',
      name: '故障解决 12 小时',
      severities: ['L2', 'L1'],
      metric: 'resolution',
      stopEvent: 'resolved',
      clock: 'calendar',
      duration: { minutes: 720 },
    },
    {
      id: 'feedback',
      name: '一个工作日内反馈处理意见',
      severities: ['L1', 'L2', 'L3', 'L4'],
      metric: 'feedback',
      stopEvent: 'feedback',
      clock: 'working',
      duration: { workingDays: 1, mode: 'elapsed' },
    },
  ],
};

const calendar = buildCalendar({});
const at = (local: string): string => `${local}:00+08:00`;
const ev = (kind: TicketEvent['kind'], local: string): TicketEvent => ({ kind, at: at(local) });

function run(
  severity: string,
  events: TicketEvent[],
  now: string,
  pauses: { from: string; to: string }[] = [],
  policy = XUZHOU,
) {
  const input: TicketSlaInput = {
    ticket: { severity, events, pauses: pauses.map((p) => ({ from: at(p.from), to: at(p.to) })) },
    policy,
    calendar,
    now: at(now),
  };
  const result = evaluateTicketSla(input);
  return { result, byId: Object.fromEntries(result.targets.map((t) => [t.targetId, t])) };
}

describe('evaluateTicketSla with the Xuzhou targets', () => {
  it('all met: L4 on the Friday before Spring Festival, feedback on the make-up Saturday', () => {
    const { result, byId } = run(
      'L4',
      [
        ev('received', '2026-02-13T15:00'),
        ev('responded', '2026-02-13T15:03'),
        ev('on-site', '2026-02-13T15:50'),
        ev('resolved', '2026-02-13T18:30'),
        ev('feedback', '2026-02-14T10:00'),
      ],
      '2026-02-14T12:00',
    );
    expect(result.calendarVersion).toBe(calendar.version);
    expect(result.targets.map((t) => t.targetId)).toEqual([
      'phone-response',
      'on-site-l4',
      'resolution-4h',
      'feedback',
    ]);
    expect(byId['phone-response']).toMatchObject({
      clock: 'calendar',
      elapsedMinutes: 3,
      targetMinutes: 5,
      status: 'met',
      breachMinutes: 0,
      percentUsed: '60.00',
      deadline: '2026-02-13T15:05:00+08:00',
    });
    expect(byId['on-site-l4']).toMatchObject({
      elapsedMinutes: 50,
      targetMinutes: 60,
      status: 'met',
      percentUsed: '83.33',
    });
    expect(byId['resolution-4h']).toMatchObject({
      elapsedMinutes: 210,
      targetMinutes: 240,
      status: 'met',
      stop: '2026-02-13T18:30:00+08:00',
    });
    // Working clock: Fri 15:00–17:30 (150) + make-up Sat 08:30–10:00 (90).
    expect(byId['feedback']).toMatchObject({
      clock: 'working',
      elapsedMinutes: 240,
      targetMinutes: 450,
      status: 'met',
      deadline: '2026-02-14T15:00:00+08:00',
    });
    expect(byId['feedback'].explanation).toEqual({
      code: 'sla.met',
      params: {
        target: '一个工作日内反馈处理意见',
        clock: 'working',
        startsAt: 'received',
        stopEvent: 'feedback',
        start: '2026-02-13T15:00:00+08:00',
        until: '2026-02-14T10:00:00+08:00',
        elapsedMinutes: 240,
        pausedMinutes: 0,
        targetMinutes: 450,
        budget: 'working-days',
        workingDays: '1',
        deadline: '2026-02-14T15:00:00+08:00',
        overMinutes: 0,
        remainingMinutes: 210,
        percentUsed: '53.33',
      },
    });
  });

  it('breached: L2 on the eve of National Day, with the breach in minutes', () => {
    const { byId } = run(
      'L2',
      [
        ev('received', '2026-09-30T16:00'),
        ev('responded', '2026-09-30T16:07'),
        ev('on-site', '2026-09-30T19:30'),
        ev('resolved', '2026-10-01T05:00'),
        ev('feedback', '2026-10-08T10:00'),
      ],
      '2026-10-08T12:00',
    );
    expect(byId['phone-response']).toMatchObject({
      elapsedMinutes: 7,
      status: 'breached',
      breachMinutes: 2,
      percentUsed: '140.00',
    });
    expect(byId['on-site-l2']).toMatchObject({
      elapsedMinutes: 210,
      targetMinutes: 180,
      status: 'breached',
      breachMinutes: 30,
    });
    expect(byId['resolution-12h']).toMatchObject({
      elapsedMinutes: 780,
      targetMinutes: 720,
      status: 'breached',
      breachMinutes: 60,
      deadline: '2026-10-01T04:00:00+08:00',
    });
    // The holiday does not count on the working clock: 16:00–17:30 + 10-08 08:30–10:00.
    expect(byId['feedback']).toMatchObject({
      elapsedMinutes: 180,
      status: 'met',
      deadline: '2026-10-08T16:00:00+08:00',
    }); // 16:00 → 16:00 next working day
    expect(byId['on-site-l2'].explanation).toMatchObject({
      code: 'sla.breached',
      params: { overMinutes: 30, until: '2026-09-30T19:30:00+08:00', budget: 'minutes', workingDays: '0' },
    });
  });

  it('running with a buyer-approved pause; breached once now passes the pushed-out deadline', () => {
    const events = [ev('received', '2026-03-09T09:00'), ev('responded', '2026-03-09T09:02')];
    const pauses = [
      { from: '2026-03-09T10:00', to: '2026-03-09T11:30' },
      { from: '2026-03-09T11:00', to: '2026-03-09T12:00' }, // overlaps the first: merged, counted once
    ];
    const atDeadline = run('L1', events, '2026-03-09T15:00', pauses).byId;
    expect(atDeadline['on-site-l1']).toMatchObject({
      stop: null,
      elapsedMinutes: 240,
      pausedMinutes: 120,
      targetMinutes: 240,
      status: 'running',
      percentUsed: '100.00',
      deadline: '2026-03-09T15:00:00+08:00',
    });
    expect(atDeadline['resolution-12h']).toMatchObject({
      elapsedMinutes: 240,
      status: 'running',
      deadline: '2026-03-09T23:00:00+08:00',
    });
    // Working clock: 09:00–10:00 (60) + 13:30–15:00 (90); the pause took 10:00–12:00 (120 working min).
    expect(atDeadline['feedback']).toMatchObject({
      elapsedMinutes: 150,
      pausedMinutes: 120,
      status: 'running',
      deadline: '2026-03-10T11:00:00+08:00',
    });

    const later = run('L1', events, '2026-03-09T15:01', pauses).byId;
    expect(later['on-site-l1']).toMatchObject({ status: 'breached', breachMinutes: 1, elapsedMinutes: 241 });
  });

  it('working clock: a stop after hours right after a 17:30 deadline used no more working time — met; the next morning is breached', () => {
    const events = [ev('received', '2026-03-09T08:30')];
    const evening = run('L3', [...events, ev('feedback', '2026-03-09T18:00')], '2026-03-10T09:00').byId['feedback'];
    expect(evening).toMatchObject({ deadline: '2026-03-09T17:30:00+08:00', elapsedMinutes: 450, status: 'met' });
    const morning = run('L3', [...events, ev('feedback', '2026-03-10T08:31')], '2026-03-10T09:00').byId['feedback'];
    expect(morning).toMatchObject({ elapsedMinutes: 451, status: 'breached', breachMinutes: 1 });
  });

  it('uses the first occurrence of the stop event', () => {
    const { byId } = run(
      'L4',
      [ev('received', '2026-03-09T09:00'), ev('responded', '2026-03-09T09:20'), ev('responded', '2026-03-09T09:04')],
      '2026-03-09T10:00',
    );
    expect(byId['phone-response']).toMatchObject({ stop: '2026-03-09T09:04:00+08:00', status: 'met' });
  });

  it('an "end-of-day" working-day target: budget from receipt to close of business of the Nth working day after it', () => {
    const policy: SlaPolicy = {
      severities: XUZHOU.severities,
      targets: [
        {
          id: 'close',
          name: '两个工作日内关闭',
          severities: ['L1'],
          metric: 'closure',
          stopEvent: 'closed',
          clock: 'working',
          duration: { workingDays: 2, mode: 'end-of-day' },
        },
      ],
    };
    const { byId } = run(
      'L1',
      [ev('received', '2026-02-13T15:00'), ev('closed', '2026-02-24T16:00')],
      '2026-02-25T09:00',
      [],
      policy,
    );
    // Day 1 = make-up Saturday 02-14, day 2 = 02-24 → 17:30; budget 150 + 450 + 450; closed after 150 + 450 + 360.
    expect(byId['close']).toMatchObject({
      targetMinutes: 1050,
      deadline: '2026-02-24T17:30:00+08:00',
      elapsedMinutes: 960,
      status: 'met',
    });
  });

  describe('provisional years (domain rule 18, worked example H)', () => {
    // Feedback within 3 working days (example H) beside the 1-day feedback of the other levels.
    const H: SlaPolicy = {
      ...XUZHOU,
      targets: [
        ...XUZHOU.targets.map((t) => (t.id === 'feedback' ? { ...t, severities: ['L2', 'L3', 'L4'] } : t)),
        {
          id: 'feedback-3d',
          name: '三个工作日内反馈',
          severities: ['L1'],
          metric: 'feedback',
          stopEvent: 'feedback',
          clock: 'working',
          duration: { workingDays: 3, mode: 'elapsed' },
        },
      ],
    };

    it('feedback within 3 working days from Thu 2026-12-31 10:00 is due Wed 2027-01-06 10:00, provisional', () => {
      const { result, byId } = run(
        'L1',
        [ev('received', '2026-12-31T10:00'), ev('responded', '2026-12-31T10:03')],
        '2026-12-31T12:00',
        [],
        H,
      );
      expect(byId['feedback-3d']).toMatchObject({
        status: 'running',
        deadline: '2027-01-06T10:00:00+08:00',
        targetMinutes: 1350,
        provisional: true,
      });
      // The 1-day feedback of the other levels: due Mon 2027-01-04 10:00, also on the provisional 2027.
      expect(run('L2', [ev('received', '2026-12-31T10:00')], '2026-12-31T12:00').byId['feedback']).toMatchObject({
        deadline: '2027-01-04T10:00:00+08:00',
        provisional: true,
      });
      // A 7×24 clock in minutes reads no calendar day.
      expect(byId['phone-response']).toMatchObject({ status: 'met', provisional: false });
      expect(result.provisional).toBe(true);
      expect(result.calendarVersion).toMatch(/\+provisional-2027\.\.2030\+cfg-/);
    });

    it('a clock stopped before the year ends is not provisional, though its deadline would have been', () => {
      const { result, byId } = run(
        'L1',
        [ev('received', '2026-12-31T10:00'), ev('responded', '2026-12-31T10:03'), ev('feedback', '2026-12-31T16:00')],
        '2027-01-05T12:00',
        [],
        H,
      );
      expect(byId['feedback-3d']).toMatchObject({
        status: 'met',
        stop: '2026-12-31T16:00:00+08:00',
        provisional: false,
      });
      expect(result.provisional).toBe(false);
    });

    it('a clock read on into 2027 past a 2026 deadline is provisional (its overrun counts 2027 days)', () => {
      const { byId } = run(
        'L1',
        [ev('received', '2026-12-29T10:00'), ev('responded', '2026-12-29T10:01')],
        '2027-01-04T12:00',
      );
      expect(byId['feedback']).toMatchObject({
        status: 'breached',
        deadline: '2026-12-30T10:00:00+08:00',
        provisional: true,
      });
    });

    it('a 2026-only ticket is not provisional', () => {
      const { result } = run(
        'L1',
        [ev('received', '2026-12-28T10:00'), ev('responded', '2026-12-28T10:03'), ev('feedback', '2026-12-28T16:00')],
        '2026-12-29T12:00',
        [],
        H,
      );
      expect(result.targets.every((t) => !t.provisional)).toBe(true);
      expect(result.provisional).toBe(false);
    });

    it('a working clock before 2020 or after the provisional range still fails closed; a 7×24-only policy still evaluates', () => {
      for (const day of ['2019-12-30', '2031-01-06']) {
        const events = [ev('received', `${day}T09:00`), ev('responded', `${day}T09:03`)];
        expect(() => run('L4', events, `${day}T10:00`)).toThrow(CalendarNotPublishedError);
        expect(() => run('L4', events, `${day}T10:00`)).toThrow(new RegExp(day.slice(0, 4)));
        const calendarOnly = { ...XUZHOU, targets: XUZHOU.targets.filter((t) => t.clock === 'calendar') };
        expect(run('L4', events, `${day}T10:00`, [], calendarOnly).byId['phone-response']).toMatchObject({
          status: 'met',
          provisional: false,
        });
      }
    });
  });

  it('rejects bad input with every problem', () => {
    const input = {
      ticket: {
        severity: 'L9',
        events: [ev('responded', '2026-03-09T09:00'), { kind: 'resolved' as const, at: '2026-03-09 10:00' }],
      },
      policy: XUZHOU,
      calendar,
      now: at('2026-03-09T10:00'),
    };
    expect(() => evaluateTicketSla(input)).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        problems: [
          expect.objectContaining({
            path: 'ticket.severity',
            code: 'unknown.severity',
            params: { value: 'L9', known: 'L1, L2, L3, L4' },
          }),
          expect.objectContaining({
            path: 'ticket.events[1].at',
            code: 'instant.isoOffset',
            params: { value: '2026-03-09 10:00' },
            message: expect.stringContaining('not an ISO-8601 instant'),
          }),
          expect.objectContaining({
            path: 'ticket.events',
            code: 'sla.noReceipt',
            message: 'no "received" (签收) event: the clocks have no start',
          }),
        ],
      }),
    );
    expect(() =>
      run(
        'L1',
        [ev('received', '2026-03-09T09:00'), { kind: 'arrived' as TicketEvent['kind'], at: at('2026-03-09T09:30') }],
        '2026-03-09T10:00',
      ),
    ).toThrow(/ticket.events\[1\].kind: unknown event kind "arrived"/);
    expect(() =>
      run('L1', [ev('received', '2026-03-09T09:00'), ev('responded', '2026-03-09T08:00')], '2026-03-09T10:00'),
    ).toThrow(/precedes receipt/);
    expect(() => run('L1', [ev('received', '2026-03-09T09:00')], '2026-03-09T08:00')).toThrow(
      /now: the evaluation instant precedes receipt/,
    );
    expect(() =>
      evaluateTicketSla({
        ticket: { severity: 'L1', events: [] },
        policy: { ...XUZHOU, severities: [] },
        calendar,
        now: 0,
      }),
    ).toThrow(/policy.severities/);
  });
});

/* Clock start and coverage per severity (domain.md rule 13, worked example G). */
describe('evaluateTicketSla: start event and coverage', () => {
  const policy: SlaPolicy = {
    severities: XUZHOU.severities,
    targets: [
      {
        id: 'on-site',
        name: '人员到场 1 小时',
        severities: ['L1', 'L4'],
        metric: 'on-site',
        stopEvent: 'on-site',
        coverage: [
          { severities: ['L4'], clock: 'calendar' },
          { severities: ['L1'], clock: 'working' },
        ],
        duration: { minutes: 60 },
      },
      {
        id: 'response',
        name: '接报修后 10 分钟响应',
        severities: ['L1', 'L4'],
        metric: 'response',
        stopEvent: 'responded',
        startsAt: 'reported',
        clock: 'calendar',
        duration: { minutes: 10 },
      },
    ],
  };
  const friday = [ev('reported', '2026-10-09T17:50'), ev('received', '2026-10-09T18:00')];

  it('each severity on its own clock: L1 waits for the make-up Saturday, L4 runs through the evening', () => {
    const l1 = run('L1', friday, '2026-10-09T18:00', [], policy).byId;
    const l4 = run('L4', friday, '2026-10-09T18:00', [], policy).byId;
    expect(l1['on-site']).toMatchObject({
      clock: 'working',
      startsAt: 'received',
      deadline: '2026-10-10T09:30:00+08:00',
    });
    expect(l4['on-site']).toMatchObject({ clock: 'calendar', deadline: '2026-10-09T19:00:00+08:00' });
    expect(l4['on-site'].explanation.params).toMatchObject({ clock: 'calendar', startsAt: 'received' });
  });

  it('a clock that starts at the report counts the time before receipt', () => {
    const { byId } = run('L1', [...friday, ev('responded', '2026-10-09T18:05')], '2026-10-09T18:30', [], policy);
    expect(byId.response).toMatchObject({
      startsAt: 'reported',
      start: '2026-10-09T17:50:00+08:00',
      elapsedMinutes: 15,
      status: 'breached',
      breachMinutes: 5,
    });
    expect(byId.response.explanation.params).toMatchObject({
      startsAt: 'reported',
      start: '2026-10-09T17:50:00+08:00',
    });
  });

  it('the report is required only by a clock that starts there, and nothing may precede it', () => {
    const received = [ev('received', '2026-10-09T18:00')];
    expect(() => run('L1', received, '2026-10-09T18:30', [], policy)).toThrow(/no "reported" \(报修\) event/);
    // The same ticket under a policy whose clocks all start at receipt needs no report.
    expect(run('L1', received, '2026-10-09T18:30').result.targets.length).toBeGreaterThan(0);
    expect(() =>
      run(
        'L1',
        [ev('reported', '2026-10-09T18:10'), ev('received', '2026-10-09T18:00')],
        '2026-10-09T18:30',
        [],
        policy,
      ),
    ).toThrow(/"received" at 2026-10-09T18:00:00\+08:00 precedes the report/);
    expect(() => run('L1', friday, '2026-10-09T17:40', [], policy)).toThrow(
      /the evaluation instant precedes the report/,
    );
  });

  it('property: a clock from the report never uses less time than the same clock from receipt', () => {
    const fromReceipt: SlaPolicy = { ...policy, targets: [{ ...policy.targets[1], startsAt: 'received' }] };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 600 }), (lead, after) => {
        const reported = Date.parse('2026-10-09T08:00:00+08:00');
        const events: TicketEvent[] = [
          { kind: 'reported', at: reported },
          { kind: 'received', at: reported + lead * 60_000 },
          { kind: 'responded', at: reported + (lead + after) * 60_000 },
        ];
        const input = { ticket: { severity: 'L1', events }, calendar, now: reported + (lead + after) * 60_000 };
        const a = evaluateTicketSla({ ...input, policy: { ...policy, targets: [policy.targets[1]] } }).targets[0];
        const b = evaluateTicketSla({ ...input, policy: fromReceipt }).targets[0];
        return a.elapsedMinutes === b.elapsedMinutes + lead && (b.status !== 'breached' || a.status === 'breached');
      }),
    );
  });
});

/*
 * A target whose stop event never happened on a finished ticket (domain.md rule 13). The figures are those of the
 * Xuzhou demo: an L2 ticket received 2026-09-07 09:00, answered, resolved and closed, with no on-site event.
 */
describe('evaluateTicketSla on a finished ticket', () => {
  const closedL2 = [
    ev('received', '2026-09-07T09:00'),
    ev('responded', '2026-09-07T09:03'),
    ev('feedback', '2026-09-07T11:00'),
    ev('resolved', '2026-09-07T15:00'),
    ev('closed', '2026-09-14T10:00'),
  ];

  it.each([
    // [case, severity, events, now, target, expected]
    [
      'on-site never recorded before closing: not_recorded, read to the close, not to now',
      'L2',
      closedL2,
      '2027-03-01T09:00',
      'on-site-l2',
      {
        status: 'not_recorded',
        stop: null,
        elapsedMinutes: 10_140,
        breachMinutes: 0,
        percentUsed: '5633.33',
        explanation: { code: 'sla.not-recorded', params: { until: '2026-09-14T10:00:00+08:00', overMinutes: 9_960 } },
      },
    ],
    [
      'the same target later on: the figures do not move',
      'L2',
      closedL2,
      '2029-01-01T00:00',
      'on-site-l2',
      { status: 'not_recorded', elapsedMinutes: 10_140 },
    ],
    [
      'a stop event that happened is still met on the closed ticket',
      'L2',
      closedL2,
      '2027-03-01T09:00',
      'phone-response',
      { status: 'met', elapsedMinutes: 3, explanation: { code: 'sla.met' } },
    ],
    [
      'a breached stop stays breached',
      'L2',
      closedL2,
      '2027-03-01T09:00',
      'resolution-12h',
      { status: 'met', elapsedMinutes: 360 },
    ],
    [
      'open ticket without on-site: running until the deadline',
      'L2',
      closedL2.slice(0, 4),
      '2026-09-07T11:00',
      'on-site-l2',
      {
        status: 'running',
        elapsedMinutes: 120,
        explanation: { code: 'sla.running', params: { remainingMinutes: 60, until: '2026-09-07T11:00:00+08:00' } },
      },
    ],
    [
      'open ticket without on-site: overdue past the deadline, measured to now',
      'L2',
      closedL2.slice(0, 4),
      '2026-09-25T10:52',
      'on-site-l2',
      {
        status: 'breached',
        elapsedMinutes: 26_032,
        breachMinutes: 25_852,
        explanation: { code: 'sla.overdue', params: { overMinutes: 25_852 } },
      },
    ],
    [
      'a close recorded ahead of now has not ended the ticket yet',
      'L2',
      closedL2,
      '2026-09-14T09:59',
      'on-site-l2',
      { status: 'breached', explanation: { code: 'sla.overdue' } },
    ],
    [
      'unsolvable by agreement (closed event) without resolution: resolution not recorded',
      'L1',
      [ev('received', '2026-09-07T09:00'), ev('on-site', '2026-09-07T10:00'), ev('closed', '2026-09-08T09:00')],
      '2026-12-01T00:00',
      'resolution-12h',
      { status: 'not_recorded', elapsedMinutes: 1440, breachMinutes: 0 },
    ],
  ] as const)('%s', (_case, severity, events, now, target, expected) => {
    expect(run(severity, [...events], now).byId[target]).toMatchObject(expected);
  });

  it('summarises a ticket: breached > running > not_recorded > met', () => {
    expect(summariseSlaStatus([{ status: 'met' }, { status: 'not_recorded' }])).toBe('not_recorded');
    expect(summariseSlaStatus([{ status: 'running' }, { status: 'not_recorded' }])).toBe('running');
    expect(summariseSlaStatus([{ status: 'breached' }, { status: 'not_recorded' }, { status: 'running' }])).toBe(
      'breached',
    );
    expect(summariseSlaStatus([{ status: 'met' }])).toBe('met');
    expect(run('L2', closedL2, '2027-03-01T09:00').result.targets.map((t) => t.status)).toEqual([
      'met',
      'not_recorded',
      'met',
      'met',
    ]);
  });

  it('property: not_recorded exactly when the stop event is missing on an ended ticket; status, breach and percent agree', () => {
    const base = Date.parse('2026-09-07T09:00:00+08:00');
    const kinds = ['responded', 'on-site', 'contained', 'resolved', 'closed', 'feedback'] as const;
    const minute = 60_000;
    fc.assert(
      fc.property(
        fc.constantFrom('L1', 'L2', 'L3', 'L4'),
        fc.array(fc.record({ kind: fc.constantFrom(...kinds), after: fc.integer({ min: 0, max: 30 * 1440 }) }), {
          maxLength: 6,
        }),
        fc.integer({ min: 0, max: 60 * 1440 }),
        (severity, raw, nowAfter) => {
          const events: TicketEvent[] = [
            { kind: 'received', at: base },
            ...raw.map((e) => ({ kind: e.kind, at: base + e.after * minute })),
          ];
          const now = base + nowAfter * minute;
          const r = evaluateTicketSla({ ticket: { severity, events }, policy: XUZHOU, calendar, now });
          const first = (k: string) => Math.min(...events.filter((e) => e.kind === k).map((e) => Number(e.at)));
          const closedAt = first('closed');
          const ended = closedAt <= now;
          for (const t of r.targets) {
            const stopEvent = XUZHOU.targets.find((x) => x.id === t.targetId)?.stopEvent ?? '';
            const stopped = Number.isFinite(first(stopEvent));
            expect(t.status === 'not_recorded').toBe(!stopped && ended);
            if (t.status === 'not_recorded') {
              expect(t.breachMinutes).toBe(0);
              expect(Date.parse(t.explanation.params.until)).toBe(closedAt);
            }
            if (t.status === 'breached') expect(t.breachMinutes).toBe(t.elapsedMinutes - t.targetMinutes);
            if (t.status === 'breached') expect(Number(t.percentUsed)).toBeGreaterThan(100);
            if (t.status === 'met' || t.status === 'running') expect(Number(t.percentUsed)).toBeLessThanOrEqual(100);
            if (t.status !== 'breached') expect(t.breachMinutes).toBe(0);
            expect(t.explanation.params.elapsedMinutes).toBe(t.elapsedMinutes);
            expect(SLA_EXPLANATION_CODES).toContain(t.explanation.code);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
