import { useEffect, useMemo, useState } from 'react';
import { graphqlRequest } from '../../api/graphql-client';
import { useGraphqlMutation } from '../../api/use-graphql';
import { FormField } from '../../components/form-field';
import { ErrorState, useProblemText } from '../../components/query-state';
import { format, useMessages } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { isRecord } from './contract-config-types';
import { contractConfigFormMessages } from './contract-config-form-messages';
import { CHECK_CONFIGURATION, type ConfigProblem, type ContractDetail, UPDATE_CONFIGURATION } from './contract-queries';

const CHECK_DELAY_MS = 500;

type Unit = 'minutes' | 'workingDays';
type TargetDraft = { name: string; severities: string[]; clock: string; unit: Unit; value: string; mode: string };
type Draft = { amount: string; start: string; end: string; targets: TargetDraft[] };
type Check = { status: 'idle' | 'checking' } | { status: 'done'; valid: boolean; problems: ConfigProblem[] } | { status: 'failed'; error: string };

function text(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

function records(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

function targetsOf(config: Record<string, unknown>): Record<string, unknown>[] {
  const sla = isRecord(config.sla) ? config.sla : {};
  const policy = isRecord(sla.policy) ? sla.policy : {};
  return records(policy.targets);
}

/** The form's fields as the configuration holds them; severities by their names (L4 → 四级…) where the policy names them. */
function draftOf(config: Record<string, unknown>): Draft {
  const money = isRecord(config.money) ? config.money : {};
  const term = isRecord(config.term) ? config.term : {};
  const sla = isRecord(config.sla) ? config.sla : {};
  const policy = isRecord(sla.policy) ? sla.policy : {};
  const names = new Map(records(policy.severities).map((s) => [text(s.id), text(s.name)]));
  return {
    amount: text(money.amount),
    start: text(term.start),
    end: text(term.end),
    targets: targetsOf(config).map((t) => {
      const d = isRecord(t.duration) ? t.duration : {};
      const unit: Unit = d.workingDays !== undefined ? 'workingDays' : 'minutes';
      return {
        name: text(t.name) || text(t.id),
        severities: (Array.isArray(t.severities) ? t.severities : []).map((s) => names.get(text(s)) || text(s)),
        clock: text(t.clock),
        unit,
        value: text(unit === 'workingDays' ? d.workingDays : d.minutes),
        mode: text(d.mode) || 'elapsed',
      };
    }),
  };
}

/** A duration typed as a number; anything else goes to the API as typed, so the API's validation names it at its field. */
function durationValue(typed: string): number | string {
  return /^-?\d+(\.\d+)?$/.test(typed.trim()) ? Number(typed.trim()) : typed;
}

/**
 * The configuration with the form's fields put back: everything else unchanged. The amount stays the decimal
 * string as typed (money is exact; the API checks it).
 */
function configurationOf(base: Record<string, unknown>, draft: Draft): Record<string, unknown> {
  const config = structuredClone(base);
  config.money = { ...(isRecord(config.money) ? config.money : {}), amount: draft.amount.trim() };
  config.term = { ...(isRecord(config.term) ? config.term : {}), start: draft.start, end: draft.end };
  const targets = targetsOf(config);
  draft.targets.forEach((d, i) => {
    const target = targets[i];
    if (!target) return;
    target.clock = d.clock;
    target.duration = d.unit === 'workingDays' ? { workingDays: durationValue(d.value), mode: d.mode } : { minutes: durationValue(d.value) };
  });
  return config;
}

/** The problems at a field: its path and anything below it (`…duration` holds `…duration.minutes`). */
function at(problems: readonly ConfigProblem[], path: string): ConfigProblem[] {
  return problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`));
}

/**
 * What buyers change most, without JSON: the amount, the term and the SLA limits per severity. Checked live by
 * the API's `checkContractConfiguration` (the one validator, as the expert editor uses) with each problem at
 * its field, and saved by the same mutation as a new version with a change note.
 */
export function ContractConfigForm({ contract, onSaved }: { contract: ContractDetail; onSaved(contract: ContractDetail): void }) {
  const t = useMessages(contractConfigFormMessages);
  const problemText = useProblemText();
  const { token } = useSession();
  const base = useMemo(() => (isRecord(contract.configuration) ? contract.configuration : {}), [contract.configuration]);
  const pristine = useMemo(() => draftOf(base), [base]);
  const [draft, setDraft] = useState<Draft>(pristine);
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const [check, setCheck] = useState<Check>({ status: 'idle' });
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const [save, saveState] = useGraphqlMutation(UPDATE_CONFIGURATION);
  const configuration = useMemo(() => configurationOf(base, draft), [base, draft]);
  const changed = JSON.stringify(draft) !== JSON.stringify(pristine);

  // A new current version (saved here or in the expert editor) starts the form from it.
  useEffect(() => setDraft(pristine), [pristine]);

  useEffect(() => {
    if (!changed) {
      setCheck({ status: 'idle' });
      return;
    }
    let live = true;
    setCheck({ status: 'checking' });
    const timer = window.setTimeout(() => {
      graphqlRequest(CHECK_CONFIGURATION, { configuration }, token)
        .then(({ checkContractConfiguration: r }) => live && setCheck({ status: 'done', valid: r.valid, problems: r.problems }))
        .catch((e: unknown) => live && setCheck({ status: 'failed', error: e instanceof Error ? e.message : String(e) }));
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [configuration, changed, token]);

  const problems = check.status === 'done' ? check.problems : [];
  const fieldPaths = ['money.amount', 'term.start', 'term.end', ...draft.targets.flatMap((_, i) => [`sla.policy.targets[${i}].clock`, `sla.policy.targets[${i}].duration`])];
  const others = problems.filter((p) => !fieldPaths.some((f) => at([p], f).length > 0));
  const errorAt = (path: string): string | null => {
    const here = at(problems, path);
    return here.length ? here.map((p) => problemText(p)).join(t.separator) : null;
  };
  const edit = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSavedVersion(null);
  };
  const editTarget = (i: number, patch: Partial<TargetDraft>) => edit({ targets: draft.targets.map((x, j) => (j === i ? { ...x, ...patch } : x)) });

  const submit = async () => {
    if (!note.trim()) {
      setNoteMissing(true);
      return;
    }
    setNoteMissing(false);
    try {
      const { updateContractConfiguration: updated } = await save({ input: { contractId: contract.id, configuration, changeNote: note.trim() } });
      setSavedVersion(updated.currentVersion);
      setNote('');
      onSaved(updated);
    } catch {
      // shown below from the mutation state, with the API's problems
    }
  };

  const canSave = changed && check.status === 'done' && check.valid && !saveState.running;
  return (
    <form
      className="config-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t.heading}</h3>
      <p className="muted">{t.intro}</p>
      <FormField label={t.amount} hint={t.amountHint} error={errorAt('money.amount')}>
        {(p) => <input {...p} inputMode="decimal" value={draft.amount} onChange={(e) => edit({ amount: e.target.value })} />}
      </FormField>
      <FormField label={t.termStart} error={errorAt('term.start')}>
        {(p) => <input {...p} type="date" value={draft.start} onChange={(e) => edit({ start: e.target.value })} />}
      </FormField>
      <FormField label={t.termEnd} error={errorAt('term.end')}>
        {(p) => <input {...p} type="date" value={draft.end} onChange={(e) => edit({ end: e.target.value })} />}
      </FormField>
      <h4>{t.targetsHeading}</h4>
      {draft.targets.length === 0 ? <p className="muted">{t.noSla}</p> : null}
      {draft.targets.map((target, i) => {
        const path = `sla.policy.targets[${i}]`;
        return (
          <fieldset key={i} data-target={i}>
            <legend>{format(t.targetLegend, { name: target.name, severities: target.severities.join(t.separator) })}</legend>
            <FormField label={format(t.clock, { name: target.name })} error={errorAt(`${path}.clock`)}>
              {(p) => (
                <select {...p} value={target.clock} onChange={(e) => editTarget(i, { clock: e.target.value })}>
                  <option value="calendar">{t.clockcalendar}</option>
                  <option value="working">{t.clockworking}</option>
                </select>
              )}
            </FormField>
            <FormField label={format(t.unit, { name: target.name })}>
              {(p) => (
                <select {...p} value={target.unit} onChange={(e) => editTarget(i, { unit: e.target.value === 'workingDays' ? 'workingDays' : 'minutes' })}>
                  <option value="minutes">{t.unitminutes}</option>
                  <option value="workingDays">{t.unitworkingDays}</option>
                </select>
              )}
            </FormField>
            <FormField label={format(t.duration, { name: target.name })} error={errorAt(`${path}.duration`)}>
              {(p) => <input {...p} inputMode="decimal" value={target.value} onChange={(e) => editTarget(i, { value: e.target.value })} />}
            </FormField>
            {target.unit === 'workingDays' ? (
              <FormField label={format(t.mode, { name: target.name })}>
                {(p) => (
                  <select {...p} value={target.mode} onChange={(e) => editTarget(i, { mode: e.target.value })}>
                    <option value="elapsed">{t.modeelapsed}</option>
                    <option value="end-of-day">{t.modeendofday}</option>
                  </select>
                )}
              </FormField>
            ) : null}
          </fieldset>
        );
      })}
      <div className="check-result" role="status" aria-live="polite" data-form-check={check.status === 'done' ? (check.valid ? 'valid' : 'invalid') : check.status}>
        {check.status === 'idle' ? <p className="muted">{t.unchanged}</p> : null}
        {check.status === 'checking' ? <p className="muted">{t.checking}</p> : null}
        {check.status === 'failed' ? <p className="field-error">{check.error}</p> : null}
        {check.status === 'done' && check.valid ? <p className="ok">{t.valid}</p> : null}
        {check.status === 'done' && !check.valid ? <p className="field-error">{format(t.invalid, { n: check.problems.length })}</p> : null}
        {others.length ? (
          <>
            <p className="field-error">{t.otherProblems}</p>
            <ul className="problems">
              {others.map((p, i) => (
                <li key={i} data-form-path={p.path}>
                  <code>{p.path}</code>: {problemText(p)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      <FormField label={t.changeNoteLabel} hint={t.changeNoteHint} error={noteMissing ? t.noteRequired : null}>
        {(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />}
      </FormField>
      {saveState.error ? <ErrorState error={saveState.error} /> : null}
      {savedVersion !== null ? (
        <p className="ok" role="status">
          {format(t.saved, { version: savedVersion })}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={!canSave}>
          {saveState.running ? t.saving : t.save}
        </button>
        <button type="button" className="secondary" onClick={() => setDraft(pristine)}>
          {t.reset}
        </button>
      </div>
    </form>
  );
}
