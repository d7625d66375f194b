import { Link } from 'react-router';
import { format, useLocale } from '../../i18n/i18n';
import { SlaBadgeView } from './ticket-detail';
import { slaDeadlineText, slaUsedText } from './ticket-sla-format';
import { ticketLabel, type TicketsText } from './tickets-messages';
import { atRisk, type TicketRow } from './tickets-queries';

function TicketCard({
  ticket,
  t,
  severityName,
}: {
  ticket: TicketRow;
  t: TicketsText;
  severityName(id: string): string;
}) {
  const { locale } = useLocale();
  // The clocks still worth a look on the card: running or breached (met ones are in the detail).
  const live = (ticket.sla?.targets ?? []).filter((x) => x.status !== 'met');
  return (
    <article className="ticket-card" data-ticket={ticket.number} data-state={ticket.state}>
      <h4>
        <Link to={`?ticket=${ticket.id}`} aria-label={format(t.showDetail, { number: ticket.number })}>
          {ticket.number}
        </Link>{' '}
        {ticket.title ?? ''}
      </h4>
      <p className="muted">
        {severityName(ticket.severity)} · {ticket.category}
        {ticket.specialAttention ? ` · ${t.specialAttention}` : ''}
      </p>
      <p>
        <SlaBadgeView ticket={ticket} />
      </p>
      {live.length ? (
        <ul className="clocks">
          {live.map((x) => (
            <li
              key={x.targetId}
              className={x.status === 'breached' ? 'alert' : atRisk(x) ? 'warn' : undefined}
              data-status={x.status}
            >
              {x.name}：{atRisk(x) ? ticketLabel(t, 'sla', 'at-risk') : ticketLabel(t, 'targetStatus', x.status)}
              {x.status === 'not_recorded' ? null : <> {slaUsedText(x, locale)}</>}
              {/* A deadline on a provisional calendar year is shown with 暂定, so nobody takes it for final. */}
              {x.provisional && x.status !== 'not_recorded' ? (
                <span className="muted" data-field="provisional">
                  {' '}
                  · {slaDeadlineText(x, locale)}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}

export function Column({
  state,
  tickets,
  t,
  severityName,
}: {
  state: string;
  tickets: TicketRow[];
  t: TicketsText;
  severityName(id: string): string;
}) {
  const id = `col-${state}`;
  return (
    <section className="board-column" aria-labelledby={id} data-column={state}>
      <h3 id={id}>
        {ticketLabel(t, 'state', state)} <span className="muted">{format(t.count, { n: tickets.length })}</span>
      </h3>
      <ul>
        {tickets.map((x) => (
          <li key={x.id}>
            <TicketCard ticket={x} t={t} severityName={severityName} />
          </li>
        ))}
      </ul>
    </section>
  );
}
