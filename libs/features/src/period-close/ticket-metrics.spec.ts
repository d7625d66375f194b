import { plannedAchievementRate, specialAttentionDelay, type TicketRecord } from '@ledger/scoring';
import fc from 'fast-check';
import { TicketMetricsAccumulator } from './ticket-metrics';

const PERIODS = [
  { id: '2026-H1', from: '2026-01-01', to: '2026-06-30' },
  { id: '2026-H2', from: '2026-07-01', to: '2026-12-31' },
];

const day = (n: number): string => new Date(Date.UTC(2025, 11, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** Tickets with unique numbers, dates around 2026, some extended, some completed (on or before asOf), some special. */
const world = fc
  .record({
    asOf: fc.integer({ min: 0, max: 420 }),
    tickets: fc.array(
      fc.record({
        expected: fc.integer({ min: 0, max: 420 }),
        extendBy: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
        completedAt: fc.option(fc.integer({ min: 0, max: 460 }), { nil: undefined }),
        special: fc.boolean(),
      }),
      { maxLength: 60 },
    ),
    batch: fc.integer({ min: 1, max: 25 }),
  })
  .map(({ asOf, tickets, batch }) => ({
    asOf: day(asOf),
    batch,
    tickets: tickets.map((t, i): TicketRecord => ({
      id: `LX-${String(i + 1).padStart(4, '0')}`,
      expectedCloseDate: day(t.expected),
      ...(t.extendBy !== undefined ? { extendedTo: day(t.expected + t.extendBy) } : {}),
      ...(t.completedAt !== undefined && t.completedAt <= asOf ? { completedDate: day(t.completedAt) } : {}),
      specialAttention: t.special,
    })),
  }));

function accumulate(tickets: TicketRecord[], asOf: string, batch: number, limit?: number): TicketMetricsAccumulator {
  const acc = new TicketMetricsAccumulator(PERIODS, asOf, limit);
  for (let i = 0; i < tickets.length; i += batch) acc.add(tickets.slice(i, i + batch));
  return acc;
}

describe('the close’s ticket metrics, accumulated over batches', () => {
  it('equal the scoring library’s over all tickets at once (figures, wording, lists) while the lists are under the limit', () => {
    fc.assert(
      fc.property(world, ({ tickets, asOf, batch }) => {
        const acc = accumulate(tickets, asOf, batch);
        for (const p of PERIODS) {
          const input = { tickets, period: { from: p.from, to: p.to }, asOf };
          const r = plannedAchievementRate(input);
          const a = acc.achievement(p.id);
          expect({
            numerator: a.numerator,
            denominator: a.denominator,
            rate: a.rate,
            display: a.display,
            explanation: a.explanation,
            notes: a.notes,
          }).toEqual({
            numerator: r.numerator,
            denominator: r.denominator,
            rate: r.rate,
            display: r.display,
            explanation: r.explanation,
            notes: r.notes,
          });
          expect(a.details).toEqual({
            achieved: r.achieved,
            missed: r.missed,
            pending: r.pending,
            counts: { achieved: r.achieved.length, missed: r.missed.length, pending: r.pending.length },
            limit: 1000,
            truncated: false,
          });
          const d = specialAttentionDelay(input);
          const b = acc.delay(p.id);
          expect({ days: b.days, explanation: b.explanation, notes: b.notes }).toEqual({
            days: d.days,
            explanation: d.explanation,
            notes: d.notes,
          });
          expect(b.details).toEqual({
            aggregate: d.aggregate,
            tickets: d.tickets,
            counts: { tickets: d.tickets.length, delayed: d.tickets.filter((t) => t.days > 0).length },
            limit: 1000,
            truncated: false,
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('past the limit keep the same figures, complete counts and bounded lists (the delayed special-attention tickets first)', () => {
    fc.assert(
      fc.property(world, ({ tickets, asOf, batch }) => {
        const limit = 3;
        const acc = accumulate(tickets, asOf, batch, limit);
        for (const p of PERIODS) {
          const input = { tickets, period: { from: p.from, to: p.to }, asOf };
          const r = plannedAchievementRate(input);
          const a = acc.achievement(p.id);
          expect([a.numerator, a.denominator, a.rate, a.display, a.explanation]).toEqual([
            r.numerator,
            r.denominator,
            r.rate,
            r.display,
            r.explanation,
          ]);
          expect(a.details.counts).toEqual({
            achieved: r.achieved.length,
            missed: r.missed.length,
            pending: r.pending.length,
          });
          expect([a.details.achieved, a.details.missed, a.details.pending]).toEqual([
            r.achieved.slice(0, limit),
            r.missed.slice(0, limit),
            r.pending.slice(0, limit),
          ]);
          const over = r.achieved.length > limit || r.missed.length > limit || r.pending.length > limit;
          expect(a.details.truncated).toBe(over);
          expect(a.details.note !== undefined).toBe(over);
          if (r.pending.length > limit)
            expect(a.notes[0]).toMatch(
              new RegExp(
                `^${r.pending.length} open ticket\\(s\\) .* and ${r.pending.length - limit} more \\(the full lists are in the ticket ledger`,
              ),
            );

          const d = specialAttentionDelay(input);
          const b = acc.delay(p.id);
          expect(b.days).toBe(d.days);
          const delayed = d.tickets.filter((t) => t.days > 0);
          expect(b.details.counts).toEqual({ tickets: d.tickets.length, delayed: delayed.length });
          expect(b.details.tickets).toEqual(d.tickets.length > limit ? delayed.slice(0, limit) : d.tickets);
          expect(b.notes.length).toBeLessThanOrEqual(limit + 2);
          expect(b.explanation.endsWith(`= ${d.days} 天`)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('past the limit: a worked example', () => {
    const tickets: TicketRecord[] = Array.from({ length: 7 }, (_, i) => ({
      id: `T${i + 1}`,
      expectedCloseDate: '2026-08-01',
      specialAttention: true,
      ...(i < 5 ? { completedDate: '2026-08-03' } : {}),
    }));
    const acc = accumulate(tickets, '2026-09-01', 2, 2);
    const a = acc.achievement('2026-H2');
    expect(a.rate).toBe('0');
    expect(a.details).toMatchObject({
      achieved: [],
      missed: ['T1', 'T2'],
      pending: [],
      counts: { achieved: 0, missed: 7, pending: 0 },
      limit: 2,
      truncated: true,
    });
    const d = acc.delay('2026-H2');
    // 5 × 2 days + 2 open × 31 days = 72.
    expect(d.days).toBe('72');
    expect(d.explanation).toBe('特别关注类问题延期 (sum) = T1 2 + T2 2 + … and 5 more = 72 天');
    expect(d.notes).toEqual([
      'T6 is open: its delay is counted to 2026-09-01 (31 days)',
      'T7 is open: its delay is counted to 2026-09-01 (31 days)',
    ]);
    expect(d.details.tickets.map((t) => t.id)).toEqual(['T1', 'T2']);
    expect(d.details.counts).toEqual({ tickets: 7, delayed: 7 });
  });
});
