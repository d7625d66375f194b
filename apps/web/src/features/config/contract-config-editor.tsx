import { useEffect, useMemo, useState } from 'react';
import { FormField } from '../../components/form-field';
import { ErrorState, useProblemText } from '../../components/query-state';
import { format, useMessages } from '../../i18n/i18n';
import { contractMessages } from '../contracts/contract-messages';
import type { ContractDetail } from '../contracts/contract-queries';
import { useConfigurationCheck, useConfigurationSave } from './use-configuration-check';

type Parsed = { ok: true; value: unknown } | { ok: false };

function parse(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * The buyer admin's configuration editor: JSON in a textarea, checked by the API's `checkContractConfiguration`
 * once typing pauses (the same validation the save runs, so what it shows is what the save will say), saved as a
 * new immutable version with a change note. The check and the save are the form's (use-configuration-check.ts).
 */
export function ContractConfigEditor({
  contract,
  onSaved,
}: {
  contract: ContractDetail;
  onSaved(contract: ContractDetail): void;
}) {
  const t = useMessages(contractMessages);
  const problemText = useProblemText();
  const pristine = JSON.stringify(contract.configuration, null, 2);
  const [text, setText] = useState(pristine);
  const parsed = useMemo(() => parse(text), [text]);
  const check = useConfigurationCheck(parsed.ok ? parsed.value : null);
  const saving = useConfigurationSave(contract.id, onSaved);
  const { saveState, note, noteMissing, savedVersion } = saving;

  // A new current version (after a save) starts the editor from it.
  useEffect(() => setText(pristine), [pristine]);

  const submit = () => {
    if (parsed.ok) void saving.submit(parsed.value); // else the JSON error is already shown next to the editor
  };

  const canSave = parsed.ok && check.status === 'done' && check.valid && !saveState.running;
  return (
    <form
      className="config-editor"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <FormField label={t.editorLabel} hint={t.editorHint}>
        {(p) => (
          <textarea
            {...p}
            className="json-editor"
            spellCheck={false}
            rows={24}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              saving.edited();
            }}
          />
        )}
      </FormField>
      <div
        className="check-result"
        role="status"
        aria-live="polite"
        data-check={
          !parsed.ok ? 'json-error' : check.status === 'done' ? (check.valid ? 'valid' : 'invalid') : check.status
        }
      >
        {check.status === 'checking' ? <p className="muted">{t.checking}</p> : null}
        {!parsed.ok ? <p className="field-error">{t.jsonError}</p> : null}
        {check.status === 'failed' ? <p className="field-error">{check.message}</p> : null}
        {check.status === 'done' && check.valid ? <p className="ok">{t.valid}</p> : null}
        {check.status === 'done' && !check.valid ? (
          <>
            <p className="field-error">{format(t.problemsFound, { n: check.problems.length })}</p>
            <ul className="problems">
              {check.problems.map((p, i) => (
                <li key={i} data-path={p.path}>
                  <code>{p.path}</code>: {problemText(p)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      <FormField label={t.changeNoteLabel} hint={t.changeNoteHint} error={noteMissing ? t.noteRequired : null}>
        {(p) => <input {...p} value={note} onChange={(e) => saving.setNote(e.target.value)} maxLength={500} />}
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
        <button type="button" className="secondary" onClick={() => setText(pristine)}>
          {t.reset}
        </button>
      </div>
    </form>
  );
}
