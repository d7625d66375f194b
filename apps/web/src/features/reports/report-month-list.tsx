import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { FormField } from '../../components/form-field';
import { useMessages } from '../../i18n/i18n';
import { reportMessages, reportStatusKey } from './report-messages';
import type { MonthlyReport } from './report-queries';

/** The term's months with their report status, and a picker to open one. */
export function ReportMonthList({
  contractId,
  months,
  reports,
}: {
  contractId: string;
  months: string[];
  reports: MonthlyReport[];
}) {
  const t = useMessages(reportMessages);
  const navigate = useNavigate();
  const byMonth = new Map(reports.map((r) => [r.month, r]));
  const [chosen, setChosen] = useState('');
  return (
    <>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen) navigate(`/vendor/contracts/${contractId}/reports/${chosen}`);
        }}
      >
        <FormField label={t.chooseMonth}>
          {(p) => (
            <select {...p} value={chosen} onChange={(e) => setChosen(e.target.value)}>
              <option value="">—</option>
              {months.map((m) => (
                <option key={m} value={m}>
                  {m} · {t[reportStatusKey(byMonth.get(m)?.status)]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <button type="submit" disabled={!chosen}>
          {t.goToMonth}
        </button>
      </form>
      <div className="table-wrap">
        <table>
          <caption>{t.months}</caption>
          <thead>
            <tr>
              <th scope="col">{t.month}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.actual}</th>
              <th scope="col">{t.absent}</th>
              <th scope="col">{t.obligations}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => {
              const r = byMonth.get(m);
              return (
                <tr key={m} data-month={m}>
                  <th scope="row">
                    <Link to={`/vendor/contracts/${contractId}/reports/${m}`}>{m}</Link>
                  </th>
                  <td data-field="status">{t[reportStatusKey(r?.status)]}</td>
                  <td>{r?.summary?.personMonths.actual ?? '—'}</td>
                  <td>{r?.summary?.personMonths.absent ?? '—'}</td>
                  <td>
                    {r?.summary
                      ? `${t.met} ${r.summary.obligations.met} · ${t.missing} ${r.summary.obligations.missing}`
                      : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
