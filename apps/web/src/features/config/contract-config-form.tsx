import { useEffect, useMemo, useState } from 'react';
import { FormField } from '../../components/form-field';
import { ErrorState, useProblemText } from '../../components/query-state';
import { format, useMessages } from '../../i18n/i18n';
import { FormNodes, type FieldContext } from './config-form-fields';
import { fieldPaths, isUnder } from './config-form-nodes';
import { assessmentSection, paymentSection } from './config-form-rules';
import { basicsSection, slaSection, staffingSection } from './config-form-sections';
import { appendAt, removeAt, setAt } from './config-path';
import { isRecord } from './contract-config-types';
import { contractConfigFormMessages } from './contract-config-form-messages';
import { contractMessages } from '../contracts/contract-messages';
import type { ContractDetail } from '../contracts/contract-queries';
import { useConfigurationCheck, useConfigurationSave } from './use-configuration-check';
import '../../components/panels.css';

/**
 * What buyers change, without JSON: amount and term, staffing roles and minimums, the SLA limits per severity,
 * assessment ladders and choices, payment milestones and deductions. The form edits the configuration itself
 * (each field at the path the API reports problems at); the API's `checkContractConfiguration`, the one validator,
 * checks it live, and the save makes a new version with a change note. Anything else: the expert JSON editor.
 */
export function ContractConfigForm({
  contract,
  onSaved,
}: {
  contract: ContractDetail;
  onSaved(contract: ContractDetail): void;
}) {
  const t = useMessages(contractConfigFormMessages);
  const w = useMessages(contractMessages);
  const problemText = useProblemText();
  const pristine = useMemo(
    () => (isRecord(contract.configuration) ? contract.configuration : {}),
    [contract.configuration],
  );
  const [config, setConfig] = useState<Record<string, unknown>>(pristine);
  const saving = useConfigurationSave(contract.id, onSaved);
  const changed = useMemo(() => JSON.stringify(config) !== JSON.stringify(pristine), [config, pristine]);
  const check = useConfigurationCheck(changed ? config : null);

  // A new current version (saved here or in the expert editor) starts the form from it.
  useEffect(() => setConfig(pristine), [pristine]);

  const sections = useMemo(() => {
    const words = { t, w };
    return [
      basicsSection(words),
      staffingSection(config, words),
      slaSection(config, words),
      assessmentSection(config, words),
      paymentSection(config, words),
    ];
  }, [config, t, w]);
  const problems = check.status === 'done' ? check.problems : [];
  const paths = useMemo(() => sections.flatMap((s) => fieldPaths(s.nodes)), [sections]);
  const others = problems.filter((p) => !paths.some((f) => isUnder(p.path, f)));

  const edit = (next: (c: Record<string, unknown>) => Record<string, unknown>) => {
    setConfig(next);
    saving.edited();
  };
  const ctx: FieldContext = {
    config,
    set: (path, value) => edit((c) => setAt(c, path, value)),
    append: (list, item) => edit((c) => appendAt(c, list, item)),
    remove: (list, index) => edit((c) => removeAt(c, list, index)),
    errorAt: (path) => {
      const here = problems.filter((p) => isUnder(p.path, path));
      return here.length ? here.map((p) => problemText(p)).join(t.separator) : null;
    },
  };

  const canSave = changed && check.status === 'done' && check.valid && !saving.saveState.running;
  return (
    <form
      className="config-form"
      onSubmit={(e) => {
        e.preventDefault();
        void saving.submit(config);
      }}
    >
      <h3>{t.heading}</h3>
      <p className="muted">{t.intro}</p>
      {sections.map((s) => (
        <details key={s.id} open data-section={s.id}>
          <summary>
            <h4>{s.heading}</h4>
          </summary>
          {s.intro ? <p className="muted">{s.intro}</p> : null}
          <FormNodes nodes={s.nodes} ctx={ctx} />
        </details>
      ))}
      <div
        className="check-result"
        role="status"
        aria-live="polite"
        data-form-check={check.status === 'done' ? (check.valid ? 'valid' : 'invalid') : check.status}
      >
        {check.status === 'idle' ? <p className="muted">{t.unchanged}</p> : null}
        {check.status === 'checking' ? <p className="muted">{t.checking}</p> : null}
        {check.status === 'failed' ? <p className="field-error">{check.message}</p> : null}
        {check.status === 'done' && check.valid ? <p className="ok">{t.valid}</p> : null}
        {check.status === 'done' && !check.valid ? (
          <p className="field-error">{format(t.invalid, { n: check.problems.length })}</p>
        ) : null}
        {others.length ? (
          <>
            <p className="field-error">{t.otherProblems}</p>
            <ul className="problems">
              {others.map((p, i) => (
                <li key={i} data-form-path={p.path} title={p.path}>
                  {problemText(p)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      <FormField label={t.changeNoteLabel} hint={t.changeNoteHint} error={saving.noteMissing ? t.noteRequired : null}>
        {(p) => <input {...p} value={saving.note} onChange={(e) => saving.setNote(e.target.value)} maxLength={500} />}
      </FormField>
      {saving.saveState.error ? <ErrorState error={saving.saveState.error} /> : null}
      {saving.savedVersion !== null ? (
        <p className="ok" role="status">
          {format(t.saved, { version: saving.savedVersion })}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={!canSave}>
          {saving.saveState.running ? t.saving : t.save}
        </button>
        <button type="button" className="secondary" onClick={() => setConfig(pristine)}>
          {t.reset}
        </button>
      </div>
    </form>
  );
}
