import { explain, explanationText } from '@ledger/contracts';
import type { AchievementMetric, DelayMetric } from './ticket-metrics';

/*
 * The close's two ticket metrics as codes (domain rule 19): what the accumulator's English sentences say, as a code
 * and its parameters stored in the close (rendered in the reader's language by the API and the console). The
 * accumulator keeps its English for the equivalence checks against libs/scoring; the close stores these.
 */
type Bounds = { from: string; to: string };

const listed = (ids: readonly string[], total: number): string =>
  ids.length < total ? `${ids.join('、')} …` : ids.join('、');

export function achievementExplained(
  r: AchievementMetric,
  p: Bounds,
  asOf: string,
): { explanation: string; notes: string[] } {
  const notes: string[] = [];
  if (r.details.counts.pending)
    notes.push(
      explanationText(
        explain('close.note.achievement-pending', {
          count: r.details.counts.pending,
          asOf,
          tickets: listed(r.details.pending, r.details.counts.pending),
        }),
      ),
    );
  if (r.denominator === 0 || r.display === null) {
    return {
      explanation: explanationText(explain('close.metric.achievement.undefined', { from: p.from, to: p.to })),
      notes,
    };
  }
  return {
    explanation: explanationText(
      explain('close.metric.achievement', {
        numerator: r.numerator,
        denominator: r.denominator,
        from: p.from,
        to: p.to,
        display: r.display,
      }),
    ),
    notes,
  };
}

export function delayExplained(d: DelayMetric, p: Bounds, asOf: string): { explanation: string; notes: string[] } {
  const delayed = d.details.tickets.filter((t) => t.days > 0);
  const notes = delayed
    .filter((t) => t.open)
    .map((t) => explanationText(explain('close.note.delay-open', { ticket: t.id, asOf, days: t.days })));
  if (d.details.counts.tickets === 0)
    notes.push(explanationText(explain('close.note.delay-none', { from: p.from, to: p.to })));
  const parts = delayed.map((t) => `${t.id} ${t.days}`);
  if (d.details.counts.delayed > delayed.length) parts.push('…');
  const code = d.details.aggregate === 'sum' ? 'close.metric.delay-sum' : 'close.metric.delay-max';
  return {
    explanation: explanationText(
      explain(code, {
        parts: parts.length ? parts.join(d.details.aggregate === 'sum' ? ' + ' : '、') : '—',
        days: d.days,
      }),
    ),
    notes,
  };
}
