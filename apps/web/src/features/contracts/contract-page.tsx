import { useState } from 'react';
import { useParams } from 'react-router';
import { useGraphqlQuery } from '../../api/use-graphql';
import { Money } from '../../components/money';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-state';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { formatDate } from '../../i18n/local-format';
import { useSession } from '../../session/session';
import { ContractNav } from '../../components/contract-nav';
import { AcceptanceTimingPanel } from '../dashboard/acceptance-timing-panel';
import { OnDemandPanel } from '../on-demand/on-demand-panel';
import { AllowancePanel } from '../allowances/allowance-panel';
import { SlaRevisionPanel } from '../sla-revisions/sla-revision-panel';
import { ContractStatusTiles } from '../dashboard/contract-status-tiles';
import { ContractConfigEditor } from '../config/contract-config-editor';
import { ContractConfigForm } from '../config/contract-config-form';
import { asConfigView } from '../config/contract-config-types';
import { ContractConfigView } from '../config/contract-config-view';
import { contractMessages } from './contract-messages';
import { CONTRACT_DETAIL, type ContractDetail } from './contract-queries';
import { ContractVersions } from './contract-versions';

/**
 * The buyer's contract page: the dashboard tiles first, then the configuration in words, its versions, and for
 * the buyer admin the editor that saves a new version (staff read only).
 */
export function ContractPage() {
  const t = useMessages(contractMessages);
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const { user } = useSession();
  const query = useGraphqlQuery(CONTRACT_DETAIL, { id });
  // The save answers with the whole contract: shown at once, without a reload that would drop the editor's state.
  const [saved, setSaved] = useState<ContractDetail | null>(null);
  const name = query.status === 'ready' ? query.data.contract.name : '…';
  return (
    <Page title={format(t.title, { name })}>
      <ContractNav area="buyer" contractId={id} />
      <QueryView query={query}>
        {(data) => {
          const contract = saved?.id === data.contract.id ? saved : data.contract;
          return (
            <>
              <p className="muted">
                {t.code} {contract.code} · {t.term} {formatDate(contract.termStart, locale)} –{' '}
                {formatDate(contract.termEnd, locale)} · {t.amount} <Money value={contract.amount} />
              </p>
              <ContractStatusTiles contractId={contract.id} heading={t.statusHeading} />
              <AcceptanceTimingPanel contractId={contract.id} />
              <OnDemandPanel contractId={contract.id} />
              <AllowancePanel contractId={contract.id} />
              <section aria-labelledby="config-heading">
                <h2 id="config-heading">{format(t.configHeading, { version: contract.currentVersion })}</h2>
                <ContractConfigView config={asConfigView(contract.configuration)} />
              </section>
              <section aria-labelledby="versions-heading">
                <h2 id="versions-heading">{t.versions}</h2>
                <ContractVersions
                  versions={contract.versions}
                  current={contract.currentVersion}
                  preset={{ id: contract.presetId, title: contract.name }}
                />
              </section>
              {/* Remounted on a new version: what the open tickets follow is read again. */}
              <SlaRevisionPanel key={contract.currentVersion} contractId={contract.id} />
              <section aria-labelledby="edit-heading">
                <h2 id="edit-heading">{t.editHeading}</h2>
                {user?.role === 'buyer-admin' ? (
                  <>
                    <ContractConfigForm contract={contract} onSaved={setSaved} />
                    <ContractConfigEditor contract={contract} onSaved={setSaved} />
                  </>
                ) : (
                  <p className="muted">{t.readOnly}</p>
                )}
              </section>
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}
