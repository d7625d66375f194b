import { z } from 'zod';
import { formatPath, problem, zodProblems, type Problem } from '@ledger/kernel';

export const TICKET_EVENT_KINDS = [
  'received',
  'responded',
  'on-site',
  'contained',
  'resolved',
  'closed',
  'feedback',
] as const;
export type TicketEventKind = (typeof TICKET_EVENT_KINDS)[number];

export const SLA_METRICS = ['response', 'on-site', 'containment', 'resolution', 'feedback', 'closure'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

export const STOP_EVENTS = ['responded', 'on-site', 'contained', 'resolved', 'closed', 'feedback'] as const;
export type StopEvent = (typeof STOP_EVENTS)[number];

const positiveInt = z.number().int('must be a whole number').positive('must be > 0');

const minutesDuration = z.strictObject({ minutes: positiveInt });
const workingDaysDuration = z.strictObject({
  workingDays: z.number().positive('must be > 0'),
  mode: z.enum(['elapsed', 'end-of-day']),
});

export const slaTargetSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  severities: z.array(z.string().min(1)).min(1, 'name at least one severity'),
  metric: z.enum(SLA_METRICS),
  stopEvent: z.enum(STOP_EVENTS),
  /** 'calendar' = 7×24; 'working' = the tenant's working-time calendar. */
  clock: z.enum(['calendar', 'working']),
  duration: z.union([minutesDuration, workingDaysDuration]),
});

export const slaPolicySchema = z.strictObject({
  severities: z
    .array(z.strictObject({ id: z.string().min(1), name: z.string().min(1), rank: z.number().int() }))
    .min(1, 'define at least one severity'),
  targets: z.array(slaTargetSchema),
});

export type SlaTarget = z.infer<typeof slaTargetSchema>;
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

/** Every problem of an SLA policy, structural and semantic, with paths such as `targets[2].severities[1]`. */
export function validateSlaPolicy(p: unknown): Problem[] {
  const parsed = slaPolicySchema.safeParse(p);
  if (!parsed.success) return zodProblems(parsed.error);
  const policy = parsed.data;
  const problems: Problem[] = [];

  const severityIds = new Map<string, number>();
  const ranks = new Map<number, string>();
  policy.severities.forEach((s, i) => {
    const first = severityIds.get(s.id);
    if (first !== undefined)
      problems.push(
        problem(formatPath(['severities', i, 'id']), 'list.duplicateId', {
          value: s.id,
          other: formatPath(['severities', first]),
        }),
      );
    else severityIds.set(s.id, i);
    const other = ranks.get(s.rank);
    if (other !== undefined)
      problems.push(problem(formatPath(['severities', i, 'rank']), 'sla.rankTaken', { rank: s.rank, other }));
    else ranks.set(s.rank, s.id);
  });

  const targetIds = new Map<string, number>();
  const metricSeverity = new Map<string, string>();
  policy.targets.forEach((t, i) => {
    const first = targetIds.get(t.id);
    if (first !== undefined)
      problems.push(
        problem(formatPath(['targets', i, 'id']), 'list.duplicateId', {
          value: t.id,
          other: formatPath(['targets', first]),
        }),
      );
    else targetIds.set(t.id, i);
    t.severities.forEach((sid, j) => {
      const path = formatPath(['targets', i, 'severities', j]);
      if (!severityIds.has(sid)) {
        problems.push(problem(path, 'unknown.severity', { value: sid, known: [...severityIds.keys()] }));
        return;
      }
      // Two targets on the same metric for one severity would make "the" result ambiguous.
      const key = `${t.metric}\u0000${sid}`;
      const owner = metricSeverity.get(key);
      if (owner !== undefined)
        problems.push(problem(path, 'sla.duplicateMetricTarget', { severity: sid, metric: t.metric, owner }));
      else metricSeverity.set(key, t.id);
    });
    if ('workingDays' in t.duration) {
      const path = formatPath(['targets', i, 'duration']);
      if (t.clock === 'calendar') problems.push(problem(path, 'sla.workingDaysNeedWorkingClock'));
      if (t.duration.mode === 'end-of-day' && !Number.isInteger(t.duration.workingDays)) {
        problems.push(problem(`${path}.workingDays`, 'sla.endOfDayWhole'));
      }
    }
  });
  return problems;
}
