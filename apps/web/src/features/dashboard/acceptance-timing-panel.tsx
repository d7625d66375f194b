import { gqlDocument } from '../../api/graphql-client';
import { useGraphqlQuery } from '../../api/use-graphql';
import { EXPLANATION_FIELDS, explanationText } from '../../components/explanation-text';
import { QueryView } from '../../components/query-state';
import { StatTile } from '../../components/stat-tile';
import { defineMessages, format, useLocale, useMessages } from '../../i18n/i18n';
import { formatDate } from '../../i18n/local-format';

const ACCEPTANCE_TIMING = gqlDocument(
  `query AcceptanceTiming($id: ID!) { acceptanceTiming(contractId: $id) { earliestApplication clawbackDeadline marginDays
    warning decisiveTicket majorFailures explanations { ...ExplanationFields } } }`,
  [EXPLANATION_FIELDS],
);

const messages = defineMessages(
  {
    heading: '验收时间',
    earliest: '最早可申请验收',
    notYet: '暂不能申请',
    deadline: '须通过验收日期',
    margin: '余量',
    days: '{n} 天',
    majorFailures: '服务期内重大故障',
  },
  {
    heading: 'Acceptance timing',
    earliest: 'Earliest application',
    notYet: 'not yet',
    deadline: 'Acceptance due by',
    margin: 'Margin',
    days: '{n} days',
    majorFailures: 'Major failures in the term',
  },
);

/**
 * The acceptance timing of a contract that sets one (domain rule 17, Tianjin): the earliest application date, the
 * date acceptance must pass by before the buyer may claw back, the margin (warned under 30 days) and why, in the
 * console's language. Renders nothing for a contract without acceptance timing (nor while asking).
 */
export function AcceptanceTimingPanel({ contractId }: { contractId: string }) {
  const t = useMessages(messages);
  const { locale } = useLocale();
  const query = useGraphqlQuery(ACCEPTANCE_TIMING, { id: contractId });
  // Nothing while loading: most contracts set no acceptance timing, and a heading that vanishes would jump the page.
  if (query.status === 'loading' || (query.status === 'ready' && query.data.acceptanceTiming === null)) return null;
  return (
    <section aria-labelledby="acceptance-heading" data-section="acceptance-timing">
      <h2 id="acceptance-heading">{t.heading}</h2>
      <QueryView query={query}>
        {({ acceptanceTiming: a }) =>
          a === null ? null : (
            <>
              <dl className="tiles">
                <StatTile label={t.earliest} tone={a.earliestApplication === null ? 'alert' : undefined}>
                  {a.earliestApplication === null ? t.notYet : formatDate(a.earliestApplication, locale)}
                </StatTile>
                <StatTile label={t.deadline}>{formatDate(a.clawbackDeadline, locale)}</StatTile>
                <StatTile label={t.margin} tone={a.warning ? 'alert' : 'ok'}>
                  {a.marginDays === null ? '—' : format(t.days, { n: a.marginDays })}
                </StatTile>
                <StatTile label={t.majorFailures} tone={a.majorFailures > 0 ? 'alert' : 'ok'}>
                  {a.majorFailures}
                </StatTile>
              </dl>
              <ul className={a.warning ? 'field-error' : 'muted'}>
                {a.explanations.map((e) => (
                  <li key={e.code}>{explanationText(e, locale)}</li>
                ))}
              </ul>
            </>
          )
        }
      </QueryView>
    </section>
  );
}
