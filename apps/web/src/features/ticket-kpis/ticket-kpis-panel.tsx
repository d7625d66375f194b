import { useGraphqlQuery } from '../../api/use-graphql';
import { DataTable } from '../../components/data-table';
import { explanationText } from '../../components/explanation-text';
import { QueryView } from '../../components/query-state';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { formatDate, formatDecimal2 } from '../../i18n/local-format';
import { ticketKpisMessages } from './ticket-kpis-messages';
import { TICKET_KPIS } from './ticket-kpis-queries';
import '../../components/panels.css';

/**
 * The contract's KPIs from its tickets over a period (domain rule 17: Tianjin's response, resolution and vulnerability
 * fix rates), as of today: the evidence the buyer reads before deciding the period's 服务合格. Renders nothing for a
 * contract without KPIs.
 */
export function TicketKpisPanel({ contractId, period }: { contractId: string; period: string }) {
  const t = useMessages(ticketKpisMessages);
  const { locale } = useLocale();
  const query = useGraphqlQuery(TICKET_KPIS, { contractId, period });
  return (
    <QueryView query={query}>
      {({ ticketKpis: k }) =>
        k.kpis.length === 0 ? null : (
          <section aria-labelledby="ticket-kpis-heading" data-section="ticket-kpis">
            <h3 id="ticket-kpis-heading">{t.heading}</h3>
            <p className="muted">{format(t.hint, { asOf: formatDate(k.asOf, locale) })}</p>
            <DataTable
              columns={[
                t.kpi,
                ...[t.period, t.counted, t.achieved, t.rate, t.minimum, t.verdict].map((c) => (
                  // Figures in narrow columns: the words stay on one line.
                  <span key={c} className="nowrap">
                    {c}
                  </span>
                )),
                t.detail,
              ]}
              testId="ticket-kpis"
            >
              {k.kpis.map((r) => (
                <tr key={r.kpiId} data-kpi={r.kpiId} data-meets={r.meets === null ? 'none' : String(r.meets)}>
                  <th scope="row">{r.name}</th>
                  <td className="nowrap">
                    {formatDate(r.periodStart, locale)}–{formatDate(r.periodEnd, locale)}
                  </td>
                  <td>{r.counted}</td>
                  <td>{r.achieved}</td>
                  <td data-field="rate">{r.rate === null ? '—' : `${formatDecimal2(r.rate)}%`}</td>
                  <td className="nowrap">{format(t.atLeast, { percent: r.minPercent })}</td>
                  <td className={r.meets === false ? 'field-error' : undefined}>
                    {r.meets === null ? t.none : r.meets ? t.met : t.notMet}
                  </td>
                  <td>{explanationText(r.explained, locale)}</td>
                </tr>
              ))}
            </DataTable>
          </section>
        )
      }
    </QueryView>
  );
}
