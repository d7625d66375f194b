import { buildCalendar } from '@ledger/sla';
import { parseContractConfig } from '../config/validate-contract-config';
import { getPreset } from '../presets';
import { evaluateTicket } from './ticket-sla';
import type { Ticket } from './ticket.types';

const governing = (id: string) => {
  const config = parseContractConfig(getPreset(id).config);
  return { config, calendar: buildCalendar(config.calendar ?? {}) };
};

/** A ticket the buyer reported (提出) at 09:00 that nobody has signed for yet. */
const reported = (severity: string): Ticket => ({
  id: 'T-1',
  category: '软件故障',
  severity,
  specialAttention: false,
  state: 'submitted',
  events: [{ kind: 'submitted', at: '2026-06-02T09:00:00+08:00', actor: 'buyer' }],
  pauses: [],
});
const at = (local: string): number => Date.parse(`${local}+08:00`);

describe('evaluateTicket: when the clocks start (domain.md rule 13)', () => {
  it('Qinghai: every clock starts at the report, so they run before the vendor signs for it', () => {
    const e = evaluateTicket(reported('fault'), governing('qinghai-hospital-3y'), at('2026-06-02T09:08:00'));
    expect(e.ok).toBe(true);
    const response = e.ok ? e.result.targets.find((t) => t.targetId === 'response') : undefined;
    expect(response).toMatchObject({
      startsAt: 'reported',
      start: '2026-06-02T09:00:00+08:00',
      status: 'running',
      elapsedMinutes: 8,
      deadline: '2026-06-02T09:10:00+08:00',
    });
    // Still unsigned at 09:15: the 10-minute response is already breached.
    const later = evaluateTicket(reported('fault'), governing('qinghai-hospital-3y'), at('2026-06-02T09:15:00'));
    expect(later.ok && later.status).toBe('breached');
  });

  it('Xuzhou: the clocks start at receipt, so a reported ticket has none running yet (not a skipped ticket)', () => {
    expect(evaluateTicket(reported('L2'), governing('xuzhou-2026'), at('2026-06-02T09:15:00'))).toEqual({
      ok: false,
      note: 'the SLA clocks start at receipt (签收)',
      notStarted: true,
    });
  });
});
