import { Fragment, useState } from 'react';
import { useParams } from 'react-router';
import { gqlDocument } from '../../api/graphql-client';
import { useGraphqlQuery } from '../../api/use-graphql';
import { DataTable } from '../../components/data-table';
import { Money } from '../../components/money';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-state';
import { format, useMessages } from '../../i18n/i18n';
import { ContractNav } from '../shared/contract-nav';
import { closeStatusKey, vendorPagesMessages } from './vendor-pages-messages';
import '../shared/report-schedule.css';

type Close = {
  id: string;
  period: string;
  revision: number;
  status: string;
  score: string | null;
  grade: string | null;
  asOf: string;
  confirmedAt: string | null;
  lines: { id: string; kind: string; ruleId: string | null; label: string | null; paymentLineId: string | null; amount: string; formula: string }[];
  result: { assessment: { breakdown: { componentId: string; label: string; input: string; points: string; explanation: string }[]; flags: { code: string; message: string }[] } } | null;
};

const PERIOD_CLOSES = gqlDocument<{ periodCloses: Close[]; contract: { id: string; name: string } }, { id: string }>(
  `query VendorCloses($id: ID!) { contract(id: $id) { id name } periodCloses(contractId: $id) { id period revision status score grade asOf confirmedAt
    lines { id kind ruleId label paymentLineId amount formula }
    result { assessment { breakdown { componentId label input points explanation } flags { code message } } } } }`,
);

/** `/vendor/contracts/:id/assessments`: the contract's closes (drafts and confirmed), read-only, with their breakdown. */
export function VendorAssessmentsPage() {
  const t = useMessages(vendorPagesMessages);
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
                      <th scope="row">{c.period}</th>
                      <td>{c.revision}</td>
                      <td>{key ? t[key] : c.status}</td>
                      <td>{c.score ?? '—'}</td>
                      <td>{c.grade ?? '—'}</td>
                      <td>{c.asOf}</td>
                      <td>{c.confirmedAt ? c.confirmedAt.slice(0, 16).replace('T', ' ') : '—'}</td>
                      <td>
                        {c.result ? (
                          <button type="button" className="link-button" aria-expanded={expanded} aria-controls={`close-${c.id}`} onClick={() => setOpen(expanded ? null : c.id)}>
                            {format(expanded ? t.hideBreakdown : t.showBreakdown, { period: c.period, revision: c.revision })}
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
                                  <td>{b.input}</td>
                                  <td>{b.points}</td>
                                  <td>{b.explanation}</td>
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
                                    <th scope="row">
                                      {l.ruleId ?? l.kind} <span className="muted">{l.paymentLineId}</span>
                                    </th>
                                    <td>
                                      <Money value={l.amount} />
                                    </td>
                                    <td>{l.formula}</td>
                                  </tr>
                                ))}
                              </tbody>
                            </table>
                          ) : null}
                          {c.result.assessment.flags.length ? (
                            <ul aria-label={t.flags}>
                              {c.result.assessment.flags.map((f, i) => (
                                <li key={i}>
                                  <code>{f.code}</code> {f.message}
                                </li>
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
