import { useRef } from 'react';
import { useGraphqlQuery } from '../../api/use-graphql';
import { DataTable } from '../../components/data-table';
import { explanationText } from '../../components/explanation-text';
import { QueryView } from '../../components/query-state';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { formatDate } from '../../i18n/local-format';
import { useSession } from '../../session/session';
import { OnDemandCallForm } from './on-demand-call-form';
import { callStatusKey, onDemandMessages } from './on-demand-messages';
import { ON_DEMAND_REGISTER, type OnDemandRegister, type OnDemandRow } from './on-demand-queries';
import { OnDemandServeForm } from './on-demand-serve-form';
import '../../components/panels.css';

/**
 * On-demand obligations of a contract (domain rule 14: 重保, emergency responses): per obligation and period the calls
 * against the committed capacity, then each call. The buyer (admin, staff) records calls; the vendor records the
 * service of an open call; finance reads. Renders nothing for a contract without on-demand obligations.
 */
export function OnDemandPanel({ contractId }: { contractId: string }) {
  const t = useMessages(onDemandMessages);
  const { locale } = useLocale();
  const { user } = useSession();
  const query = useGraphqlQuery(ON_DEMAND_REGISTER, { id: contractId });
  // A reload after a call or a service keeps the last register on screen (the forms stay, the page does not jump).
  const last = useRef<OnDemandRegister | null>(null);
  if (query.status === 'ready') last.current = query.data.onDemandRegister;
  else if (query.status === 'error') last.current = null;
  const reg = last.current;
  if (query.status === 'error') return <QueryView query={query}>{() => null}</QueryView>;
  if (reg === null || reg.obligations.length === 0) return null;
  const canCall = user?.role === 'buyer-admin' || user?.role === 'buyer-staff';
  const canServe = user?.role === 'vendor';
  const periodText = (r: OnDemandRow) =>
    r.occurrence === 'after-term'
      ? `${t.periodafterterm} ${formatDate(r.from, locale)}–${formatDate(r.to, locale)}`
      : r.occurrence === 'term'
        ? `${formatDate(r.from, locale)}–${formatDate(r.to, locale)}`
        : r.occurrence;
  return (
    <section aria-labelledby="on-demand-heading" data-section="on-demand">
      <h2 id="on-demand-heading">{t.heading}</h2>
      <p className="muted">{t.hint}</p>
      <DataTable
        columns={[
          t.obligation,
          ...[t.period, t.capacity, t.called, t.served, t.late, t.missed, t.pending].map((c) => (
            // Counts in narrow columns: the words stay on one line.
            <span key={c} className="nowrap">
              {c}
            </span>
          )),
          t.status,
        ]}
        caption={format(t.asOf, { asOf: formatDate(reg.asOf, locale) })}
      >
        {reg.obligations.map((r) => (
          <tr key={`${r.obligationId}-${r.occurrence}`} data-obligation={r.obligationId} data-status={r.status}>
            <th scope="row">{r.label}</th>
            <td>{periodText(r)}</td>
            <td>{r.capacity === 0 ? t.everyRequest : r.capacity}</td>
            <td>{r.called}</td>
            <td>{r.served}</td>
            <td>{r.late}</td>
            <td className={r.missed > 0 ? 'field-error' : undefined}>{r.missed}</td>
            <td>{r.pending}</td>
            <td>{explanationText(r.explained, locale)}</td>
          </tr>
        ))}
      </DataTable>
      {reg.obligations.map((r) => (
        <DataTable
          key={`calls-${r.obligationId}-${r.occurrence}`}
          section="on-demand-calls"
          caption={format(t.callsOf, { label: r.label, period: periodText(r) })}
          columns={[
            t.dueOn,
            t.subject,
            t.calledOn,
            t.callStatus,
            t.servedOn,
            t.evidence,
            ...(canServe ? [t.action] : []),
          ]}
          empty={t.noCalls}
        >
          {r.calls.map((c) => {
            const key = callStatusKey(c.status);
            return (
              <tr key={c.id} data-call-status={c.status}>
                <th scope="row">{formatDate(c.dueOn, locale)}</th>
                <td>{c.subject || '—'}</td>
                <td>{formatDate(c.calledOn, locale)}</td>
                <td className={c.status === 'missed' || c.status === 'late' ? 'field-error' : undefined}>
                  {key ? t[key] : '—'}
                </td>
                <td>{c.servedOn ? formatDate(c.servedOn, locale) : '—'}</td>
                <td>{c.serviceEvidence ?? '—'}</td>
                {canServe ? (
                  <td>
                    {c.servedOn ? null : (
                      <OnDemandServeForm
                        contractId={contractId}
                        callId={c.id}
                        dueOn={c.dueOn < reg.asOf ? c.dueOn : reg.asOf}
                        onSaved={query.reload}
                      />
                    )}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </DataTable>
      ))}
      {canCall ? (
        <>
          <h3>{t.recordCallHeading}</h3>
          <OnDemandCallForm
            contractId={contractId}
            obligations={[
              ...new Map(
                reg.obligations.map((o) => [o.obligationId, { label: o.label, days: o.respondWithinDays }]),
              ).entries(),
            ].map(([id, o]) => ({ id, ...o }))}
            today={reg.asOf}
            onSaved={query.reload}
          />
        </>
      ) : null}
    </section>
  );
}
