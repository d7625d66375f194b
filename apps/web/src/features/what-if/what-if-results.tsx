import { DataTable } from '../../components/data-table';
import { Money } from '../../components/money';
import { useLocale, useMessages } from '../../i18n/i18n';
import { formatDate } from '../../i18n/local-format';
import { closeMessages, lineStatusKey } from '../close/close-messages';
import { ScheduleTable } from '../close/close-result';
import { whatIfMessages } from './what-if-messages';
import { Change, Schedule, SimulationDiff } from './what-if-queries';

export function DiffTable({ diff, labels }: { diff: SimulationDiff; labels: ReadonlyMap<string, string> }) {
  const t = useMessages(whatIfMessages);
  const closeT = useMessages(closeMessages);
  const { locale } = useLocale();
  const changed = (c: Change, show: (v: string) => string) =>
    c.before === c.after
      ? c.after !== null
        ? show(c.after)
        : '—'
      : `${c.before !== null ? show(c.before) : '—'} → ${c.after !== null ? show(c.after) : '—'}`;
  const status = (s: string) => {
    const key = lineStatusKey(s);
    return key ? closeT[key] : s;
  };
  const date = (d: string) => formatDate(d, locale);
  return (
    <>
      <DataTable
        columns={[
          t.line,
          <>
            {t.net}（{t.before}）
          </>,
          <>
            {t.net}（{t.after}）
          </>,
          t.delta,
          t.deductions,
          t.status,
          t.dueDate,
        ]}
        caption={t.diff}
        testId="what-if-diff"
      >
        {diff.lines.map((l) => (
          <tr key={l.id} data-line-id={l.id}>
            <th scope="row">{labels.get(l.id) ?? l.id}</th>
            <td>
              <Money value={l.net.before} />
            </td>
            <td>
              <Money value={l.net.after} />
            </td>
            <td data-field="delta">
              <Money value={l.net.delta} />
            </td>
            <td>
              <Money value={l.deductions.before} /> → <Money value={l.deductions.after} />
            </td>
            <td>{changed(l.status, status)}</td>
            <td>{changed(l.dueDate, date)}</td>
          </tr>
        ))}
        <tr data-line-id="total">
          <th scope="row">{t.total}</th>
          <td>
            <Money value={diff.totals.net.before} />
          </td>
          <td>
            <Money value={diff.totals.net.after} />
          </td>
          <td data-field="delta">
            <Money value={diff.totals.net.delta} />
          </td>
          <td>
            <Money value={diff.totals.deductions.before} /> → <Money value={diff.totals.deductions.after} />
          </td>
          <td />
          <td />
        </tr>
      </DataTable>
      {diff.lines.length ? null : <p>{t.noDiff}</p>}
    </>
  );
}

export function ScheduleSummary({ schedule, caption }: { schedule: Schedule; caption: string }) {
  const t = useMessages(whatIfMessages);
  return (
    <>
      <ScheduleTable lines={schedule.lines} caption={caption} />
      <p>
        <span>{t.total}: </span>
        <Money value={schedule.totals.gross} /> − <Money value={schedule.totals.deductions} /> ={' '}
        <Money value={schedule.totals.net} /> · {t.vendorOwed} <Money value={schedule.vendorBalanceOwed} />
      </p>
    </>
  );
}
