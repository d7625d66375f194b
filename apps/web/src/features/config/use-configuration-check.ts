import { useEffect, useState } from 'react';
import { graphqlRequest } from '../../api/graphql-client';
import { useGraphqlMutation } from '../../api/use-graphql';
import { useSession } from '../../session/session';
import {
  CHECK_CONFIGURATION,
  type ConfigProblem,
  configProblem,
  type ContractDetail,
  UPDATE_CONFIGURATION,
} from '../contracts/contract-queries';

const CHECK_DELAY_MS = 500;

export type ConfigCheck =
  | { status: 'idle' | 'checking' }
  | { status: 'done'; valid: boolean; problems: ConfigProblem[] }
  | { status: 'failed'; message: string };

/**
 * The live check of both configuration editors (form and JSON): the API's `checkContractConfiguration`, the same
 * validation the save runs, once typing pauses. `null` means there is nothing to check (unchanged, or JSON that
 * does not parse), and the check is idle.
 */
export function useConfigurationCheck(configuration: unknown): ConfigCheck {
  const { token } = useSession();
  const [check, setCheck] = useState<ConfigCheck>({ status: 'idle' });
  useEffect(() => {
    if (configuration === null) {
      setCheck({ status: 'idle' });
      return;
    }
    let live = true;
    setCheck({ status: 'checking' });
    const timer = window.setTimeout(() => {
      graphqlRequest(CHECK_CONFIGURATION, { configuration }, token)
        .then(
          ({ checkContractConfiguration: r }) =>
            live && setCheck({ status: 'done', valid: r.valid, problems: r.problems.map(configProblem) }),
        )
        .catch(
          (e: unknown) => live && setCheck({ status: 'failed', message: e instanceof Error ? e.message : String(e) }),
        );
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [configuration, token]);
  return check;
}

/**
 * Saving a configuration as a new version with its change note (required: the basis of the change), shared by the
 * form and the JSON editor so both say the same and keep the same rules.
 */
export function useConfigurationSave(contractId: string, onSaved: (contract: ContractDetail) => void) {
  const [note, setNoteText] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const [save, saveState] = useGraphqlMutation(UPDATE_CONFIGURATION);

  const submit = async (configuration: unknown) => {
    if (!note.trim()) {
      setNoteMissing(true);
      return;
    }
    setNoteMissing(false);
    try {
      const { updateContractConfiguration: updated } = await save({
        input: { contractId, configuration, changeNote: note.trim() },
      });
      setSavedVersion(updated.currentVersion);
      setNoteText('');
      onSaved(updated);
    } catch {
      // shown from the mutation state, with the API's problems
    }
  };

  return {
    note,
    setNote: (text: string) => setNoteText(text),
    noteMissing,
    savedVersion,
    /** An edit after a save: the "saved as version n" line no longer describes what is on screen. */
    edited: () => setSavedVersion(null),
    saveState,
    submit,
  };
}
