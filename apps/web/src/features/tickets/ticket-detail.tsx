import { DataTable } from '../../components/data-table';
import { useEffect, useRef } from 'react';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { formatDate, formatDateTime } from '../../i18n/local-format';
import { versionsInWords } from '../../components/explanation-text';
import { TicketActionForm } from './ticket-action-form';
import { slaDeadlineText, slaElapsedText, slaExplanationText, slaUsedText } from './ticket-sla-format';
import { ticketSlaMessages } from './ticket-sla-messages';
import { ticketLabel, ticketsMessages } from './tickets-messages';
import { atRisk, slaBadge, type TicketRow } from './tickets-queries';

export function SlaBadgeView({ ticket }: { ticket: Pick<TicketRow, 'sla'> }) {
  const t = useMessages(ticketsMessages);
  const badge = slaBadge(ticket);
  return (
    <span className={`sla-badge sla-${badge}`} data-sla={badge}>
      {ticketLabel(t, 'sla', badge)}
    </span>
  );
}

/** One ticket: its facts, every SLA clock with the engine's explanation, its history, pauses and the caller's actions. */
export function TicketDetail({
  ticket,
  severityName,
  onClose,
  onChanged,
}: {
  ticket: TicketRow;
  /** The severity's name in the contract's configuration (the ticket carries its id). */
  severityName(id: string): string;
  onClose(): void;
  onChanged(updated: TicketRow, action: string): void;
}) {
  const t = useMessages(ticketsMessages);
  const sla = useMessages(ticketSlaMessages);
  const { locale } = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a ticket moves keyboard focus to its detail, so the next Tab lands in it.
  useEffect(() => heading.current?.focus(), [ticket.id]);
  return (
    <section className="ticket-detail" aria-labelledby="ticket-detail-heading" data-ticket={ticket.number}>
      <div className="detail-header">
        <h2 id="ticket-detail-heading" ref={heading} tabIndex={-1}>
          {format(t.detailHeading, { number: ticket.number })} {ticket.title ? `· ${ticket.title}` : ''}
        </h2>
        <button type="button" className="secondary" onClick={onClose}>
          {t.closeDetail}
        </button>
      </div>
      <dl className="facts">
        <dt>{t.state}</dt>
        <dd data-field="state">{ticketLabel(t, 'state', ticket.state)}</dd>
        <dt>{t.severity}</dt>
        <dd>{severityName(ticket.severity)}</dd>
        <dt>{t.category}</dt>
        <dd>{ticket.category}</dd>
        <dt>{t.businessArea}</dt>
        <dd>{ticket.businessArea ?? '—'}</dd>
        <dt>{t.specialAttention}</dt>
        <dd>{ticket.specialAttention ? t.yes : t.no}</dd>
        {ticket.expectedCloseDate ? (
          <>
            <dt>{t.expectedCloseDate}</dt>
            <dd>{formatDate(ticket.expectedCloseDate, locale)}</dd>
          </>
        ) : null}
        {ticket.extendedTo ? (
          <>
            <dt>{t.extendedTo}</dt>
            <dd>{formatDate(ticket.extendedTo, locale)}</dd>
          </>
        ) : null}
        {ticket.stableUntil ? (
          <>
            <dt>{t.stableUntil}</dt>
            <dd title={ticket.stableUntilProvisional ? sla.provisionalHint : undefined}>
              {ticket.stableUntilProvisional
                ? format(sla.deadlineProvisional, { deadline: formatDateTime(ticket.stableUntil) })
                : formatDateTime(ticket.stableUntil)}
            </dd>
          </>
        ) : null}
        <dt>{t.configVersion}</dt>
        <dd>{versionsInWords(null, ticket.configVersion, locale)}</dd>
      </dl>

      <h3>
        {t.slaHeading} <SlaBadgeView ticket={ticket} />
      </h3>
      {ticket.sla ? (
        <>
          <p className="muted">
            {format(t.slaEvaluated, {
              at: formatDateTime(ticket.sla.evaluatedAt),
              versions: versionsInWords(ticket.sla.calendarVersion, ticket.sla.configVersion, locale),
            })}
          </p>
          {ticket.sla.provisional ? (
            <p className="muted" data-field="sla-provisional">
              {sla.provisionalHint}
            </p>
          ) : null}
          <DataTable
            columns={[t.target, t.targetStatus, t.used, t.elapsed, t.deadline, t.explanation]}
            caption={t.slaHeading}
          >
            {ticket.sla.targets.map((x) => (
              <tr
                key={x.targetId}
                data-target={x.targetId}
                data-status={x.status}
                className={x.status === 'breached' ? 'alert' : undefined}
              >
                <th scope="row">{x.name}</th>
                <td>{atRisk(x) ? ticketLabel(t, 'sla', 'at-risk') : ticketLabel(t, 'targetStatus', x.status)}</td>
                <td data-field="used">{slaUsedText(x, locale)}</td>
                <td>{slaElapsedText(x, locale)}</td>
                <td
                  data-field="deadline"
                  data-provisional={x.provisional ? 'true' : undefined}
                  title={x.provisional ? sla.provisionalHint : undefined}
                >
                  {slaDeadlineText(x, locale)}
                </td>
                <td className="muted" data-code={x.explanation.code}>
                  {slaExplanationText(x.explanation, locale)}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : (
        // The API's slaNote is an English sentence; the reason is told from the ticket itself.
        <p className="muted">{ticket.events.some((e) => e.kind === 'received') ? t.slaUnavailable : t.slaNotStarted}</p>
      )}

      {ticket.pauses.length ? (
        <>
          <h3>{t.pauses}</h3>
          <ul>
            {ticket.pauses.map((p, i) => (
              <li key={i}>
                {format(t.pauseLine, { from: formatDateTime(p.from), to: formatDateTime(p.to), reason: p.reason })}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h3>{t.actions}</h3>
      <TicketActionForm
        key={`${ticket.id}-${ticket.state}-${ticket.events.length}`}
        ticket={ticket}
        onDone={onChanged}
      />

      <DataTable columns={[t.seq, t.kind, t.at, t.side, t.note]} caption={t.history} section="history">
        {ticket.events.map((e) => (
          <tr key={e.seq} data-event={e.kind}>
            <td>{e.seq}</td>
            <th scope="row">{ticketLabel(t, 'event', e.kind)}</th>
            <td>{formatDateTime(e.at)}</td>
            <td>{ticketLabel(t, 'side', e.actorSide)}</td>
            <td>{e.note ?? ''}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
