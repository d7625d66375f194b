import { DataTable } from '../../components/data-table';
import { Money } from '../../components/money';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { formatDecimal2 } from '../../i18n/local-format';
import { explanationText } from '../../components/explanation-text';
import { decidedByKey, procurementMessages } from './procurement-messages';
import { type Ranking } from './procurement-queries';

export function RankingView({ ranking: r }: { ranking: Ranking }) {
  const t = useMessages(procurementMessages);
  // The engine's explanations arrive as code + params and are rendered in the console's language.
  const { locale } = useLocale();
  return (
    <>
      <p>
        {t.budget} <Money value={r.budget} /> · {t.basePrice}{' '}
        {r.basePrice ? <Money value={r.basePrice.evaluatedPrice} /> : '—'}
      </p>
      <DataTable columns={[t.rank, t.bidder, t.total, t.price, t.decidedBy]} caption={t.ranking} testId="ranking">
        {r.ranking.map((l) => {
          const k = decidedByKey(l.decidedBy);
          return (
            <tr key={l.bidId} data-bid-id={l.bidId}>
              <td data-field="rank">{l.rank}</td>
              <th scope="row">{l.bidderName}</th>
              <td data-field="total">{formatDecimal2(l.total)}</td>
              <td>
                <Money value={l.price} />
              </td>
              <td>{k ? t[k] : l.decidedBy}</td>
            </tr>
          );
        })}
      </DataTable>
      {r.flags.length ? (
        <ul aria-label={t.flags}>
          {r.flags.map((f, i) => (
            <li key={i}>
              <code>{f.code}</code> {f.message}
            </li>
          ))}
        </ul>
      ) : null}
      <h3>{t.scores}</h3>
      {r.bidders.map((b) => (
        <details key={b.bidId} className="panel" data-bidder={b.bidderName}>
          <summary>
            {b.bidderName} · {b.valid ? t.valid : format(t.invalid, { reasons: b.invalidReasons.join('；') })} ·{' '}
            {t.total} {formatDecimal2(b.total)}
          </summary>
          <p data-field="price-score">
            {t.priceScore} {formatDecimal2(b.priceScore)}
            {b.priceExplained ? (
              <span data-code={b.priceExplained.code}>（{explanationText(b.priceExplained, locale)}）</span>
            ) : null}
          </p>
          <table>
            <caption>
              {t.objective} {formatDecimal2(b.objectiveTotal)}
            </caption>
            <tbody>
              {b.objective.map((o) => (
                <tr key={o.itemId}>
                  <th scope="row">{o.label || o.itemId}</th>
                  <td>{formatDecimal2(o.points)}</td>
                  <td data-code={o.explained.code}>{explanationText(o.explained, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <caption>
              {t.subjective} {formatDecimal2(b.subjectiveTotal)}
            </caption>
            <tbody>
              {b.subjective.map((s) => (
                <tr key={s.itemId}>
                  <th scope="row">{s.label || s.itemId}</th>
                  <td>{formatDecimal2(s.mean)}</td>
                  <td>
                    {s.perEvaluator
                      .map(
                        (e) => `${e.evaluator}：${formatDecimal2(e.points)}（${explanationText(e.explained, locale)}）`,
                      )
                      .join('；')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {t.evaluatorTotals}：
            {b.evaluatorTotals.map((e) => `${e.evaluator} ${formatDecimal2(e.total)}`).join('，') || '—'}
          </p>
        </details>
      ))}
      {r.notes.length ? (
        <ul aria-label={t.notes}>
          {r.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
