import { Fragment, useState } from 'react';
import { useParams } from 'react-router';
import { gqlDocument } from '../../api/graphql-client';
import { useGraphqlQuery } from '../../api/use-graphql';
import { DataTable } from '../../components/data-table';
import { Money } from '../../components/money';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-state';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { formatDate, formatDateTime, formatDecimal2, formatPeriod } from '../../i18n/local-format';
import { periodInputsMessages } from '../period-inputs/period-inputs-messages';
import { deductionKindInWords, EXPLANATION_FIELDS, explanationText } from '../../components/explanation-text';
import { ContractNav } from '../../components/contract-nav';
import { closeStatusKey, vendorPagesMessages } from '../contracts/vendor-pages-messages';
import '../../components/report-schedule.css';

const PERIOD_CLOSES = gqlDocument(
  `query VendorCloses($id: ID!) { contract(id: $id) { id name } periodCloses(contractId: $id) { id period revision status score grade asOf confirmedAt
    lines { id kind ruleId label paymentLineId amount formula formulaExplanation { ...ExplanationFields } }
    result { assessment { breakdown { componentId label input points explanation explained { ...ExplanationFields } }
      flags { code message messageExplanation { ...ExplanationFields } } } } } }`,
  [EXPLANATION_FIELDS],
);

/** `/vendor/contracts/:id/assessments`: the contract's closes (drafts and confirmed), read-only, with their breakdown. */
export function VendorAssessmentsPage() {
  const t = useMessages(vendorPagesMessages);
  const inputWords = useMessages(periodInputsMessages) as Readonly<Record<string, string>>;
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const query = useGraphqlQuery(PERIOD_CLOSES, { id });
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Page title={format(t.assessmentsTitle, { name: query.status === 'ready' ? query.data.contract.name : '…' })}>
      <ContractNav area="vendor" contractId={id} />
      <QueryView query={query}>
        {({ periodCloses }) =>
          periodCloses.length ? (
            <DataTable columns={[t.period, t.revision, t.status, t.score, t.grade, t.asOf, t.confirmedAt, t.breakdown]}>
              {periodCloses.map((c) => {
                const key = closeStatusKey(c.status);
                const expanded = open === c.id;
                return (
                  <Fragment key={c.id}>
                    <tr data-period={c.period} data-status={c.status}>
                      <th scope="row">{formatPeriod(c.period, locale)}</th>
                      <td>{c.revision}</td>
                      <td>{key ? t[key] : c.status}</td>
                      <td>{c.score !== null ? formatDecimal2(c.score) : '—'}</td>
                      <td>{c.grade ?? '—'}</td>
                      <td>{formatDate(c.asOf, locale)}</td>
                      <td>{c.confirmedAt ? formatDateTime(c.confirmedAt) : '—'}</td>
                      <td>
                        {c.result ? (
                          <button
                            type="button"
                            className="link-button"
                            aria-expanded={expanded}
                            aria-controls={`close-${c.id}`}
                            onClick={() => setOpen(expanded ? null : c.id)}
                          >
                            {format(expanded ? t.hideBreakdown : t.showBreakdown, {
                              period: formatPeriod(c.period, locale),
                              revision: c.revision,
                            })}
                          </button>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                    {expanded && c.result ? (
                      <tr id={`close-${c.id}`}>
                        <td colSpan={8}>
                          <table>
                            <caption>{t.breakdown}</caption>
                            <thead>
                              <tr>
                                <th scope="col">{t.component}</th>
                                <th scope="col">{t.input}</th>
                                <th scope="col">{t.points}</th>
                                <th scope="col">{t.explanation}</th>
                              </tr>
                            </thead>
                            <tbody>
                              {c.result.assessment.breakdown.map((b) => (
                                <tr key={b.componentId}>
                                  <th scope="row">{b.label}</th>
                                  <td>{inputWords[`missing${b.input}`] ?? b.label}</td>
                                  <td>{b.points}</td>
                                  <td data-code={b.explained.code}>{explanationText(b.explained, locale)}</td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                          {c.lines.length ? (
                            <table>
                              <caption>{t.deductionLines}</caption>
                              <thead>
                                <tr>
                                  <th scope="col">{t.rule}</th>
                                  <th scope="col">{t.amount}</th>
                                  <th scope="col">{t.formula}</th>
                                </tr>
                              </thead>
                              <tbody>
                                {c.lines.map((l) => (
                                  <tr key={l.id}>
                                    <th scope="row">{l.label ?? deductionKindInWords(l.kind, locale)}</th>
                                    <td>
                                      <Money value={l.amount} />
                                    </td>
                                    <td data-code={l.formulaExplanation.code}>
                                      {explanationText(l.formulaExplanation, locale)}
                                    </td>
                                  </tr>
                                ))}
                              </tbody>
                            </table>
                          ) : null}
                          {c.result.assessment.flags.length ? (
                            <ul aria-label={t.flags}>
                              {c.result.assessment.flags.map((f, i) => (
                                <li key={i}>{explanationText(f.messageExplanation, locale)}</li>
                              ))}
                            </ul>
                          ) : null}
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </DataTable>
          ) : (
            <p>{t.noCloses}</p>
          )
        }
      </QueryView>
    </Page>
  );
}
