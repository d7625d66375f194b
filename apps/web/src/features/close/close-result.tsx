import { DataTable } from '../../components/data-table';
import { Money } from '../../components/money';
import { StatTile } from '../../components/stat-tile';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import type { Locale } from '../../i18n/messages';
import { formatDecimal2, formatPeriod, formatQuantity } from '../../i18n/local-format';
import { explanationText, type ExplanationView } from '../../components/explanation-text';
import { periodInputsMessages } from '../period-inputs/period-inputs-messages';
import { closeMessages, lineStatusKey } from './close-messages';
import type { CloseLine, CloseResult } from './close-queries';
import { ScoreWaterfallChart } from './score-waterfall-chart';
import { DeductionLines, Flags } from './close-result-lines';

/** An engine explanation in the console's language from its code; a client that did not select the code gets the API's text. */
export const said = (
  view: ExplanationView | null | undefined,
  text: string | null | undefined,
  locale: Locale,
): string => (view ? explanationText(view, locale) : (text ?? ''));

/** A scheme input named in words (the component's label when the input has no name of its own). */
function inputWords(input: string, label: string, words: Readonly<Record<string, string>>): string {
  return words[`missing${input}`] ?? label;
}

/** What a close (or its preview) computed: score, breakdown with the waterfall, metrics, flags and the schedule. */
export function CloseResultView({ result, lines }: { result: CloseResult; lines?: readonly CloseLine[] }) {
  const t = useMessages(closeMessages);
  const words = useMessages(periodInputsMessages) as Readonly<Record<string, string>>;
  const { locale } = useLocale();
  const a = result.assessment;
  const notes = [
    ...(a.noteExplanations ?? a.notes.map(() => null)).map((v, i) => said(v, a.notes[i], locale)),
    ...(result.noteExplanations ?? result.notes.map(() => null)).map((v, i) => said(v, result.notes[i], locale)),
  ];
  const base = a.base;
  return (
    <>
      <dl className="tiles">
        <StatTile label={t.finalScore}>
          <span data-field="score">{a.score !== null ? formatDecimal2(a.score) : '—'}</span>
          {a.grade ? <span data-field="grade"> {a.grade}</span> : null}
        </StatTile>
        <StatTile label={t.unclamped}>{a.unclampedScore !== null ? formatDecimal2(a.unclampedScore) : '—'}</StatTile>
        {result.year ? (
          <StatTile label={format(t.yearScore, { year: result.year.year })} tone={undefined}>
            <span data-field="year-score">{formatDecimal2(result.year.score)}</span>
          </StatTile>
        ) : null}
        <StatTile label={t.configVersion}>{result.configVersion}</StatTile>
      </dl>
      {a.explanation ? (
        <p className="muted" data-field="explanation" data-code={a.explained?.code}>
          {said(a.explained, a.explanation, locale)}
        </p>
      ) : null}
      {result.year ? (
        <p className="muted" data-code={result.year.explained?.code}>
          {said(result.year.explained, result.year.explanation, locale)}
        </p>
      ) : null}
      {a.breakdown.length ? (
        <section aria-labelledby="score-breakdown">
          <h3 id="score-breakdown">{t.breakdown}</h3>
          <DataTable columns={[t.component, t.input, t.pointsLost, t.explanation]} testId="score-breakdown">
            {base !== null ? (
              <tr>
                <th scope="row">{t.base}</th>
                <td>—</td>
                <td data-field="points">{base}</td>
                <td>—</td>
              </tr>
            ) : null}
            {a.breakdown.map((b) => (
              <tr key={b.componentId} data-component={b.componentId}>
                <th scope="row">{b.label}</th>
                <td data-input={b.input}>{inputWords(b.input, b.label, words)}</td>
                <td data-field="points">{b.points}</td>
                <td>
                  <span data-code={b.explained?.code}>{said(b.explained, b.explanation, locale)}</span>
                  {a.flags
                    .filter((f) => f.componentId === b.componentId)
                    .map((f, i) => (
                      <div key={i} className="field-error">
                        ⚑ {said(f.messageExplanation, f.message, locale)}
                      </div>
                    ))}
                </td>
              </tr>
            ))}
          </DataTable>
          <ScoreWaterfallChart assessment={a} />
        </section>
      ) : null}
      {notes.length ? (
        <section aria-label={t.notes}>
          <h3>{t.notes}</h3>
          <ul>
            {notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <Flags flags={result.flags} />
      {lines ? <DeductionLines lines={lines.filter((l) => l.kind === 'deduction' || l.kind === 'adjustment')} /> : null}
      <section aria-labelledby="derived-metrics">
        <h3 id="derived-metrics">{t.metrics}</h3>
        <DataTable columns={[t.period, t.metric, t.value, t.numerator, t.denominator, t.explanation]} testId="metrics">
          {result.metrics.map((m) => (
            <tr key={`${m.period}-${m.id}`} data-metric={`${m.period}/${m.id}`}>
              <td>{formatPeriod(m.period, locale)}</td>
              <th scope="row">{m.label}</th>
              <td data-field="display">{m.display !== null ? formatDecimal2(m.display) : '—'}</td>
              <td data-field="numerator">{formatQuantity(m.numerator)}</td>
              <td data-field="denominator">{formatQuantity(m.denominator)}</td>
              <td>
                {said(m.explained, m.explanation, locale)}
                {m.notes.map((n, i) => (
                  <div key={i} className="muted">
                    {said(m.noteExplanations?.[i], n, locale)}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
      <ScheduleTable lines={result.schedule.lines} />
    </>
  );
}

export function ScheduleTable({ lines, caption }: { lines: CloseResult['schedule']['lines']; caption?: string }) {
  const t = useMessages(closeMessages);
  const { locale } = useLocale();
  return (
    <DataTable
      columns={[t.paymentLine, t.gross, t.deductions, t.net, t.status, t.dueDate]}
      caption={caption ?? t.schedule}
      testId="schedule-lines"
    >
      {lines.map((l) => {
        const key = lineStatusKey(l.status);
        return (
          <tr key={l.id} data-line-id={l.id}>
            <th scope="row">{l.label}</th>
            <td data-field="gross">
              <Money value={l.gross} />
            </td>
            <td>
              {l.deductions.length ? (
                <ul className="deductions">
                  {l.deductions.map((d, i) => (
                    <li key={i} data-rule={d.ruleId}>
                      <Money value={d.amount} /> {d.label ? `${d.label}：` : ''}
                      {said(d.formulaExplanation, d.formula, locale)}
                    </li>
                  ))}
                </ul>
              ) : (
                '—'
              )}
            </td>
            <td data-field="net">
              <Money value={l.net} />
            </td>
            <td data-field="status">{key ? t[key] : l.status}</td>
            <td data-field="due">{l.dueDate ?? t.notDue}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
