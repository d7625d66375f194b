import { DomainError } from '@ledger/kernel';
import {
  evaluateTicketSla,
  summariseSlaStatus,
  targetsOfSeverity,
  toEpochMs,
  type SlaStatus,
  type TicketSlaResult,
  type WorkCalendar,
} from '@ledger/sla';
import type { ParsedConfig } from '../config/contract-config.schema';
import { toSlaTicket } from './adapters';
import type { Ticket } from './ticket.types';

/** A ticket's SLA now: the per-target result and its roll-up, or why there is none (a note). */
export type SlaEvaluation =
  | { ok: true; result: TicketSlaResult; status: SlaStatus }
  /** `notStarted`: no clock of the ticket has started yet (not received, or not reported) — nothing runs. */
  | { ok: false; note: string; notStarted?: true };

/**
 * A ticket's SLA at `nowMs` on its governing configuration and calendar — the one evaluation the API's read-time
 * `sla` field and the SLA jobs (stored results, warnings, recomputation) share. No policy or no receipt yet (no report
 * yet, when every clock of the ticket's severity starts at the report) is a note,
 * a domain error (an unpublished calendar year, an inconsistent history) is a note too. `now` is never earlier than
 * the last event: an action may be recorded up to a minute ahead of the server clock.
 */
export function evaluateTicket(
  ticket: Ticket,
  gov: { config: Pick<ParsedConfig, 'sla'>; calendar: WorkCalendar },
  nowMs: number,
): SlaEvaluation {
  if (!gov.config.sla) return { ok: false, note: 'the contract has no SLA policy' };
  // Clocks that all start at the report (domain.md rule 13: Qinghai, Beijing) run before the vendor signs for it.
  const { starts } = targetsOfSeverity(gov.config.sla.policy, ticket.severity);
  const fromReport = starts.has('reported') && !starts.has('received');
  if (!ticket.events.some((e) => e.kind === (fromReport ? 'submitted' : 'received')))
    return {
      ok: false,
      note: fromReport ? 'the SLA clocks start at the report (报修)' : 'the SLA clocks start at receipt (签收)',
      notStarted: true,
    };
  const latest = Math.max(...ticket.events.map((e) => toEpochMs(e.at)));
  try {
    const result = evaluateTicketSla({
      ticket: toSlaTicket(ticket),
      policy: gov.config.sla.policy,
      calendar: gov.calendar,
      now: Math.max(nowMs, latest),
    });
    return { ok: true, result, status: summariseSlaStatus(result.targets) };
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, note: e.message };
    throw e;
  }
}
