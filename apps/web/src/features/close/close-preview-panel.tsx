import { useGraphqlQuery } from '../../api/use-graphql';
import { QueryView } from '../../components/query-state';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { formatPeriod } from '../../i18n/local-format';
import { closeMessages } from './close-messages';
import { PREVIEW_CLOSE } from './close-queries';
import { CloseResultView } from './close-result';
import { MissingList, ProvisionalNote } from './close-status';

export function PreviewPanel({
  contractId,
  period,
  asOf,
  inputsHref,
}: {
  contractId: string;
  period: string;
  asOf: string;
  inputsHref?: string;
}) {
  const t = useMessages(closeMessages);
  const { locale } = useLocale();
  const query = useGraphqlQuery(PREVIEW_CLOSE, { contractId, period, asOf: asOf || null });
  return (
    <section className="panel" aria-labelledby="close-preview" data-testid="close-preview">
      <h2 id="close-preview">{format(t.previewTitle, { period: formatPeriod(period, locale), asOf: asOf || '—' })}</h2>
      <QueryView query={query}>
        {({ previewPeriodClose: p }) => (
          <>
            <ProvisionalNote years={p.provisionalYears} />
            <MissingList missing={p.missing} inputsHref={inputsHref} />
            <CloseResultView result={p} />
          </>
        )}
      </QueryView>
    </section>
  );
}
