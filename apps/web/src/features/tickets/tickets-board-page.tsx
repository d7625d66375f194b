import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useGraphqlMutation, useGraphqlQuery } from '../../api/use-graphql';
import { LoadMore, useLoadMore } from '../../components/load-more';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-state';
import { format, useMessages } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { ContractNav } from '../../components/contract-nav';
import { CreateTicketForm, taxonomyOf } from './create-ticket-form';
import { TicketDetail } from './ticket-detail';
import { ticketLabel, ticketsMessages } from './tickets-messages';
import { TicketFilterBar } from './ticket-filter-bar';
import { ticketFilterMessages } from './ticket-filter-messages';
import {
  BOARD_PAGE_SIZE,
  FINAL_STATES,
  TICKET_STATES,
  type TicketFilter,
  type TicketRow,
  TICKETS_SEARCH,
} from './tickets-queries';
import { Column } from './ticket-board-columns';

/**
 * The 联系单 board of one contract, for the buyer and the vendor: a column per state that has tickets, each
 * ticket with its SLA clocks (the API's status now), a detail with history and the caller's lifecycle actions,
 * and for the buyer the form that submits a new ticket.
 */
export function TicketsBoardPage({ area }: { area: 'buyer' | 'vendor' }) {
  const t = useMessages(ticketsMessages);
  const { id = '' } = useParams();
  const { user } = useSession();
  const [search, setSearch] = useSearchParams();
  const tf = useMessages(ticketFilterMessages);
  const [filter, setFilter] = useState<TicketFilter>({});
  const query = useGraphqlQuery(TICKETS_SEARCH, { contractId: id, filter, first: BOARD_PAGE_SIZE });
  // Further pages of the same filter, fetched with the previous page's cursor ("load more"); a new filter starts over.
  const [fetchMore, fetching] = useGraphqlMutation(TICKETS_SEARCH);
  const more = useLoadMore(
    JSON.stringify(filter),
    async (after) => (await fetchMore({ contractId: id, filter, first: BOARD_PAGE_SIZE, after })).ticketSearch,
    (earlier, later) => ({ ...later, nodes: [...earlier.nodes, ...later.nodes] }),
  );
  const applyFilter = (next: TicketFilter) => {
    more.restart();
    setFilter(next);
  };
  // What this page changed since the load: shown at once (a reload would lose the detail's focus and message).
  const [changed, setChanged] = useState<Record<string, TicketRow>>({});
  const [message, setMessage] = useState<string | null>(null);
  const name = query.status === 'ready' ? query.data.contract.name : '…';
  const selectedId = search.get('ticket');
  const isBuyer = user?.role === 'buyer-admin' || user?.role === 'buyer-staff';

  return (
    <Page title={format(t.title, { name })}>
      <ContractNav area={area} contractId={id} />
      <QueryView query={query}>
        {({ ticketSearch: page, contract }) => {
          const loaded = [...page.nodes, ...(more.extra?.nodes ?? [])];
          const next = more.extra ?? page;
          const known = new Set(loaded.map((x) => x.id));
          const tickets = [
            ...loaded.map((x) => changed[x.id] ?? x),
            ...Object.values(changed).filter((x) => !known.has(x.id)),
          ];
          const open = tickets.filter((x) => !FINAL_STATES.includes(x.state));
          const finished = tickets.filter((x) => FINAL_STATES.includes(x.state));
          const byState = (states: readonly string[], list: TicketRow[]) =>
            states
              .map((s) => ({ state: s, tickets: list.filter((x) => x.state === s) }))
              .filter((c) => c.tickets.length);
          const selected = tickets.find((x) => x.id === selectedId);
          const remember = (ticket: TicketRow) => setChanged((c) => ({ ...c, [ticket.id]: ticket }));
          const taxonomy = taxonomyOf(contract.configuration);
          const severityName = (sid: string) => taxonomy.severities.find((s) => s.id === sid)?.name ?? sid;
          return (
            <>
              {message ? (
                <p className="ok" role="status">
                  {message}
                </p>
              ) : null}
              {selected ? (
                <TicketDetail
                  ticket={selected}
                  severityName={severityName}
                  onClose={() => setSearch({})}
                  onChanged={(updated, action) => {
                    remember(updated);
                    setMessage(
                      format(t.performed, {
                        action: ticketLabel(t, 'action', action),
                        state: ticketLabel(t, 'state', updated.state),
                      }),
                    );
                  }}
                />
              ) : null}
              <TicketFilterBar
                value={filter}
                states={TICKET_STATES}
                stateName={(s) => ticketLabel(t, 'state', s)}
                severities={taxonomy.severities.map((s) => s.id)}
                severityName={severityName}
                onChange={applyFilter}
              />
              <p className="muted" data-testid="ticket-count">
                {format(tf.shown, { total: page.totalCount, shown: loaded.length })}
              </p>
              <section aria-labelledby="board-heading">
                <h2 id="board-heading">{format(t.openTickets, { n: open.length })}</h2>
                {tickets.length ? null : <p>{t.noTickets}</p>}
                <div className="board">
                  {byState(
                    TICKET_STATES.filter((s) => !FINAL_STATES.includes(s)),
                    open,
                  ).map((c) => (
                    <Column key={c.state} state={c.state} tickets={c.tickets} t={t} severityName={severityName} />
                  ))}
                </div>
              </section>
              {finished.length ? (
                <details className="finished">
                  <summary>{format(t.finishedTickets, { n: finished.length })}</summary>
                  <div className="board">
                    {byState(FINAL_STATES, finished).map((c) => (
                      <Column key={c.state} state={c.state} tickets={c.tickets} t={t} severityName={severityName} />
                    ))}
                  </div>
                </details>
              ) : null}
              <LoadMore
                hasNextPage={next.hasNextPage}
                running={fetching.running}
                error={more.error}
                onMore={() => void more.load(page)}
                labels={tf}
              />
              {isBuyer ? (
                <section aria-labelledby="create-heading">
                  <h2 id="create-heading">{t.createHeading}</h2>
                  <CreateTicketForm
                    contractId={contract.id}
                    taxonomy={taxonomy}
                    onCreated={(ticket) => {
                      remember(ticket);
                      setSearch({ ticket: ticket.id });
                    }}
                  />
                </section>
              ) : null}
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}
