import { Link } from 'react-router';
import { format, useMessages } from '../../i18n/i18n';
import { vendorPagesMessages } from './vendor-pages-messages';
import '../../components/report-schedule.css';

/** The vendor's pages of one contract: monthly reports, tickets, assessments, payment schedule. */
export function VendorContractLinks({ contractId, name }: { contractId: string; name: string }) {
  const t = useMessages(vendorPagesMessages);
  const base = `/vendor/contracts/${contractId}`;
  return (
    <ul className="inline-links" aria-label={format(t.linksOf, { name })}>
      <li>
        <Link to={`${base}/reports`}>{t.reports}</Link>
      </li>
      <li>
        <Link to={`${base}/tickets`}>{t.tickets}</Link>
      </li>
      <li>
        <Link to={`${base}/assessments`}>{t.assessments}</Link>
      </li>
      <li>
        <Link to={`${base}/schedule`}>{t.schedule}</Link>
      </li>
    </ul>
  );
}

/** The column header, in the page's language. */
export function VendorContractLinksHeader() {
  return <>{useMessages(vendorPagesMessages).links}</>;
}
