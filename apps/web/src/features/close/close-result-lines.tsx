import { DataTable } from '../../components/data-table';
import { Money } from '../../components/money';
import { useLocale, useMessages } from '../../i18n/i18n';
import { formatPeriod } from '../../i18n/local-format';
import { basisInWords, deductionKindInWords } from '../../components/explanation-text';
import { closeMessages } from './close-messages';
import type { CloseFlag, CloseLine } from './close-queries';
import { said } from './close-result';

export function Flags({ flags }: { flags: readonly CloseFlag[] }) {
  const t = useMessages(closeMessages);
  const { locale } = useLocale();
  if (!flags.length) return null;
  return (
    <section aria-label={t.flags}>
      <h3>{t.flags}</h3>
      <ul className="close-flags">
        {flags.map((f, i) => (
          <li key={i} data-flag={f.code}>
            {formatPeriod(f.period, locale)}：{said(f.messageExplanation, f.message, locale)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The deduction lines a close stored, each with its rule, basis, formula and amount (money as the API's strings). */
export function DeductionLines({ lines }: { lines: readonly CloseLine[] }) {
  const t = useMessages(closeMessages);
  const { locale } = useLocale();
  return (
    <section aria-labelledby="deduction-lines">
      <h3 id="deduction-lines">{t.deductionLines}</h3>
      {lines.length ? (
        <DataTable columns={[t.rule, t.paymentLine, t.basis, t.formula, t.amount]} testId="deduction-lines">
          {lines.map((l) => (
            <tr key={l.id} data-line-id={l.id}>
              <th scope="row">{l.label ?? deductionKindInWords(l.kind, locale)}</th>
              <td>{l.paymentLineId ?? '—'}</td>
              <td>
                <span className="basis">{basisInWords(l.basis, locale)}</span>
              </td>
              <td data-field="formula" data-code={l.formulaExplanation?.code}>
                {said(l.formulaExplanation, l.formula, locale)}
              </td>
              <td data-field="amount">
                <Money value={l.amount} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>{t.noDeductions}</p>
      )}
    </section>
  );
}
