import { Link } from 'react-router';
import { Money } from '../../components/money';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { formatDate } from '../../i18n/local-format';
import { VendorContractLinks, VendorContractLinksHeader } from './vendor-contract-links';
import { contractFilterMessages } from './contract-filter-messages';
import { CompliancePercent, LastScore, NextPayment, ObligationsFigure } from '../dashboard/dashboard-tiles';
import { dashboardMessages } from '../dashboard/dashboard-messages';
import { type ContractDashboard, type ContractListPage } from '../dashboard/dashboard-queries';

/** The contracts of the list, one row each with its figures of the month (`tiles`, by contract id). */
export function ContractsTable({
  area,
  vendorView,
  nodes,
  tiles,
  shownMonth,
}: {
  area: 'buyer' | 'vendor' | 'finance';
  vendorView: boolean;
  nodes: ContractListPage['nodes'];
  tiles: ReadonlyMap<string, ContractDashboard>;
  shownMonth: string;
}) {
  const t = useMessages(dashboardMessages);
  const tf = useMessages(contractFilterMessages);
  const { locale } = useLocale();
  return (
    <div className="table-wrap">
      <table className="contracts">
        <caption>{format(t.slaComplianceOf, { month: shownMonth })}</caption>
        <thead>
          <tr>
            <th scope="col">{t.contract}</th>
            {vendorView ? <th scope="col">{tf.agency}</th> : null}
            <th scope="col">{t.amount}</th>
            <th scope="col">{t.compliance}</th>
            <th scope="col">{t.openBreaches}</th>
            <th scope="col">{t.warnings}</th>
            <th scope="col">{t.obligations}</th>
            <th scope="col">{t.lastScore}</th>
            <th scope="col">{t.nextPayment}</th>
            {vendorView ? (
              <th scope="col">
                <VendorContractLinksHeader />
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {nodes.map((c) => {
            const d = tiles.get(c.id);
            return (
              <tr key={c.id} data-contract-code={c.code}>
                <th scope="row">
                  <Link to={`/${area}/contracts/${c.id}`} aria-label={format(t.showTiles, { name: c.name })}>
                    {c.name}
                  </Link>
                  <div className="muted">{c.code}</div>
                  <div className="muted" data-field="term">
                    {format(tf.termRange, {
                      start: formatDate(c.termStart, locale),
                      end: formatDate(c.termEnd, locale),
                    })}
                  </div>
                </th>
                {vendorView ? <td data-field="agency">{c.tenantName ?? ''}</td> : null}
                <td data-field="amount">
                  <Money value={c.amount} />
                </td>
                <td data-field="compliance">{d ? <CompliancePercent value={d.sla.compliancePercent} /> : '—'}</td>
                <td data-field="open-breaches" className={d?.openBreaches ? 'alert' : undefined}>
                  {d ? d.openBreaches : '—'}
                </td>
                <td data-field="warnings">{d ? d.notifications.total : '—'}</td>
                <td data-field="obligations" className={d?.obligations.missing ? 'alert' : undefined}>
                  {d ? <ObligationsFigure obligations={d.obligations} /> : '—'}
                </td>
                <td data-field="last-score">{d ? <LastScore close={d.lastConfirmedClose} /> : '—'}</td>
                <td data-field="next-payment">{d ? <NextPayment payment={d.nextPayment} /> : '—'}</td>
                {vendorView ? (
                  <td data-field="links">
                    <VendorContractLinks contractId={c.id} name={c.name} />
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
