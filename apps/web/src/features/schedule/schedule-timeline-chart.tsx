import { useMemo } from 'react';
import { EChart } from '../../components/echart';
import { format, useMessages } from '../../i18n/i18n';
import { scheduleMessages } from './schedule-messages';
import type { StoredSchedule } from './schedule-queries';

/**
 * Gross, deductions and net of every line by due date (lines without one last). One bar group per line, never a
 * sum: the amounts become numbers here only to be drawn; the tooltip shows the API's strings.
 */
export function ScheduleTimelineChart({ schedules }: { schedules: StoredSchedule[] }) {
  const t = useMessages(scheduleMessages);
  const lines = useMemo(
    () =>
      schedules
        .flatMap((s) => s.schedule.lines.map((l) => ({ ...l, code: s.contractCode })))
        .sort(
          (a, b) =>
            (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
            a.code.localeCompare(b.code) ||
            a.id.localeCompare(b.id),
        ),
    [schedules],
  );
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 80, right: 16, top: 36, bottom: 60 },
      xAxis: {
        type: 'category',
        data: lines.map((l) => `${l.dueDate ?? t.dueOpen}\n${l.code}`),
        axisLabel: { interval: 0, fontSize: 10 },
      },
      yAxis: { type: 'value' },
      color: ['#5470c6', '#c62828', '#2e7d32'],
      series: [
        { name: t.gross, type: 'bar', data: lines.map((l) => ({ value: Number(l.gross), name: l.gross })) },
        {
          name: t.deductions,
          type: 'bar',
          data: lines.map((l) => ({ value: Number(l.deductionTotal), name: l.deductionTotal })),
        },
        { name: t.net, type: 'bar', data: lines.map((l) => ({ value: Number(l.net), name: l.net })) },
      ],
    }),
    [lines, t],
  );
  return (
    <figure className="chart-figure">
      <figcaption>{t.timeline}</figcaption>
      {lines.length ? (
        <EChart
          option={option}
          label={format('{title}: {label}', { title: t.timeline, label: t.timelineLabel })}
          height={320}
        />
      ) : (
        <p>{t.noSchedules}</p>
      )}
    </figure>
  );
}
