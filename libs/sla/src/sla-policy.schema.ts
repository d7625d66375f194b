import { z } from 'zod';
import { formatPath, problem, zodProblems, type Problem } from '@ledger/kernel';

export const TICKET_EVENT_KINDS = [
  'reported',
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

/** What starts a target's clock (domain.md rule 13): receipt (签收, the default) or the fault report (报修). */
export const SLA_START_EVENTS = ['received', 'reported'] as const;
export type SlaStartEvent = (typeof SLA_START_EVENTS)[number];

/** 'calendar' = 7×24; 'working' = the contract's working-time calendar. */
export const SLA_CLOCKS = ['calendar', 'working'] as const;
export type SlaClock = (typeof SLA_CLOCKS)[number];

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
  /** Absent = 'received'. */
  startsAt: z.enum(SLA_START_EVENTS).optional(),
  /** One clock for every severity of the target; or `coverage`, a clock per severity (exactly one of the two). */
  clock: z.enum(SLA_CLOCKS).optional(),
  /** Off-hours service promised only for some severities (000:79-80): L4 on 7×24, L1–L3 on working time. */
  coverage: z
    .array(z.strictObject({ severities: z.array(z.string().min(1)).min(1), clock: z.enum(SLA_CLOCKS) }))
    .min(1)
    .optional(),
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

/** The event a target's clock starts at. */
export const startEventOf = (t: Pick<SlaTarget, 'startsAt'>): SlaStartEvent => t.startsAt ?? 'received';

/** The targets of a severity, and the events their clocks start at. */
export function targetsOfSeverity(
  policy: SlaPolicy,
  severity: string,
): { targets: SlaTarget[]; starts: Set<SlaStartEvent> } {
  const targets = policy.targets.filter((t) => t.severities.includes(severity));
  return { targets, starts: new Set(targets.map(startEventOf)) };
}

/** The clock a target runs on for a severity; undefined only for a policy that does not validate. */
export function clockFor(t: Pick<SlaTarget, 'clock' | 'coverage'>, severity: string): SlaClock | undefined {
  return t.coverage ? t.coverage.find((c) => c.severities.includes(severity))?.clock : t.clock;
}

/** Every clock a target runs on, whatever the severity. */
const clocksOf = (t: SlaTarget): SlaClock[] => (t.coverage ? t.coverage.map((c) => c.clock) : t.clock ? [t.clock] : []);

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
    problems.push(...coverageProblems(t, i));
    if ('workingDays' in t.duration) {
      const path = formatPath(['targets', i, 'duration']);
      if (clocksOf(t).includes('calendar')) problems.push(problem(path, 'sla.workingDaysNeedWorkingClock'));
      if (t.duration.mode === 'end-of-day' && !Number.isInteger(t.duration.workingDays)) {
        problems.push(problem(`${path}.workingDays`, 'sla.endOfDayWhole'));
      }
    }
  });
  return problems;
}

/** A target has one clock or a coverage, and a coverage gives every severity of the target exactly one clock. */
function coverageProblems(t: SlaTarget, i: number): Problem[] {
  const at = (...rest: (string | number)[]): string => formatPath(['targets', i, ...rest]);
  if (t.clock !== undefined && t.coverage !== undefined) return [problem(at('coverage'), 'sla.clockAndCoverage')];
  if (t.coverage === undefined) return t.clock === undefined ? [problem(at('clock'), 'sla.clockRequired')] : [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  t.coverage.forEach((c, j) =>
    c.severities.forEach((sid, k) => {
      const path = at('coverage', j, 'severities', k);
      if (!t.severities.includes(sid))
        problems.push(problem(path, 'sla.coverageNotInTarget', { value: sid, known: t.severities }));
      else if (seen.has(sid))
        problems.push(problem(path, 'sla.coverageTwice', { severity: sid, other: seen.get(sid) ?? '' }));
      else seen.set(sid, formatPath(['coverage', j]));
    }),
  );
  for (const sid of t.severities)
    if (!seen.has(sid)) problems.push(problem(at('coverage'), 'sla.coverageMissing', { severity: sid }));
  return problems;
}
