import { ValidationError } from '@ledger/kernel';
import {
  calendarDaysBetween,
  plannedAchievementRate,
  specialAttentionDelay,
  type TicketRecord,
} from './derived-metrics';

const period = { from: '2026-01-01', to: '2026-06-30' };
const t = (id: string, expectedCloseDate: string, rest: Partial<TicketRecord> = {}): TicketRecord => ({
  id,
  expectedCloseDate,
  specialAttention: false,
  ...rest,
});

describe('plannedAchievementRate (rule 5)', () => {
  const tickets: TicketRecord[] = [
    t('on-time', '2026-03-10', { completedDate: '2026-03-10' }),
    t('early', '2026-03-10', { completedDate: '2026-03-01' }),
    t('late', '2026-03-10', { completedDate: '2026-03-11' }),
    t('extended-ok', '2026-03-10', { extendedTo: '2026-03-20', completedDate: '2026-03-15' }),
    t('extended-late', '2026-03-10', { extendedTo: '2026-03-20', completedDate: '2026-03-21' }),
    t('open-past', '2026-06-01'),
    t('first-day', '2026-01-01', { completedDate: '2026-01-01' }),
    t('last-day', '2026-06-30', { completedDate: '2026-06-30' }),
    t('before-period', '2025-12-31', { completedDate: '2025-12-31' }),
    t('after-period', '2026-07-01', { completedDate: '2026-06-15' }),
    t('extended-out', '2026-06-25', { extendedTo: '2026-07-05', completedDate: '2026-07-02' }),
  ];
  const r = plannedAchievementRate({ tickets, period, asOf: '2026-07-05' });

  it('counts tickets due in the period (after extension), inclusive at both ends', () => {
    expect(r.achieved).toEqual(['on-time', 'early', 'extended-ok', 'first-day', 'last-day']);
    expect(r.missed).toEqual(['late', 'extended-late', 'open-past']);
    expect([r.numerator, r.denominator]).toEqual([5, 8]);
    expect(r.rate).toBe('62.5');
    expect(r.display).toBe('62.50');
    expect(r.explanation).toBe('计划内达成率 = 5 on time ÷ 8 due in 2026-01-01..2026-06-30 = 62.50 %');
  });

  it('41 of 45 → 91.11 % for display, exact for the ladder', () => {
    const many = Array.from({ length: 45 }, (_, i) =>
      t(`T${i}`, '2026-02-10', { completedDate: i < 4 ? '2026-02-11' : '2026-02-09' }),
    );
    const x = plannedAchievementRate({ tickets: many, period, asOf: '2026-07-01' });
    expect(x.display).toBe('91.11');
    expect(x.rate?.startsWith('91.1111111111')).toBe(true);
  });

  it('an open ticket not yet due as of asOf is pending, not missed (provisional computation)', () => {
    const x = plannedAchievementRate({
      tickets: [t('a', '2026-06-20'), t('b', '2026-05-01', { completedDate: '2026-05-01' })],
      period,
      asOf: '2026-06-20',
    });
    expect([x.numerator, x.denominator, x.pending]).toEqual([1, 1, ['a']]);
    expect(x.notes[0]).toContain('provisional');
  });

  it('an open ticket is missed the day after its date', () => {
    const x = plannedAchievementRate({ tickets: [t('a', '2026-06-20')], period, asOf: '2026-06-21' });
    expect(x.missed).toEqual(['a']);
  });

  it('no tickets due → undefined with a note', () => {
    const x = plannedAchievementRate({ tickets: [t('x', '2026-08-01')], period, asOf: '2026-07-01' });
    expect([x.rate, x.display, x.denominator]).toEqual([null, null, 0]);
    expect(x.notes).toEqual(['no tickets due in 2026-01-01..2026-06-30: the achievement rate is undefined']);
  });

  it('reports every input problem', () => {
    try {
      plannedAchievementRate({
        tickets: [
          t('a', '2026-02-30'),
          t('b', '2026-03-01'),
          t('b', '2026-03-01', { extendedTo: '2026-02-01', completedDate: '2026-09-01' }),
        ],
        period: { from: '2026-06-30', to: '2026-01-01' },
        asOf: '2026-07-01',
      });
      throw new Error('expected a ValidationError');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).problems).toMatchObject([
        { path: 'tickets[0].expectedCloseDate', code: 'date.format', message: 'must be a date YYYY-MM-DD' },
      ]);
    }
    try {
      plannedAchievementRate({
        tickets: [
          t('b', '2026-03-01'),
          t('b', '2026-03-01', { extendedTo: '2026-02-01', completedDate: '2026-09-01' }),
        ],
        period: { from: '2026-06-30', to: '2026-01-01' },
        asOf: '2026-07-01',
      });
      throw new Error('expected a ValidationError');
    } catch (e) {
      expect((e as ValidationError).problems.map((p) => [p.path, p.code, p.params])).toEqual([
        ['period', 'period.fromAfterTo', { from: '2026-06-30', to: '2026-01-01' }],
        ['tickets[1].id', 'list.duplicateId', { value: 'b', other: 'tickets[0]' }],
        ['tickets[1].extendedTo', 'ticket.extensionEarlier', { expected: '2026-03-01' }],
        ['tickets[1].completedDate', 'date.afterAsOf', { value: '2026-09-01', asOf: '2026-07-01' }],
      ]);
    }
  });
});

describe('specialAttentionDelay (rule 6)', () => {
  const tickets: TicketRecord[] = [
    t('s1', '2026-02-27', { specialAttention: true, completedDate: '2026-03-02' }), // 3 days across month end
    t('s2', '2026-04-10', { specialAttention: true, completedDate: '2026-04-08' }), // early → 0
    t('s3', '2026-05-01', { specialAttention: true, extendedTo: '2026-05-10', completedDate: '2026-05-19' }), // 9 after extension
    t('s4', '2026-06-25', { specialAttention: true }), // open: counted to asOf
    t('n1', '2026-03-01', { completedDate: '2026-04-01' }), // not special
    t('s5', '2026-07-02', { specialAttention: true, completedDate: '2026-07-04' }), // due next period
  ];
  const asOf = '2026-07-05';

  it('sums max(0, completion − expected) in calendar days; an open ticket counts to asOf', () => {
    const r = specialAttentionDelay({ tickets, period, asOf });
    expect(r.tickets.map((x) => [x.id, x.days, x.open])).toEqual([
      ['s1', 3, false],
      ['s2', 0, false],
      ['s3', 9, false],
      ['s4', 10, true],
    ]);
    expect(r.days).toBe('22');
    expect(r.explanation).toBe('特别关注类问题延期 (sum) = s1 3 + s3 9 + s4 10 = 22 天');
    expect(r.notes).toEqual(['s4 is open: its delay is counted to 2026-07-05 (10 days)']);
  });

  it('aggregate max takes the largest', () => {
    expect(specialAttentionDelay({ tickets, period, asOf }, { aggregate: 'max' }).days).toBe('10');
  });

  it('delayFrom original ignores the extension', () => {
    const r = specialAttentionDelay({ tickets, period, asOf }, { delayFrom: 'original' });
    expect(r.tickets.find((x) => x.id === 's3')?.days).toBe(18);
  });

  it('no special tickets → 0 with a note', () => {
    const r = specialAttentionDelay({ tickets: [], period, asOf });
    expect(r.days).toBe('0');
    expect(r.notes).toHaveLength(1);
  });

  it('counts calendar days between local dates, leap days included', () => {
    expect(calendarDaysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(calendarDaysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(calendarDaysBetween('2026-12-31', '2027-01-01')).toBe(1);
  });
});
