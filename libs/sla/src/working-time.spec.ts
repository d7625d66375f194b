import fc from 'fast-check';
import {
  CalendarNotPublishedError,
  addCalendarMinutes,
  addWorkingMinutes,
  buildCalendar,
  calendarMinutesBetween,
  formatInstant,
  mergePauses,
  toEpochMs,
  workingDaysDeadline,
  workingDaysTargetMinutes,
  workingMinutesBetween,
  type Pause,
  type WorkingDaysMode,
} from './index';

const cal = buildCalendar({
  overrides: {
    closures: [{ date: '2026-03-03', reason: '市局停电检修' }],
    extraWorkdays: [{ date: '2026-03-08', reason: '医保年度结算值班' }],
  },
});
const noMakeUp = buildCalendar({ makeUpWorkdays: false });
const at = (local: string): string => `${local}:00+08:00`; // '2026-02-13T15:00' → ISO with offset
const fmt = (ms: number): string => formatInstant(ms).slice(0, 16);

describe('addWorkingMinutes / workingMinutesBetween on real 2026 dates', () => {
  it.each<[string, string, number, string]>([
    ['lunch break: 11:55 + 10 → 13:35', '2026-03-02T11:55', 10, '2026-03-02T13:35'],
    ['budget used up at a window end is due at that end', '2026-03-02T11:55', 5, '2026-03-02T12:00'],
    ['received in the lunch break waits for 13:30', '2026-03-02T12:30', 10, '2026-03-02T13:40'],
    ['received after hours counts from the next opening', '2026-03-02T20:00', 30, '2026-03-04T09:00'], // 03-03 is a tenant closure
    ['received before opening', '2026-03-04T07:10', 30, '2026-03-04T09:00'],
    ['Friday before Spring Festival → make-up Saturday 02-14', '2026-02-13T15:00', 450, '2026-02-14T15:00'],
    ['make-up Saturday 02-14 → after the holiday (02-24)', '2026-02-14T15:00', 450, '2026-02-24T15:00'],
    ['evening before Spring Festival', '2026-02-14T19:00', 60, '2026-02-24T09:30'],
    ['Friday 02-27 → make-up Saturday 02-28', '2026-02-27T17:00', 60, '2026-02-28T09:00'],
    ['evening before National Day', '2026-09-30T19:00', 60, '2026-10-08T09:30'],
    ['Friday 10-09 → make-up Saturday 10-10', '2026-10-09T16:00', 180, '2026-10-10T10:00'],
    ['Sunday 09-20 is a make-up day', '2026-09-19T10:00', 30, '2026-09-20T09:00'],
    ['tenant closure 03-03 is skipped', '2026-03-02T17:00', 60, '2026-03-04T09:00'],
    ['tenant extra workday Sunday 03-08 counts', '2026-03-07T10:00', 60, '2026-03-08T09:30'],
    ['zero minutes is the start itself, even after hours', '2026-03-02T20:00', 0, '2026-03-02T20:00'],
    ['seconds are floored to the minute', '2026-03-02T09:00:59', 1, '2026-03-02T09:01'],
  ])('%s', (_label, start, minutes, expected) => {
    const startIso = start.length > 16 ? `${start}+08:00` : at(start);
    const due = addWorkingMinutes(cal, startIso, minutes);
    expect(fmt(due)).toBe(expected);
    expect(workingMinutesBetween(cal, startIso, due)).toBe(minutes);
  });

  it('ignores 补班 days when makeUpWorkdays is false', () => {
    expect(fmt(addWorkingMinutes(noMakeUp, at('2026-02-27T17:00'), 60))).toBe('2026-03-02T09:00');
    expect(fmt(addWorkingMinutes(noMakeUp, at('2026-02-13T15:00'), 450))).toBe('2026-02-24T15:00');
  });

  it.each<[string, string, number]>([
    ['2026-02-13T08:30', '2026-02-24T17:30', 450 * 3], // 02-13, make-up 02-14, 02-24
    ['2026-09-30T17:00', '2026-10-08T08:45', 30 + 15],
    ['2026-03-02T12:10', '2026-03-02T13:20', 0],
    ['2026-03-02T11:00', '2026-03-02T14:00', 60 + 30],
    ['2026-03-06T17:00', '2026-03-09T09:00', 30 + 450 + 30], // Fri → extra Sunday → Mon
  ])('between %s and %s: %i working minutes', (a, b, expected) => {
    expect(workingMinutesBetween(cal, at(a), at(b))).toBe(expected);
  });

  it('accepts epoch milliseconds and ISO strings in other offsets alike', () => {
    const ms = toEpochMs(at('2026-03-02T11:55'));
    expect(addWorkingMinutes(cal, ms, 10)).toBe(addWorkingMinutes(cal, '2026-03-02T03:55:00Z', 10));
  });

  it('refuses instants without an offset and impossible dates', () => {
    expect(() => addWorkingMinutes(cal, '2026-03-02T11:55:00', 10)).toThrow(/with an offset/);
    expect(() => addWorkingMinutes(cal, '2026-02-30T11:55:00+08:00', 10)).toThrow(/with an offset/);
    expect(() => addWorkingMinutes(cal, at('2026-03-02T11:55'), 1.5)).toThrow(/whole number of minutes/);
    expect(() => workingMinutesBetween(cal, at('2026-03-02T11:55'), at('2026-03-02T10:55'))).toThrow(
      /must not precede/,
    );
  });

  describe('years after the published ones (domain rule 18)', () => {
    it('worked example H: 3 working days from Thu 2026-12-31 10:00 → Wed 2027-01-06 10:00 on the provisional 2027', () => {
      const start = at('2026-12-31T10:00');
      const due = workingDaysDeadline(cal, start, 3, 'elapsed');
      expect(fmt(due)).toBe('2027-01-06T10:00');
      expect(workingMinutesBetween(cal, start, due)).toBe(3 * 450);
      expect(cal.provisionalYears).toEqual([2027, 2028, 2029, 2030]);
      expect(cal.touchesProvisional(Date.parse(start), due)).toBe(true);
      expect(cal.touchesProvisional(Date.parse(start), Date.parse(at('2026-12-31T17:30')))).toBe(false);
    });

    it.each<[string, () => unknown, number]>([
      ['add running past 2030', () => addWorkingMinutes(cal, at('2030-12-31T15:00'), 1000), 2031],
      [
        'between ending in 2031',
        () => workingMinutesBetween(cal, at('2030-12-31T15:00'), at('2031-01-06T09:00')),
        2031,
      ],
      ['add starting in 2019', () => addWorkingMinutes(cal, at('2019-12-30T09:00'), 1), 2019],
      ['deadline in 2031', () => workingDaysDeadline(cal, at('2030-12-31T10:00'), 1, 'end-of-day'), 2031],
    ])('%s throws CalendarNotPublishedError naming the year', (_label, run, year) => {
      expect(run).toThrow(CalendarNotPublishedError);
      expect(run).toThrow(
        expect.objectContaining({
          code: 'CALENDAR_NOT_PUBLISHED',
          year,
          message: expect.stringContaining(String(year)),
        }),
      );
    });

    it('a 7×24 clock needs no calendar and works in any year', () => {
      expect(calendarMinutesBetween(at('2027-03-01T09:00'), at('2027-03-01T10:00'))).toBe(60);
    });
  });
});

describe('working-day deadlines: "elapsed" vs "end-of-day"', () => {
  it.each<[string, string, number, WorkingDaysMode, string]>([
    ['rule 7: received 15:00 → 15:00 next working day', '2026-03-02T15:00', 1, 'elapsed', '2026-03-04T15:00'], // 03-03 closed
    ['same receipt, by the end of the 1st working day', '2026-03-02T15:00', 1, 'end-of-day', '2026-03-04T17:30'],
    ['rule 7 on an ordinary pair of days', '2026-03-09T15:00', 1, 'elapsed', '2026-03-10T15:00'],
    ['after hours: a whole working day from the next opening', '2026-03-09T18:00', 1, 'elapsed', '2026-03-10T17:30'],
    ['after hours, end-of-day', '2026-03-09T18:00', 1, 'end-of-day', '2026-03-10T17:30'],
    ['before opening: elapsed ends the same day', '2026-03-09T07:00', 1, 'elapsed', '2026-03-09T17:30'],
    [
      'before opening: the receipt date is never counted in end-of-day',
      '2026-03-09T07:00',
      1,
      'end-of-day',
      '2026-03-10T17:30',
    ],
    ['Friday before Spring Festival, elapsed → make-up Saturday', '2026-02-13T15:00', 1, 'elapsed', '2026-02-14T15:00'],
    ['Friday before Spring Festival, 2 days end-of-day', '2026-02-13T15:00', 2, 'end-of-day', '2026-02-24T17:30'],
    ['across National Day, 2 days elapsed', '2026-09-30T15:00', 2, 'elapsed', '2026-10-09T15:00'],
    ['make-up Saturday 10-10 is day 1', '2026-10-09T10:00', 2, 'end-of-day', '2026-10-12T17:30'],
    ['half a working day = 225 min', '2026-03-09T08:30', 0.5, 'elapsed', '2026-03-09T13:45'],
  ])('%s', (_label, start, n, mode, expected) => {
    expect(fmt(workingDaysDeadline(cal, at(start), n, mode))).toBe(expected);
  });

  it('rounds a fractional working-day budget up to a whole minute, computed exactly', () => {
    expect(workingDaysTargetMinutes(cal, at('2026-03-09T08:30'), 0.1, 'elapsed')).toBe(45); // not 46 from 0.1 × 450 in floats
    expect(workingDaysTargetMinutes(cal, at('2026-03-09T08:30'), 0.001, 'elapsed')).toBe(1);
    expect(() => workingDaysTargetMinutes(cal, at('2026-03-09T08:30'), 1.5, 'end-of-day')).toThrow(/whole number/);
  });

  it('pauses push a working-day deadline out by the working time they cover', () => {
    const pauses = [{ from: at('2026-03-10T09:00'), to: at('2026-03-10T10:00') }];
    expect(fmt(workingDaysDeadline(cal, at('2026-03-09T15:00'), 1, 'elapsed', pauses))).toBe('2026-03-10T16:00');
    expect(fmt(workingDaysDeadline(cal, at('2026-03-09T15:00'), 1, 'end-of-day', pauses))).toBe('2026-03-11T09:30');
  });
});

describe('pauses', () => {
  it('merges overlapping and touching pauses and drops empty ones', () => {
    const merged = mergePauses([
      { from: at('2026-03-09T10:00'), to: at('2026-03-09T11:00') },
      { from: at('2026-03-09T09:00'), to: at('2026-03-09T10:30') },
      { from: at('2026-03-09T11:00'), to: at('2026-03-09T11:15') },
      { from: at('2026-03-09T14:00'), to: at('2026-03-09T14:00') },
    ]);
    expect(merged.map((p) => [fmt(p.from), fmt(p.to)])).toEqual([['2026-03-09T09:00', '2026-03-09T11:15']]);
  });

  it('removes paused working and calendar minutes once, however the pauses overlap', () => {
    const pauses: Pause[] = [
      { from: at('2026-03-09T09:00'), to: at('2026-03-09T10:00') },
      { from: at('2026-03-09T09:30'), to: at('2026-03-09T13:00') }, // overlaps, runs through lunch
    ];
    // 08:30–17:30 working = 450; paused working time 09:00–12:00 = 180.
    expect(workingMinutesBetween(cal, at('2026-03-09T08:30'), at('2026-03-09T17:30'), pauses)).toBe(270);
    expect(calendarMinutesBetween(at('2026-03-09T08:30'), at('2026-03-09T17:30'), pauses)).toBe(540 - 240);
    expect(fmt(addWorkingMinutes(cal, at('2026-03-09T08:30'), 60, pauses))).toBe('2026-03-09T14:00');
    expect(fmt(addCalendarMinutes(at('2026-03-09T08:30'), 60, pauses))).toBe('2026-03-09T13:30');
  });

  it('a start inside a pause waits for its end', () => {
    const pauses = [{ from: at('2026-03-09T08:00'), to: at('2026-03-09T10:00') }];
    expect(fmt(addWorkingMinutes(cal, at('2026-03-09T09:00'), 30, pauses))).toBe('2026-03-09T10:30');
  });

  it('a pause after the deadline in an unpublished year is never measured', () => {
    const pauses = [{ from: at('2027-01-10T09:00'), to: at('2027-01-11T09:00') }];
    expect(fmt(addWorkingMinutes(cal, at('2026-12-30T09:00'), 60, pauses))).toBe('2026-12-30T10:00');
  });

  it('refuses a pause that ends before it starts', () => {
    expect(() =>
      calendarMinutesBetween(at('2026-03-09T08:00'), at('2026-03-09T10:00'), [
        { from: at('2026-03-09T09:00'), to: at('2026-03-09T08:00') },
      ]),
    ).toThrow(/pauses\[0\]/);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties over the whole published range (2020-01-01 .. 2026-12-31), 1,000 runs each.
// ---------------------------------------------------------------------------------------------------
const FIRST = Date.UTC(2019, 11, 31, 16, 0); // 2020-01-01T00:00+08:00
const LAST = Date.UTC(2026, 9, 31, 16, 0); // 2026-11-01T00:00+08:00: leaves room for the additions
const RUNS = { numRuns: 1000 };
const instantArb = fc.integer({ min: FIRST, max: LAST }); // arbitrary ms, seconds included: tests the flooring
const minutesArb = fc.integer({ min: 0, max: 20 * 450 });
const pausesArb = fc.array(
  fc.tuple(fc.integer({ min: -3 * 86_400_000, max: 20 * 86_400_000 }), fc.integer({ min: 0, max: 3 * 86_400_000 })),
  { maxLength: 4 },
);
const toPauses = (base: number, raw: readonly [number, number][]): Pause[] =>
  raw.map(([off, len]) => ({ from: base + off, to: base + off + len }));

describe('clock laws (fast-check)', () => {
  it('workingMinutesBetween(a, addWorkingMinutes(a, m)) === m, with and without pauses', () => {
    fc.assert(
      fc.property(instantArb, minutesArb, pausesArb, (a, m, raw) => {
        const pauses = toPauses(a, raw);
        expect(workingMinutesBetween(cal, a, addWorkingMinutes(cal, a, m))).toBe(m);
        expect(workingMinutesBetween(cal, a, addWorkingMinutes(cal, a, m, pauses), pauses)).toBe(m);
        expect(calendarMinutesBetween(a, addCalendarMinutes(a, m, pauses), pauses)).toBe(m);
      }),
      RUNS,
    );
  });

  it('addWorkingMinutes is the earliest such instant: one minute earlier, less has elapsed', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 1, max: 20 * 450 }), pausesArb, (a, m, raw) => {
        const pauses = toPauses(a, raw);
        const due = addWorkingMinutes(cal, a, m, pauses);
        expect(workingMinutesBetween(cal, a, due - 60_000, pauses)).toBe(m - 1);
      }),
      RUNS,
    );
  });

  it('deadlines are monotonic in the target minutes', () => {
    fc.assert(
      fc.property(instantArb, minutesArb, minutesArb, pausesArb, (a, m1, m2, raw) => {
        const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
        const pauses = toPauses(a, raw);
        expect(addWorkingMinutes(cal, a, lo, pauses)).toBeLessThanOrEqual(addWorkingMinutes(cal, a, hi, pauses));
        expect(addCalendarMinutes(a, lo, pauses)).toBeLessThanOrEqual(addCalendarMinutes(a, hi, pauses));
      }),
      RUNS,
    );
  });

  it('elapsed is additive: e(a, c) = e(a, b) + e(b, c) for a ≤ b ≤ c', () => {
    const span = fc.integer({ min: 0, max: 25 * 86_400_000 }); // a + 50 days stays inside 2026
    fc.assert(
      fc.property(instantArb, span, span, pausesArb, (a, d1, d2, raw) => {
        const b = a + d1;
        const c = b + d2;
        const pauses = toPauses(a, raw);
        expect(workingMinutesBetween(cal, a, c, pauses)).toBe(
          workingMinutesBetween(cal, a, b, pauses) + workingMinutesBetween(cal, b, c, pauses),
        );
        expect(calendarMinutesBetween(a, c, pauses)).toBe(
          calendarMinutesBetween(a, b, pauses) + calendarMinutesBetween(b, c, pauses),
        );
      }),
      RUNS,
    );
  });

  it('pauses never increase elapsed time (and never make it negative)', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 0, max: 40 * 86_400_000 }), pausesArb, (a, d, raw) => {
        const pauses = toPauses(a, raw);
        const w = workingMinutesBetween(cal, a, a + d, pauses);
        expect(w).toBeLessThanOrEqual(workingMinutesBetween(cal, a, a + d));
        expect(w).toBeGreaterThanOrEqual(0);
        const c = calendarMinutesBetween(a, a + d, pauses);
        expect(c).toBeLessThanOrEqual(calendarMinutesBetween(a, a + d));
        expect(c).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  it('agrees with a minute-by-minute oracle over spans of up to three days', () => {
    const isWorkingMinute = (ms: number): boolean => {
      const local = formatInstant(ms); // YYYY-MM-DDTHH:mm
      const mod = Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
      return cal.describeDay(local.slice(0, 10)).working && ((mod >= 510 && mod < 720) || (mod >= 810 && mod < 1050));
    };
    fc.assert(
      fc.property(
        fc.integer({ min: FIRST / 60_000, max: LAST / 60_000 }),
        fc.integer({ min: 0, max: 3 * 1440 }),
        (startMin, len) => {
          let expected = 0;
          for (let t = startMin; t < startMin + len; t++) if (isWorkingMinute(t * 60_000)) expected++;
          expect(workingMinutesBetween(cal, startMin * 60_000, (startMin + len) * 60_000)).toBe(expected);
        },
      ),
      RUNS,
    );
  });
});
