import { useState } from 'react';
import { useGraphqlMutation } from '../../api/use-graphql';
import { ErrorState, problemsOf, useProblemText } from '../../components/query-state';
import { format, useMessages } from '../../i18n/i18n';
import { AcceptanceFieldset, interestDraft, interestGiven } from './acceptance-fieldset';
import { periodInputsMessages } from './period-inputs-messages';
import {
  type PeriodInputsData,
  type PeriodInputSpec,
  schemeInputs,
  SET_PERIOD_INPUTS,
  type SetPeriodInputsInput,
} from './period-inputs-queries';
import {
  fromYesNo,
  incidentsValue,
  peopleOf,
  type Person,
  record,
  text,
  yesNo,
  type YesNo,
} from './period-inputs-model';
import { PeriodComplaintsFieldset } from './period-complaints-fieldset';
import { PeriodInputsStatus } from './period-inputs-status';
import { PeriodScoreFieldsets } from './period-score-fieldsets';
import { PeriodStaffFieldset } from './period-staff-fieldset';
import { YesNoField } from './yes-no-field';

/** The form of one period, started from what is stored; every problem of a save shown at its field and listed. */
export function PeriodInputsForm({
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
  const [interest, setInterest] = useState(() => interestDraft(data.acceptance?.clawbackInterest));
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
      input.acceptance = {
        passed: acceptancePassed === 'yes',
        ...(acceptanceDate ? { date: acceptanceDate } : {}),
        ...(acceptancePassed === 'no' && interestGiven(interest) ? { clawbackInterest: interest } : {}),
      };
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
      <PeriodInputsStatus data={data} spec={spec} />
      {problemAt('input.period') ? <p className="field-error">{problemAt('input.period')}</p> : null}

      <fieldset disabled={data.locked} className="plain">
        {scheme.staff ? (
          <PeriodStaffFieldset staff={scheme.staff} people={people} setPeople={setPeople} problemAt={problemAt} />
        ) : null}

        <PeriodScoreFieldsets
          scheme={scheme}
          satisfaction={satisfaction}
          setSatisfaction={setSatisfaction}
          incidents={incidents}
          setIncidents={setIncidents}
          items={items}
          setItems={setItems}
          problemAt={problemAt}
        />

        <PeriodComplaintsFieldset complaints={complaints} setComplaints={setComplaints} problemAt={problemAt} />

        {isQuarter ? (
          <YesNoField
            label={t.quarterQualified}
            value={quarterQualified}
            onChange={setQuarterQualified}
            error={problemAt('input.quarterQualified')}
          />
        ) : null}

        <AcceptanceFieldset
          passed={acceptancePassed}
          onPassed={setAcceptancePassed}
          date={acceptanceDate}
          onDate={setAcceptanceDate}
          interest={interest}
          onInterest={setInterest}
          problemAt={problemAt}
        />
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
