import { type FormEvent, useState } from 'react';
import { useGraphqlMutation } from '../../api/use-graphql';
import { FormField } from '../../components/form-field';
import { ErrorState } from '../../components/query-state';
import { format, useMessages } from '../../i18n/i18n';
import { procurementMessages } from './procurement-messages';
import { isSubjective, type Package, RECORD_SHEET } from './procurement-queries';

/** One evaluator's subjective sheet for one bid: the flaws per flaw-ladder item, or "no plan provided". */
export function RecordSheetForm({ pkg, onSaved }: { pkg: Package; onSaved(): void }) {
  const t = useMessages(procurementMessages);
  const subjective = pkg.scheme.items.filter(isSubjective);
  const [bidId, setBidId] = useState(pkg.bids[0]?.id ?? '');
  const [evaluator, setEvaluator] = useState('');
  const [flaws, setFlaws] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const [run, state] = useGraphqlMutation(RECORD_SHEET);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const items = Object.fromEntries(
      subjective.map((i) => [i.id, missing[i.id] ? { flaws: 0, provided: false } : Number(flaws[i.id] ?? 0)] as const),
    );
    try {
      await run({ input: { packageId: pkg.id, bidId: bidId || pkg.bids[0]?.id, evaluator, items } });
      setEvaluator('');
      setFlaws({});
      setMissing({});
      onSaved();
    } catch {
      // shown from the mutation's state
    }
  };
  if (!pkg.bids.length) return null;
  return (
    <form className="panel inline-form" onSubmit={onSubmit} aria-labelledby="record-sheet">
      <h3 id="record-sheet">{t.recordSheet}</h3>
      <FormField label={t.bid}>
        {(p) => (
          <select {...p} value={bidId} onChange={(e) => setBidId(e.target.value)}>
            {pkg.bids.map((b) => (
              <option key={b.id} value={b.id}>
                {b.bidderName}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t.evaluator}>
        {(p) => (
          <input
            {...p}
            required
            placeholder="评委甲"
            value={evaluator}
            onChange={(e) => setEvaluator(e.target.value)}
          />
        )}
      </FormField>
      {subjective.map((i) => (
        <div className="facts-row" key={i.id}>
          <FormField label={format(t.flaws, { label: i.label || i.id })}>
            {(p) => (
              <input
                {...p}
                type="number"
                min={0}
                step={1}
                value={flaws[i.id] ?? ''}
                onChange={(e) => setFlaws({ ...flaws, [i.id]: e.target.value })}
              />
            )}
          </FormField>
          <FormField label={format(t.notProvided, { label: i.label || i.id })}>
            {(p) => (
              <input
                {...p}
                type="checkbox"
                checked={missing[i.id] ?? false}
                onChange={(e) => setMissing({ ...missing, [i.id]: e.target.checked })}
              />
            )}
          </FormField>
        </div>
      ))}
      <button type="submit" disabled={state.running}>
        {t.record}
      </button>
      {state.error ? <ErrorState error={state.error} /> : null}
    </form>
  );
}
