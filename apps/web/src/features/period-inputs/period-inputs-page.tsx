import { useState } from 'react';
import { useParams } from 'react-router';
import { useGraphqlMutation, useGraphqlQuery } from '../../api/use-graphql';
import { FormField } from '../../components/form-field';
import { Page } from '../../components/page';
import { ErrorState, problemsOf, QueryView, useProblemText } from '../../components/query-state';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { formatDateTime, formatPeriod } from '../../i18n/local-format';
import { ContractNav } from '../../components/contract-nav';
import { periodInputsMessages } from './period-inputs-messages';
import {
  CLOSABLE_PERIODS,
  PERIOD_INPUT_SPEC,
  PERIOD_INPUTS,
  PERIOD_INPUTS_CONTRACT,
  type PeriodInputsData,
  type PeriodInputSpec,
  type SchemeInputs,
  schemeInputs,
  SET_PERIOD_INPUTS,
  type SetPeriodInputsInput,
} from './period-inputs-queries';

type Person = { personId: string; name: string; parts: Record<string, string>; bonuses: string };
type YesNo = '' | 'yes' | 'no';

const yesNo = (v: boolean | null | undefined): YesNo => (v === true ? 'yes' : v === false ? 'no' : '');
const fromYesNo = (v: YesNo): boolean | undefined => (v === '' ? undefined : v === 'yes');
const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

function peopleOf(stored: unknown, scheme: SchemeInputs): Person[] {
  if (!Array.isArray(stored)) return [];
  return stored.map((raw) => {
    const p = record(raw);
    return {
      personId: text(p.personId),
      name: text(p.name),
      parts: Object.fromEntries((scheme.staff?.parts ?? []).map((part) => [part.id, text(p[part.id])])),
      bonuses: Array.isArray(p.bonuses) ? p.bonuses.map(text).join(', ') : '',
    };
  });
}

/** A count stays a number (the API takes a count or a list of events); anything else is sent as JSON if it parses. */
function incidentsValue(value: string): unknown {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return trimmed; // the API names the problem at input.securityIncidents
  }
}

function YesNoField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: YesNo;
  onChange(v: YesNo): void;
  error?: string | null;
}) {
  const t = useMessages(periodInputsMessages);
  return (
    <FormField label={label} error={error}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value as YesNo)}>
          <option value="">{t.unset}</option>
          <option value="yes">{t.yes}</option>
          <option value="no">{t.no}</option>
        </select>
      )}
    </FormField>
  );
}

/** The form of one period, started from what is stored; every problem of a save shown at its field and listed. */
function PeriodInputsForm({
  contractId,
  data,
  spec,
  saved,
  onSaved,
}: {
  contractId: string;
  data: PeriodInputsData;
  spec: PeriodInputSpec;
  saved: boolean;
  onSaved(data: PeriodInputsData): void;
}) {
  const t = useMessages(periodInputsMessages);
  const scheme = schemeInputs(spec);
  const fromTickets = spec.components.filter((c) => c.source === 'ticket-metric').map((c) => c.label);
  const [people, setPeople] = useState<Person[]>(() => peopleOf(data.staffScores, scheme));
  const [satisfaction, setSatisfaction] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(record(data.satisfaction)).map(([k, v]) => [k, text(v)])),
  );
  const [incidents, setIncidents] = useState(() =>
    data.securityIncidents === null
      ? ''
      : typeof data.securityIncidents === 'number'
        ? String(data.securityIncidents)
        : JSON.stringify(data.securityIncidents),
  );
  const [items, setItems] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(record(data.itemScores)).map(([k, v]) => [k, text(v)])),
  );
  const [complaints, setComplaints] = useState({
    valid: text(data.complaints?.valid),
    invalid: text(data.complaints?.invalid),
  });
  const [quarterQualified, setQuarterQualified] = useState<YesNo>(yesNo(data.quarterQualified));
  const [acceptancePassed, setAcceptancePassed] = useState<YesNo>(yesNo(data.acceptance?.passed));
  const [acceptanceDate, setAcceptanceDate] = useState(data.acceptance?.date ?? '');
  const [ledger, setLedger] = useState<YesNo>(yesNo(data.ledgerConfirmed));
  const [save, state] = useGraphqlMutation(SET_PERIOD_INPUTS);
  const problems = problemsOf(state.error);
  const problemText = useProblemText();
  const problemAt = (path: string) =>
    problems
      .filter((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`))
      .map(problemText)
      .join('；') || null;
  const isQuarter = spec.quarterQualified;

  const buildInput = (): SetPeriodInputsInput => {
    const input: SetPeriodInputsInput = { contractId, period: data.period, ledgerConfirmed: fromYesNo(ledger) };
    if (data.locked) return input; // only the ledger confirmation stays open after the close
    if (scheme.staff && (people.length || data.staffScores !== null)) {
      input.staffScores = people.map((p) => ({
        personId: p.personId,
        ...(p.name ? { name: p.name } : {}),
        ...p.parts,
        ...(p.bonuses.trim()
          ? {
              bonuses: p.bonuses
                .split(/[,，]/)
                .map((b) => b.trim())
                .filter(Boolean),
            }
          : {}),
      }));
    }
    const answered = Object.fromEntries(Object.entries(satisfaction).filter(([, v]) => v));
    if (Object.keys(answered).length) input.satisfaction = answered;
    if (scheme.perEvent && incidents.trim()) input.securityIncidents = incidentsValue(incidents);
    const scored = Object.fromEntries(Object.entries(items).filter(([, v]) => v.trim()));
    if (scheme.items && Object.keys(scored).length) input.itemScores = scored;
    if (complaints.valid !== '' || complaints.invalid !== '')
      input.complaints = { valid: Number(complaints.valid || 0), invalid: Number(complaints.invalid || 0) };
    if (isQuarter && quarterQualified) input.quarterQualified = quarterQualified === 'yes';
    if (acceptancePassed)
      input.acceptance = { passed: acceptancePassed === 'yes', ...(acceptanceDate ? { date: acceptanceDate } : {}) };
    return input;
  };

  const submit = async () => {
    try {
      const { setPeriodInputs } = await save({ input: buildInput() });
      onSaved(setPeriodInputs);
    } catch {
      // the API's problems are shown at their fields and listed below
    }
  };

  const setPart = (i: number, part: string, value: string) =>
    setPeople((ps) => ps.map((p, j) => (j === i ? { ...p, parts: { ...p.parts, [part]: value } } : p)));
  const setPerson = (i: number, change: Partial<Person>) =>
    setPeople((ps) => ps.map((p, j) => (j === i ? { ...p, ...change } : p)));

  return (
    <form
      className="period-inputs"
      data-period={data.period}
      data-locked={data.locked}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {data.locked ? (
        <p className="notice" role="note">
          {t.locked}
        </p>
      ) : null}
      <h2>{t.missingHeading}</h2>
      {data.missing.length ? (
        <ul data-section="missing">
          {data.missing.map((m) => (
            <li key={m} data-input={m}>
              {missingLabel(m, scheme, t)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t.nothingMissing}</p>
      )}
      {spec.assessed ? null : <p className="muted">{t.notAssessed}</p>}
      {fromTickets.length ? (
        <p className="muted" data-section="from-tickets">
          {format(t.fromTickets, { labels: fromTickets.join('、') })}
        </p>
      ) : null}
      {data.updatedAt ? <p className="muted">{format(t.updatedAt, { at: formatDateTime(data.updatedAt) })}</p> : null}
      {problemAt('input.period') ? <p className="field-error">{problemAt('input.period')}</p> : null}

      <fieldset disabled={data.locked} className="plain">
        {scheme.staff ? (
          <fieldset>
            <legend>{t.staffHeading}</legend>
            {problemAt('input.staffScores') && !people.length ? (
              <p className="field-error">{problemAt('input.staffScores')}</p>
            ) : null}
            {people.map((person, i) => (
              <fieldset key={i} className="person">
                <legend>{format(t.person, { n: i + 1 })}</legend>
                <div className="form-grid">
                  <FormField label={t.personId} error={problemAt(`input.staffScores[${i}].personId`)}>
                    {(p) => (
                      <input
                        {...p}
                        value={person.personId}
                        onChange={(e) => setPerson(i, { personId: e.target.value })}
                      />
                    )}
                  </FormField>
                  <FormField label={t.personName}>
                    {(p) => (
                      <input {...p} value={person.name} onChange={(e) => setPerson(i, { name: e.target.value })} />
                    )}
                  </FormField>
                  {scheme.staff?.parts.map((part) => (
                    <FormField
                      key={part.id}
                      label={format(t.partLabel, { label: part.label, max: part.max })}
                      error={problemAt(`input.staffScores[${i}].${part.id}`)}
                    >
                      {(p) => (
                        <input
                          {...p}
                          inputMode="decimal"
                          value={person.parts[part.id] ?? ''}
                          onChange={(e) => setPart(i, part.id, e.target.value)}
                        />
                      )}
                    </FormField>
                  ))}
                  {scheme.staff?.bonus ? (
                    <FormField
                      label={format(t.bonuses, scheme.staff.bonus)}
                      error={problemAt(`input.staffScores[${i}].bonuses`)}
                    >
                      {(p) => (
                        <input
                          {...p}
                          value={person.bonuses}
                          onChange={(e) => setPerson(i, { bonuses: e.target.value })}
                        />
                      )}
                    </FormField>
                  ) : null}
                </div>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setPeople((ps) => ps.filter((_, j) => j !== i))}
                >
                  {format(t.removePerson, { n: i + 1 })}
                </button>
              </fieldset>
            ))}
            <button
              type="button"
              className="secondary"
              onClick={() => setPeople((ps) => [...ps, { personId: '', name: '', parts: {}, bonuses: '' }])}
            >
              {t.addPerson}
            </button>
          </fieldset>
        ) : null}

        {scheme.choices.length ? (
          <fieldset>
            <legend>{t.satisfactionHeading}</legend>
            <div className="form-grid">
              {scheme.choices.map((c) => (
                <FormField key={c.input} label={c.label} error={problemAt(`input.satisfaction.${c.input}`)}>
                  {(p) => (
                    <select
                      {...p}
                      value={satisfaction[c.input] ?? ''}
                      onChange={(e) => setSatisfaction((s) => ({ ...s, [c.input]: e.target.value }))}
                    >
                      <option value="">{t.notAnswered}</option>
                      {c.choices.map((v) => (
                        <option key={v} value={v}>
                          {v}
                        </option>
                      ))}
                    </select>
                  )}
                </FormField>
              ))}
            </div>
            {problemAt('input.satisfaction') ? <p className="field-error">{problemAt('input.satisfaction')}</p> : null}
          </fieldset>
        ) : null}

        {scheme.perEvent ? (
          <fieldset>
            <legend>{t.incidentsHeading}</legend>
            <FormField
              label={format(t.incidents, { label: scheme.perEvent.label })}
              error={problemAt('input.securityIncidents')}
            >
              {(p) => <input {...p} value={incidents} onChange={(e) => setIncidents(e.target.value)} />}
            </FormField>
          </fieldset>
        ) : null}

        {scheme.items ? (
          <fieldset>
            <legend>{format(t.itemsHeading, { max: scheme.items.max ?? '' })}</legend>
            <div className="form-grid">
              {scheme.items.parts.map((item) => (
                <FormField key={item.id} label={item.label} error={problemAt(`input.itemScores.${item.id}`)}>
                  {(p) => (
                    <input
                      {...p}
                      inputMode="decimal"
                      value={items[item.id] ?? ''}
                      onChange={(e) => setItems((s) => ({ ...s, [item.id]: e.target.value }))}
                    />
                  )}
                </FormField>
              ))}
            </div>
          </fieldset>
        ) : null}

        <fieldset>
          <legend>{t.complaintsHeading}</legend>
          <div className="form-grid">
            <FormField label={t.complaintsValid} error={problemAt('input.complaints.valid')}>
              {(p) => (
                <input
                  {...p}
                  type="number"
                  min={0}
                  step={1}
                  value={complaints.valid}
                  onChange={(e) => setComplaints((c) => ({ ...c, valid: e.target.value }))}
                />
              )}
            </FormField>
            <FormField label={t.complaintsInvalid} error={problemAt('input.complaints.invalid')}>
              {(p) => (
                <input
                  {...p}
                  type="number"
                  min={0}
                  step={1}
                  value={complaints.invalid}
                  onChange={(e) => setComplaints((c) => ({ ...c, invalid: e.target.value }))}
                />
              )}
            </FormField>
          </div>
        </fieldset>

        {isQuarter ? (
          <YesNoField
            label={t.quarterQualified}
            value={quarterQualified}
            onChange={setQuarterQualified}
            error={problemAt('input.quarterQualified')}
          />
        ) : null}

        <fieldset>
          <legend>{t.acceptanceHeading}</legend>
          <div className="form-grid">
            <YesNoField
              label={t.acceptancePassed}
              value={acceptancePassed}
              onChange={setAcceptancePassed}
              error={problemAt('input.acceptance.passed')}
            />
            <FormField label={t.acceptanceDate} error={problemAt('input.acceptance.date')}>
              {(p) => (
                <input {...p} type="date" value={acceptanceDate} onChange={(e) => setAcceptanceDate(e.target.value)} />
              )}
            </FormField>
          </div>
        </fieldset>
      </fieldset>

      <YesNoField
        label={t.ledgerConfirmed}
        value={ledger}
        onChange={setLedger}
        error={problemAt('input.ledgerConfirmed')}
      />

      {state.error ? <ErrorState error={state.error} /> : null}
      {saved ? (
        <p className="ok" role="status">
          {format(t.saved, { period: data.period })}
        </p>
      ) : null}
      <button type="submit" disabled={state.running}>
        {state.running ? t.saving : t.save}
      </button>
    </form>
  );
}

function PeriodInputsLoader({ contractId, period }: { contractId: string; period: string }) {
  const query = useGraphqlQuery(PERIOD_INPUTS, { contractId, period });
  const specQuery = useGraphqlQuery(PERIOD_INPUT_SPEC, { contractId, period });
  // The save answers with the stored inputs: the missing list and lock state update without a reload.
  const [saved, setSaved] = useState<PeriodInputsData | null>(null);
  return (
    <QueryView query={specQuery}>
      {({ periodInputSpec }) => (
        <QueryView query={query}>
          {({ periodInputs }) => {
            const data = saved?.period === periodInputs.period ? saved : periodInputs;
            // Remounted from the stored values after a save; the loader keeps the "saved" note across it.
            return (
              <PeriodInputsForm
                key={`${data.period}-${data.updatedAt ?? ''}`}
                contractId={contractId}
                data={data}
                spec={periodInputSpec}
                saved={data === saved}
                onSaved={setSaved}
              />
            );
          }}
        </QueryView>
      )}
    </QueryView>
  );
}

/** An input the period still lacks, by the name the form gives it (the API sends its field path). */
function missingLabel(
  path: string,
  scheme: SchemeInputs,
  t: Readonly<Record<'missingstaffScores' | 'missingsecurityIncidents' | 'missingitemScores' | 'missingOther', string>>,
): string {
  const choice = path.startsWith('satisfaction.')
    ? scheme.choices.find((c) => `satisfaction.${c.input}` === path)
    : undefined;
  if (choice) return choice.label;
  if (path === 'securityIncidents' && scheme.perEvent) return scheme.perEvent.label;
  const key = `missing${path}`;
  return key === 'missingstaffScores' || key === 'missingsecurityIncidents' || key === 'missingitemScores'
    ? t[key]
    : t.missingOther;
}

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
