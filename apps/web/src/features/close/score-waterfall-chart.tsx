import { useMemo } from 'react';
import { EChart } from '../../components/echart';
import { escapeHtml } from '../../components/escape-html';
import { format, useMessages } from '../../i18n/i18n';
import { closeMessages } from './close-messages';
import type { Assessment } from './close-queries';
import { chartNumber } from './score-decimal';

type Step = { name: string; label: string; from: number; to: number; kind: 'total' | 'up' | 'down' };

/** The waterfall's steps: base, each item's points, the clamp when it applied, the final score (labels are the API's strings). */
export function waterfallSteps(a: Assessment, names: { base: string; clamp: string; final: string }): Step[] {
  // The base is the API's (the scheme's starting score), not derived here.
  const base = a.base;
  if (a.score === null || a.unclampedScore === null || base === null) return [];
  const steps: Step[] = [{ name: names.base, label: base, from: 0, to: chartNumber(base), kind: 'total' }];
  let running = chartNumber(base);
  for (const b of a.breakdown) {
    const next = running + chartNumber(b.points);
    steps.push({ name: b.label, label: b.points, from: running, to: next, kind: next < running ? 'down' : 'up' });
    running = next;
  }
  if (a.unclampedScore !== a.score) {
    const to = chartNumber(a.score);
    steps.push({
      name: names.clamp,
      label: `${a.unclampedScore} → ${a.score}`,
      from: running,
      to,
      kind: to < running ? 'down' : 'up',
    });
  }
  steps.push({ name: names.final, label: a.score, from: 0, to: chartNumber(a.score), kind: 'total' });
  return steps;
}

const COLORS = { total: '#0b57d0', up: '#2e7d32', down: '#c62828' };

/** An ECharts waterfall (a transparent offset bar stacked under the visible step) from the base to the final score. */
export function ScoreWaterfallChart({ assessment }: { assessment: Assessment }) {
  const t = useMessages(closeMessages);
  const steps = useMemo(
    () => waterfallSteps(assessment, { base: t.base, clamp: t.clamp, final: t.final }),
    [assessment, t],
  );
  const option = useMemo(
    () => ({
      // ECharts inserts a formatter's string as HTML: the item labels are user text (contract configuration).
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; data: { label: { formatter: string } } }) =>
          escapeHtml(`${p.name}: ${p.data.label.formatter}`),
      },
      grid: { left: 40, right: 16, top: 24, bottom: 64 },
      xAxis: { type: 'category', data: steps.map((s) => s.name), axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value' },
      series: [
        {
          name: 'offset',
          type: 'bar',
          stack: 'w',
          silent: true,
          itemStyle: { color: 'transparent' },
          data: steps.map((s) => Math.min(s.from, s.to)),
        },
        {
          name: t.pointsLost,
          type: 'bar',
          stack: 'w',
          data: steps.map((s) => ({
            value: Math.abs(s.to - s.from),
            itemStyle: { color: COLORS[s.kind] },
            label: { show: true, position: 'top', formatter: s.label },
          })),
        },
      ],
    }),
    [steps, t],
  );
  if (!steps.length) return null;
  return (
    <figure
      className="chart-figure"
      data-testid="score-waterfall"
      data-steps={steps.map((s) => `${s.name}=${s.label}`).join('|')}
    >
      <figcaption>{t.waterfallTitle}</figcaption>
      <EChart
        option={option}
        label={format(t.waterfallLabel, { base: steps[0].label, score: steps[steps.length - 1].label })}
        height={320}
      />
    </figure>
  );
}
