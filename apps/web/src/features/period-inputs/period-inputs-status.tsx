import { format, useMessages } from '../../i18n/i18n';
import { formatDateTime } from '../../i18n/local-format';
import { missingLabel } from './period-inputs-model';
import { periodInputsMessages } from './period-inputs-messages';
import { type PeriodInputsData, type PeriodInputSpec, schemeInputs } from './period-inputs-queries';

/** Where the period stands: locked or not, what it still lacks, what comes from tickets, when it was last saved. */
export function PeriodInputsStatus({ data, spec }: { data: PeriodInputsData; spec: PeriodInputSpec }) {
  const t = useMessages(periodInputsMessages);
  const scheme = schemeInputs(spec);
  const fromTickets = spec.components.filter((c) => c.source === 'ticket-metric').map((c) => c.label);
  return (
    <>
      {data.locked ? (
        <p className="notice" role="note">
          {t.locked}
        </p>
      ) : null}
      <h2>{t.missingHeading}</h2>
      {data.missing.length ? (
        <ul data-section="missing">
          {data.missing.map((m) => (
            <li key={m} data-input={m}>
              {missingLabel(m, scheme, t)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t.nothingMissing}</p>
      )}
      {spec.assessed ? null : <p className="muted">{t.notAssessed}</p>}
      {fromTickets.length ? (
        <p className="muted" data-section="from-tickets">
          {format(t.fromTickets, { labels: fromTickets.join('、') })}
        </p>
      ) : null}
      {data.updatedAt ? <p className="muted">{format(t.updatedAt, { at: formatDateTime(data.updatedAt) })}</p> : null}
    </>
  );
}
