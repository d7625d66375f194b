import { FormField } from '../../components/form-field';
import { format, useMessages } from '../../i18n/i18n';
import type { EventRow } from './report-form-model';
import { eventKindKey, reportMessages, SERVICE_EVENT_KINDS } from './report-messages';
import type { ContractConfigView } from './report-queries';

type Obligation = NonNullable<ContractConfigView['obligations']>[number];

/** The report's service events (outages, maintenance, …), each optionally tied to an obligation. */
export function ReportEventsSection({
  month,
  events,
  onChange,
  obligations,
  fieldError,
}: {
  month: string;
  events: EventRow[];
  onChange(events: EventRow[]): void;
  obligations: Obligation[];
  fieldError(path: string): string | null;
}) {
  const t = useMessages(reportMessages);
  return (
    <>
      <h3>{t.serviceEvents}</h3>
      {events.length === 0 ? <p className="muted">{t.noEvents}</p> : null}
      {events.map((ev, i) => {
        const set = (patch: Partial<EventRow>) => onChange(events.map((x, j) => (j === i ? { ...x, ...patch } : x)));
        const path = `serviceEvents[${i}]`;
        return (
          <fieldset key={i} className="inline-form" data-event={i}>
            <legend>
              {t.serviceEvents} {i + 1}
            </legend>
            <FormField label={t.eventId} error={fieldError(`${path}.id`)}>
              {(p) => <input {...p} value={ev.id} onChange={(e) => set({ id: e.target.value })} />}
            </FormField>
            <FormField label={t.eventKind} error={fieldError(`${path}.kind`)}>
              {(p) => (
                <select {...p} value={ev.kind} onChange={(e) => set({ kind: e.target.value })}>
                  {SERVICE_EVENT_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t[eventKindKey(k)]}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label={t.from} error={fieldError(`${path}.from`)}>
              {(p) => <input {...p} type="date" value={ev.from} onChange={(e) => set({ from: e.target.value })} />}
            </FormField>
            <FormField label={t.to} error={fieldError(`${path}.to`)}>
              {(p) => <input {...p} type="date" value={ev.to} onChange={(e) => set({ to: e.target.value })} />}
            </FormField>
            <FormField label={t.description} error={fieldError(`${path}.description`)}>
              {(p) => <input {...p} value={ev.description} onChange={(e) => set({ description: e.target.value })} />}
            </FormField>
            <FormField label={t.obligation} error={fieldError(`${path}.obligationId`)}>
              {(p) => (
                <select {...p} value={ev.obligationId} onChange={(e) => set({ obligationId: e.target.value })}>
                  <option value="">{t.none}</option>
                  {obligations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label ?? o.id}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <button type="button" className="secondary" onClick={() => onChange(events.filter((_, j) => j !== i))}>
              {format(t.removeEvent, { n: i + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="secondary"
        onClick={() =>
          onChange([
            ...events,
            {
              id: `event-${events.length + 1}`,
              kind: 'other',
              from: `${month}-01`,
              to: '',
              description: '',
              obligationId: '',
            },
          ])
        }
      >
        {t.addEvent}
      </button>
    </>
  );
}
