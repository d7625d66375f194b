import { buildCalendar, evaluateTicketSla, type SlaPolicy } from '@ledger/sla';
import { slaNotifications } from './ticket-sla.job';

// Feedback within 3 working days (domain.md worked example H) and a 5-minute 7×24 response.
const POLICY: SlaPolicy = {
  severities: [{ id: 'L1', name: '一级', rank: 1 }],
  targets: [
    {
      id: 'response',
      name: '电话响应',
      severities: ['L1'],
      metric: 'response',
      stopEvent: 'responded',
      clock: 'calendar',
      duration: { minutes: 5 },
    },
    {
      id: 'feedback',
      name: '三个工作日内反馈',
      severities: ['L1'],
      metric: 'feedback',
      stopEvent: 'feedback',
      clock: 'working',
      duration: { workingDays: 3, mode: 'elapsed' },
    },
  ],
};
const calendar = buildCalendar({});
const ticket = { tenantId: 't', contractId: 'c', id: 'x', number: 'LX-0001', title: null, state: 'received' };
const warn = (received: string, now: string) =>
  slaNotifications(ticket, {
    result: evaluateTicketSla({
      ticket: { severity: 'L1', events: [{ kind: 'received', at: received }] },
      policy: POLICY,
      calendar,
      now,
    }),
    configVersion: 1,
  });

describe('SLA warnings on a provisional calendar year (domain rule 18)', () => {
  it('a deadline in the unpublished 2027 is said to be provisional: 截止 …（暂定）, details.provisional 1', () => {
    // Received Thu 2026-12-31 10:00: due Wed 2027-01-06 10:00 (example H); by Tue 2027-01-05 15:00, 1110 of 1350 working minutes (82 %).
    const [feedback] = warn('2026-12-31T10:00:00+08:00', '2027-01-05T15:00:00+08:00').filter(
      (n) => n.details.targetId === 'feedback',
    );
    expect(feedback).toMatchObject({
      kind: 'sla-at-risk',
      details: { deadline: '2027-01-06T10:00:00+08:00', provisional: 1 },
    });
    expect(feedback.message).toContain('截止 2027-01-06 10:00（暂定）');
  });

  it('a 2026 deadline and a 7×24 clock are not', () => {
    const all = warn('2026-12-01T10:00:00+08:00', '2026-12-04T09:00:00+08:00');
    expect(all.map((n) => [n.details.targetId, n.details.provisional])).toEqual([
      ['response', 0],
      ['feedback', 0],
    ]);
    expect(all.every((n) => !n.message.includes('暂定'))).toBe(true);
  });
});
