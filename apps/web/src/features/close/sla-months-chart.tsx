import { parse, print } from '@0no-co/graphql.web';
import { useMemo } from 'react';
import { gqlDocument, type GqlDocument, type ResultOf } from '../../api/graphql-client';
import { useGraphqlQuery } from '../../api/use-graphql';
import { DataTable } from '../../components/data-table';
import { EChart } from '../../components/echart';
import { QueryView } from '../../components/query-state';
import { format, useMessages } from '../../i18n/i18n';
import { closeMessages } from './close-messages';
import { chartNumber } from './score-decimal';

const MONTH_SLA = gqlDocument(
  'fragment MonthSla on ContractDashboard { sla { month severities { severity severityName compliancePercent met breached } } }',
);
type MonthSla = ResultOf<typeof MONTH_SLA>;

/** YYYY-MM of every month from the term's start to the earlier of its end and today. */
export function termMonthsSoFar(termStart: string, termEnd: string, today: string): string[] {
  const last = (termEnd < today ? termEnd : today).slice(0, 7);
  const out: string[] = [];
  let [y, m] = termStart.slice(0, 7).split('-').map(Number);
  for (let i = 0; i < 120; i++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    out.push(month);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/**
 * One request: `contractDashboard` per month under an alias (m0, m1, …), so the whole term comes back at once. The
 * aliases are built at run time, which gql.tada cannot read; each selects the fragment MonthSla (checked against the
 * schema), so the result is a map from alias to that fragment's result.
 */
function monthsDocument(months: readonly string[]): GqlDocument<Record<string, MonthSla>, { id: string }> {
  const fields = months
    .map((m, i) => `m${i}: contractDashboard(contractId: $id, month: "${m}") { ...MonthSla }`)
    .join('\n');
  return parse(`query SlaByMonth($id: ID!) { ${fields} }\n${print(MONTH_SLA)}`);
}

/** SLA compliance per month and severity: grouped bars, and the same figures as a table (the API's strings). */
export function SlaMonthsChart({ contractId, months }: { contractId: string; months: readonly string[] }) {
  const t = useMessages(closeMessages);
  const doc = useMemo(() => monthsDocument(months), [months]);
  const query = useGraphqlQuery(doc, { id: contractId });
  return (
    <section aria-labelledby="sla-by-month">
      <h2 id="sla-by-month">{t.slaTitle}</h2>
      <QueryView query={query}>{(data) => <SlaMonthsFigure rows={months.map((_, i) => data[`m${i}`])} />}</QueryView>
    </section>
  );
}

function SlaMonthsFigure({ rows }: { rows: MonthSla[] }) {
  const t = useMessages(closeMessages);
  const severities = useMemo(
    () => [...new Set(rows.flatMap((r) => r.sla.severities.map((s) => s.severity)))].sort(),
    [rows],
  );
  const cell = (r: MonthSla, sev: string) =>
    r.sla.severities.find((s) => s.severity === sev)?.compliancePercent ?? null;
  // The name the configuration gives a severity (一般故障), not its id.
  const names = useMemo(
    () => new Map(rows.flatMap((r) => r.sla.severities).map((s) => [s.severity, s.severityName])),
    [rows],
  );
  const nameOf = (sev: string) => names.get(sev) ?? sev;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: rows.map((r) => r.sla.month) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      series: severities.map((sev) => ({
        name: format(t.severity, { s: names.get(sev) ?? sev }),
        type: 'bar',
        // Drawing only; the table below carries the API's strings.
        data: rows.map((r) => {
          const v = cell(r, sev);
          return v === null ? '-' : chartNumber(v);
        }),
      })),
    }),
    [rows, severities, t, names],
  );
  return (
    <>
      <figure className="chart-figure" data-testid="sla-months">
        <figcaption>{t.slaTitle}</figcaption>
        <EChart option={option} label={t.slaLabel} />
      </figure>
      <DataTable
        columns={[t.month, ...severities.map((s) => format(t.severity, { s: nameOf(s) }))]}
        caption={t.slaTitle}
        testId="sla-months-table"
      >
        {rows.map((r) => (
          <tr key={r.sla.month} data-month={r.sla.month}>
            <th scope="row">{r.sla.month}</th>
            {severities.map((s) => {
              const v = cell(r, s);
              return (
                <td key={s} data-severity={s}>
                  {v === null ? <span className="muted">{t.slaNone}</span> : `${v} %`}
                </td>
              );
            })}
          </tr>
        ))}
      </DataTable>
    </>
  );
}
