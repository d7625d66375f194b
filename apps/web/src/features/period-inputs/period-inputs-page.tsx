import { useState } from 'react';
import { useParams } from 'react-router';
import { useGraphqlQuery } from '../../api/use-graphql';
import { FormField } from '../../components/form-field';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-state';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { formatPeriod } from '../../i18n/local-format';
import { ContractNav } from '../../components/contract-nav';
import { periodInputsMessages } from './period-inputs-messages';
import { CLOSABLE_PERIODS, PERIOD_INPUTS_CONTRACT } from './period-inputs-queries';
import { PeriodInputsLoader } from './period-inputs-loader';

/** The buyer's inputs of one period (the API's spec, from the scheme, decides which), locked periods read-only. */
export function PeriodInputsPage() {
  const t = useMessages(periodInputsMessages);
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const query = useGraphqlQuery(PERIOD_INPUTS_CONTRACT, { id });
  const periodsQuery = useGraphqlQuery(CLOSABLE_PERIODS, { contractId: id });
  const [period, setPeriod] = useState('');
  const name = query.status === 'ready' ? query.data.contract.name : '…';
  return (
    <Page title={format(t.title, { name })}>
      <ContractNav area="buyer" contractId={id} />
      <QueryView query={periodsQuery}>
        {({ closablePeriods: periods }) => {
          const kindLabel = (kind: string) => {
            const key = `kind${kind.replace(/-/g, '')}` as keyof typeof t;
            return key in t ? t[key] : kind;
          };
          // Default: the period holding today, else the term's first.
          const today = new Date().toISOString().slice(0, 10);
          const current = periods.find((x) => x.start <= today && today <= x.end);
          const chosen = periods.some((x) => x.id === period) ? period : (current ?? periods[0])?.id;
          return (
            <>
              <FormField
                label={t.period}
                hint={periods.length ? format(t.periodHint, { kind: kindLabel(periods[0].kind) }) : undefined}
              >
                {(p) => (
                  <select {...p} value={chosen} onChange={(e) => setPeriod(e.target.value)}>
                    {periods.map((x) => (
                      <option key={x.id} value={x.id}>
                        {formatPeriod(x.id, locale)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              {chosen ? <PeriodInputsLoader key={chosen} contractId={id} period={chosen} /> : null}
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}
