import { FormField } from '../../components/form-field';
import { format, useMessages } from '../../i18n/i18n';
import type { DeliveryRow } from './report-form-model';
import { reportMessages } from './report-messages';
import type { ContractConfigView } from './report-queries';

type Obligation = NonNullable<ContractConfigView['obligations']>[number];

/** The report's deliveries: one row per obligation delivered, with its date, occurrence and evidence. */
export function ReportDeliveriesSection({
  deliveries,
  onChange,
  obligations,
  fieldError,
}: {
  deliveries: DeliveryRow[];
  onChange(deliveries: DeliveryRow[]): void;
  obligations: Obligation[];
  fieldError(path: string): string | null;
}) {
  const t = useMessages(reportMessages);
  return (
    <>
      <h3>{t.deliveries}</h3>
      {obligations.length ? (
        <ul className="muted">
          {obligations.map((o) => (
            <li key={o.id}>
              {o.label ?? o.id}
              {o.evidence ? ` — ${format(t.evidenceNeeded, { evidence: o.evidence })}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {deliveries.length === 0 ? <p className="muted">{t.noDeliveries}</p> : null}
      {deliveries.map((d, i) => {
        const set = (patch: Partial<DeliveryRow>) =>
          onChange(deliveries.map((x, j) => (j === i ? { ...x, ...patch } : x)));
        const path = `deliveries[${i}]`;
        return (
          <fieldset key={i} className="inline-form" data-delivery={i}>
            <legend>
              {t.deliveries} {i + 1}
            </legend>
            <FormField label={t.obligation} error={fieldError(`${path}.obligationId`)}>
              {(p) => (
                <select {...p} value={d.obligationId} onChange={(e) => set({ obligationId: e.target.value })}>
                  <option value="">—</option>
                  {obligations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label ?? o.id}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label={t.deliveredOn} error={fieldError(`${path}.deliveredOn`)}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={d.deliveredOn}
                  onChange={(e) => set({ deliveredOn: e.target.value })}
                />
              )}
            </FormField>
            <FormField label={t.occurrence} hint={t.occurrenceHint} error={fieldError(`${path}.for`)}>
              {(p) => <input {...p} value={d.for} onChange={(e) => set({ for: e.target.value })} />}
            </FormField>
            <FormField label={t.evidence} hint={t.evidenceHint} error={fieldError(`${path}.evidence`)}>
              {(p) => <input {...p} value={d.evidence} onChange={(e) => set({ evidence: e.target.value })} />}
            </FormField>
            <FormField label={t.participants} error={fieldError(`${path}.participants`)}>
              {(p) => (
                <input
                  {...p}
                  type="number"
                  min={0}
                  step={1}
                  value={d.participants}
                  onChange={(e) => set({ participants: e.target.value })}
                />
              )}
            </FormField>
            <button type="button" className="secondary" onClick={() => onChange(deliveries.filter((_, j) => j !== i))}>
              {format(t.removeDelivery, { n: i + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="secondary"
        onClick={() =>
          onChange([
            ...deliveries,
            { obligationId: obligations[0]?.id ?? '', deliveredOn: '', for: '', evidence: '', participants: '' },
          ])
        }
      >
        {t.addDelivery}
      </button>
    </>
  );
}
