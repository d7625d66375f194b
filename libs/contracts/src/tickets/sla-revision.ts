import type { TargetResult } from '@ledger/sla';
import type { ParsedConfig } from '../config/contract-config.schema';
import { isFinalState } from './ticket.types';

/*
 * Moving open tickets onto a contract's current configuration version (issue 16 point 2, domain rule 13): a ticket
 * follows the version it was opened under; when the buyer admin adopts a revision (a corrected clock start or
 * coverage, a changed target), the open tickets move to it and their SLA is recomputed, the old result kept beside
 * the new one. A closed ticket keeps its version: its result is history.
 */

export type RevisionMove = { move: true } | { move: false; reason: 'final' | 'severity-unknown' };

/**
 * Whether a ticket moves onto the version `to`: it is open, and its severity is one the new SLA policy knows (a
 * stored state is read as text).
 */
export function revisionMove(ticket: { severity: string; state: string }, to: Pick<ParsedConfig, 'sla'>): RevisionMove {
  if (isFinalState(ticket.state)) return { move: false, reason: 'final' };
  const severities = to.sla?.policy.severities.map((s) => s.id) ?? [];
  if (!severities.includes(ticket.severity)) return { move: false, reason: 'severity-unknown' };
  return { move: true };
}

/**
 * Whether two results of a ticket differ in what a reader sees: a target added or gone, a deadline, a status, the
 * minutes used, or the provisional mark (the recomputations after a calendar publication and after a move count
 * "changed" results with it).
 */
export function slaFiguresDiffer(before: readonly TargetResult[], after: readonly TargetResult[]): boolean {
  const figures = (targets: readonly TargetResult[]): string =>
    JSON.stringify(targets.map((t) => [t.targetId, t.deadline, t.status, t.elapsedMinutes, t.provisional]));
  return figures(before) !== figures(after);
}
