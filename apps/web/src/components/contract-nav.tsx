import { Link, NavLink } from 'react-router';
import { useMessages } from '../i18n/i18n';
import './contract-pages.css';
import { contractNavMessages } from './contract-nav-messages';

type Area = 'buyer' | 'vendor';

/**
 * The tabs of one contract: each is its own page (own URL, so it can be bookmarked and opened by keyboard);
 * NavLink marks the current one with aria-current="page".
 */
export function ContractNav({ area, contractId }: { area: Area; contractId: string }) {
  const t = useMessages(contractNavMessages);
  const base = `/${area}/contracts/${contractId}`;
  const tabs: { to: string; label: string }[] =
    area === 'buyer'
      ? [
          { to: base, label: t.overview },
          { to: `${base}/tickets`, label: t.tickets },
          { to: `${base}/inputs`, label: t.inputs },
          { to: `${base}/close`, label: t.close },
          { to: `${base}/reports`, label: t.reports },
        ]
      : [
          { to: base, label: t.dashboard },
          { to: `${base}/tickets`, label: t.tickets },
          { to: `${base}/reports`, label: t.reports },
          { to: `${base}/assessments`, label: t.assessments },
          { to: `${base}/schedule`, label: t.schedule },
          { to: `${base}/close`, label: t.close },
        ];
  return (
    <>
      <p>
        <Link to={`/${area}/contracts`}>{t.backToOverview}</Link>
      </p>
      <nav className="contract-nav" aria-label={t.contractSections}>
        <ul>
          {tabs.map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to} end>
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
