import { useMemo } from 'react';
import { EChart } from '../../components/echart';
import { format, useMessages } from '../../i18n/i18n';
import { dashboardMessages } from './dashboard-messages';
import type { SeverityTiles } from './dashboard-queries';

type Counts = { severity: string; met: number; breached: number; overdue: number };

/**
 * Clock counts per severity, summed over the given contracts' dashboards (integer counts, not money), by the name the
 * configurations give the severity (一般故障), which is what the reader sees.
 */
export function countsBySeverity(severities: readonly SeverityTiles[]): Counts[] {
  const bySeverity = new Map<string, Counts>();
  for (const s of severities) {
    const c = bySeverity.get(s.severityName) ?? { severity: s.severityName, met: 0, breached: 0, overdue: 0 };
    c.met += s.met;
    c.breached += s.breached;
    c.overdue += s.overdue;
    bySeverity.set(s.severityName, c);
  }
  return [...bySeverity.values()].sort((a, b) => a.severity.localeCompare(b.severity));
}

/** Stacked bars: met, breached and overdue clocks per severity in the month. */
export function SlaSeverityChart({ severities, month }: { severities: readonly SeverityTiles[]; month: string }) {
  const t = useMessages(dashboardMessages);
  const counts = useMemo(() => countsBySeverity(severities), [severities]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: counts.map((c) => c.severity) },
      yAxis: { type: 'value', minInterval: 1 },
      color: ['#2e7d32', '#c62828', '#ef6c00'],
      series: [
        { name: t.met, type: 'bar', stack: 'sla', data: counts.map((c) => c.met) },
        { name: t.breached, type: 'bar', stack: 'sla', data: counts.map((c) => c.breached) },
        { name: t.overdue, type: 'bar', stack: 'sla', data: counts.map((c) => c.overdue) },
      ],
    }),
    [counts, t],
  );
  const title = format(t.severityChartTitle, { month });
  return (
    <figure className="chart-figure">
      <figcaption>{title}</figcaption>
      {counts.length ? <EChart option={option} label={`${title}: ${t.severityChartLabel}`} /> : <p>{t.noSeverities}</p>}
    </figure>
  );
}
