import { type FormEvent, useState } from 'react';
import { useGraphqlMutation } from '../../api/use-graphql';
import { FormField } from '../../components/form-field';
import { ErrorState } from '../../components/query-state';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { procurementUnitInWords } from '../../components/explanation-text';
import { basisKey, procurementMessages } from './procurement-messages';
import { isSubjective, type Package, RECORD_BID } from './procurement-queries';

const PREFERENCE_BASES = ['small-micro', 'prison-enterprise', 'disability-welfare-unit'];

/** A bidder's final offer and the objective answers: a count per capped item, met / not met per all-or-nothing item. */
export function RecordBidForm({ pkg, onSaved }: { pkg: Package; onSaved(): void }) {
  const t = useMessages(procurementMessages);
  const objective = pkg.scheme.items.filter((i) => !isSubjective(i));
  const [name, setName] = useState('');
  const [price, setPrice] = useState('');
  const [small, setSmall] = useState(false);
  const [basis, setBasis] = useState('small-micro');
  const [reason, setReason] = useState('');
  const [answers, setAnswers] = useState<Record<string, string | boolean>>({});
  const [run, state] = useGraphqlMutation(RECORD_BID);
  const basisWords = (b: string) => {
    const k = basisKey(b);
    return k ? t[k] : b;
  };
  const { locale } = useLocale();
  const unitWords = (u: unknown) => (typeof u === 'string' ? procurementUnitInWords(u, locale) : t.count);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const answered = Object.fromEntries(
      objective.map(
        (i) => [i.id, i.kind === 'all-or-nothing' ? answers[i.id] === true : Number(answers[i.id] ?? 0)] as const,
      ),
    );
    try {
      await run({
        input: {
          packageId: pkg.id,
          bidderName: name,
          price,
          smallOrMicro: small,
          ...(small ? { preferenceBasis: basis } : {}),
          ...(reason ? { disqualificationReason: reason } : { objective: answered }),
        },
      });
      setName('');
      setPrice('');
      setAnswers({});
      onSaved();
    } catch {
      // shown from the mutation's state
    }
  };
  return (
    <form className="panel inline-form" onSubmit={onSubmit} aria-labelledby="record-bid">
      <h3 id="record-bid">{t.recordBid}</h3>
      <FormField label={t.bidder}>
        {(p) => <input {...p} required value={name} onChange={(e) => setName(e.target.value)} />}
      </FormField>
      <FormField label={t.price}>
        {(p) => (
          <input
            {...p}
            required
            inputMode="decimal"
            placeholder="32000.00"
            value={price}
            onChange={(e) => setPrice(e.target.value)}
          />
        )}
      </FormField>
      <FormField label={t.smallOrMicro}>
        {(p) => <input {...p} type="checkbox" checked={small} onChange={(e) => setSmall(e.target.checked)} />}
      </FormField>
      {small ? (
        <FormField label={t.preferenceBasis}>
          {(p) => (
            <select {...p} value={basis} onChange={(e) => setBasis(e.target.value)}>
              {PREFERENCE_BASES.map((b) => (
                <option key={b} value={b}>
                  {basisWords(b)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
      <FormField label={t.disqualification}>
        {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </FormField>
      {objective.map((i) =>
        i.kind === 'all-or-nothing' ? (
          <FormField key={i.id} label={`${i.label || i.id}：${t.met}`}>
            {(p) => (
              <input
                {...p}
                type="checkbox"
                checked={answers[i.id] === true}
                onChange={(e) => setAnswers({ ...answers, [i.id]: e.target.checked })}
              />
            )}
          </FormField>
        ) : (
          <FormField key={i.id} label={format(t.answer, { label: i.label || i.id, unit: unitWords(i.params.unit) })}>
            {(p) => (
              <input
                {...p}
                type="number"
                min={0}
                step={1}
                value={String(answers[i.id] ?? '')}
                onChange={(e) => setAnswers({ ...answers, [i.id]: e.target.value })}
              />
            )}
          </FormField>
        ),
      )}
      <button type="submit" disabled={state.running}>
        {t.record}
      </button>
      {state.error ? <ErrorState error={state.error} /> : null}
    </form>
  );
}
