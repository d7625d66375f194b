import { useEffect, useState } from 'react';
import { graphqlRequest } from '../../api/graphql-client';
import { useGraphqlMutation } from '../../api/use-graphql';
import { FormField } from '../../components/form-field';
import { ErrorState, useProblemText } from '../../components/query-state';
import { format, useMessages } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { contractMessages } from './contract-messages';
import { CHECK_CONFIGURATION, type ConfigProblem, type ContractDetail, UPDATE_CONFIGURATION } from './contract-queries';

const CHECK_DELAY_MS = 500;

type Check = { status: 'idle' | 'checking' } | { status: 'done'; valid: boolean; problems: ConfigProblem[] } | { status: 'json-error'; message: string };

/**
 * The buyer admin's configuration editor: JSON in a textarea, checked by the API's `checkContractConfiguration`
 * once typing pauses (the same validation the save runs, so what it shows is what the save will say), saved as a
 * new immutable version with a change note.
 */
export function ContractConfigEditor({ contract, onSaved }: { contract: ContractDetail; onSaved(contract: ContractDetail): void }) {
  const t = useMessages(contractMessages);
  const problemText = useProblemText();
  const { token } = useSession();
  const pristine = JSON.stringify(contract.configuration, null, 2);
  const [text, setText] = useState(pristine);
  const [note, setNote] = useState('');
  const [check, setCheck] = useState<Check>({ status: 'idle' });
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const [noteMissing, setNoteMissing] = useState(false);
  const [save, saveState] = useGraphqlMutation(UPDATE_CONFIGURATION);

  // A new current version (after a save) starts the editor from it.
  useEffect(() => setText(pristine), [pristine]);

  useEffect(() => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      setCheck({ status: 'json-error', message: e instanceof Error ? e.message : String(e) });
      return;
    }
    let live = true;
    setCheck({ status: 'checking' });
    const timer = window.setTimeout(() => {
      graphqlRequest(CHECK_CONFIGURATION, { configuration: parsed }, token)
        .then(({ checkContractConfiguration: r }) => live && setCheck({ status: 'done', valid: r.valid, problems: r.problems }))
        .catch((e: unknown) => live && setCheck({ status: 'json-error', message: e instanceof Error ? e.message : String(e) }));
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [text, token]);

  const submit = async () => {
    if (!note.trim()) {
      setNoteMissing(true);
      return;
    }
    setNoteMissing(false);
    let configuration: unknown;
    try {
      configuration = JSON.parse(text);
    } catch {
      return; // the JSON error is already shown next to the editor
    }
    try {
      const { updateContractConfiguration: updated } = await save({ input: { contractId: contract.id, configuration, changeNote: note.trim() } });
      setSavedVersion(updated.currentVersion);
      setNote('');
      onSaved(updated);
    } catch {
      // shown below from the mutation state, with the API's problems
    }
  };

  const canSave = check.status === 'done' && check.valid && !saveState.running;
  return (
    <form
      className="config-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
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
              setSavedVersion(null);
            }}
          />
        )}
      </FormField>
      <div className="check-result" role="status" aria-live="polite" data-check={check.status === 'done' ? (check.valid ? 'valid' : 'invalid') : check.status}>
        {check.status === 'checking' ? <p className="muted">{t.checking}</p> : null}
        {check.status === 'json-error' ? <p className="field-error">{format(t.jsonError, { message: check.message })}</p> : null}
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
        <button type="button" className="secondary" onClick={() => setText(pristine)}>
          {t.reset}
        </button>
      </div>
    </form>
  );
}
