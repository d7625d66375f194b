import { formatPath, prefixProblems, problem, zodProblems, type Problem } from '@ledger/kernel';
import { CalendarNotPublishedError } from '@ledger/sla';
import { z } from 'zod';
import type { WorkCalendar } from '@ledger/sla';
import { localDateSchema, nonNegativeDecimalSchema as nonNegativeDecimal } from '../config/common.schema';
import type { ParsedConfig } from '../config/contract-config.schema';
import { calendarOf } from '../tickets/lifecycle';
import {
  attendanceProblems,
  monthBounds,
  monthlyPersonMonths,
  workingDatesOfMonth,
  type MonthlyPersonMonths,
} from './attendance';
import { holidayDutyCheck, holidayDutyProblems, type HolidayDutyCheck } from './holiday-duty';
import type { OnDemandCall } from './on-demand';
import {
  obligationChecklist,
  type ObligationChecklist,
  type ObligationDelivery,
  type ObligationEvent,
} from './obligations';

/*
 * The vendor's monthly report (domain.md "Who uses it": attendance, tickets, inspections, reports delivered,
 * service events). Tickets are reported through the ticket ledger, not repeated here.
 */

export const SERVICE_EVENT_KINDS = [
  'emergency-response',
  '重保',
  'incident',
  'major-change',
  'upgrade',
  'training',
  'other',
] as const;

export const monthlyReportSchema = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM'),
  attendance: z
    .array(
      z.strictObject({
        personId: z.string().min(1, 'give the person'),
        name: z.string().optional(),
        roleId: z.string().min(1, 'give the role'),
        daysPresent: nonNegativeDecimal.optional().describe('days present (half days allowed); or list the dates'),
        dates: z.array(localDateSchema).optional(),
      }),
    )
    .default([]),
  deliveries: z
    .array(
      z.strictObject({
        obligationId: z.string().min(1),
        deliveredOn: localDateSchema,
        for: z.string().min(1).optional().describe('the occurrence: 2026-10, 2026-Q4, holiday-2026-10-01, event-<id>'),
        evidence: z.array(z.string().min(1)).default([]).describe('evidence references (file ids, document numbers)'),
        participants: z.number().int().min(0).optional(),
        note: z.string().optional(),
      }),
    )
    .default([]),
  serviceEvents: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        kind: z.enum(SERVICE_EVENT_KINDS),
        from: localDateSchema,
        to: localDateSchema.optional(),
        description: z.string().min(1, 'describe the event'),
        obligationId: z.string().min(1).optional().describe('the obligation it is an occurrence or a delivery of'),
        event: z
          .string()
          .min(1)
          .optional()
          .describe('trigger name for after-event / before-event obligations (e.g. 重大变更)'),
        evidence: z.array(z.string().min(1)).default([]),
      }),
    )
    .default([]),
  holidayDuty: z
    .array(
      z.strictObject({
        date: localDateSchema,
        people: z.array(z.string().trim().min(1, 'give the person')).describe('who was on duty: names or staff ids'),
      }),
    )
    .default([])
    .describe('who was on duty on each non-working day of the month (domain.md rule 16)'),
  notes: z.string().optional(),
});

export type MonthlyReportInput = z.input<typeof monthlyReportSchema>;
export type MonthlyReport = z.output<typeof monthlyReportSchema>;

export type MonthlyReportValidation = { ok: true; report: MonthlyReport } | { ok: false; problems: Problem[] };

/**
 * Every problem of a monthly report against its contract, with paths (`attendance[2].roleId`,
 * `deliveries[0].evidence`, `serviceEvents[1].to`): structure (zod), a month outside the term, attendance
 * (unknown role, repeated person, days beyond the month's working days, dates outside the month), deliveries of
 * unknown obligations, without the evidence the obligation names, or short of its minimum participants; service
 * events ending before they start, outside the month, repeated ids, unknown obligations. Never throws for bad
 * input (a calendar year that is not published is reported at `month`).
 */
export function validateMonthlyReport(
  input: unknown,
  config: Pick<ParsedConfig, 'staffing' | 'term' | 'calendar' | 'obligations'>,
  options: { calendar?: WorkCalendar } = {},
): MonthlyReportValidation {
  const parsed = monthlyReportSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const r = parsed.data;
  const problems: Problem[] = [];
  const b = monthBounds(r.month);
  if (b && (b.end < config.term.start || b.start > config.term.end))
    problems.push(
      problem('month', 'date.outsideTerm', { value: r.month, start: config.term.start, end: config.term.end }),
    );

  let workingDays: number | undefined;
  try {
    workingDays = workingDatesOfMonth(calendarOf(config, options.calendar), r.month).length;
  } catch (e) {
    if (e instanceof CalendarNotPublishedError)
      problems.push(problem('month', 'report.calendarNotPublished', { year: e.year }));
    else throw e;
  }
  problems.push(...prefixProblems('attendance', attendanceProblems(config, r.month, r.attendance, workingDays)));
  problems.push(
    ...holidayDutyProblems(
      config,
      r.month,
      r.holidayDuty,
      workingDays === undefined ? undefined : calendarOf(config, options.calendar),
    ),
  );

  const obligations = new Map(config.obligations.map((o) => [o.id, o]));
  r.deliveries.forEach((d, i) => {
    const o = obligations.get(d.obligationId);
    if (!o) {
      problems.push(
        problem(formatPath(['deliveries', i, 'obligationId']), 'unknown.obligation', {
          value: d.obligationId,
          known: [...obligations.keys()],
        }),
      );
      return;
    }
    if (o.evidence && d.evidence.length === 0)
      problems.push(
        problem(formatPath(['deliveries', i, 'evidence']), 'report.evidenceRequired', { evidence: o.evidence }),
      );
    if (o.minParticipants !== undefined && (d.participants ?? 0) < o.minParticipants) {
      problems.push(
        problem(formatPath(['deliveries', i, 'participants']), 'report.minParticipants', {
          label: o.label ?? o.kind,
          min: o.minParticipants,
          given: d.participants ?? 0,
        }),
      );
    }
  });

  const seen = new Map<string, number>();
  r.serviceEvents.forEach((e, i) => {
    const first = seen.get(e.id);
    if (first !== undefined)
      problems.push(
        problem(formatPath(['serviceEvents', i, 'id']), 'list.duplicateId', {
          value: e.id,
          other: `serviceEvents[${first}]`,
        }),
      );
    else seen.set(e.id, i);
    if (e.to !== undefined && e.to < e.from)
      problems.push(
        problem(formatPath(['serviceEvents', i, 'to']), 'date.endsBeforeStart', { end: e.to, start: e.from }),
      );
    if (b && (e.from < b.start || e.from > b.end))
      problems.push(
        problem(formatPath(['serviceEvents', i, 'from']), 'date.notInMonth', { value: e.from, month: r.month }),
      );
    if (e.obligationId !== undefined && !obligations.has(e.obligationId))
      problems.push(
        problem(formatPath(['serviceEvents', i, 'obligationId']), 'unknown.obligation', {
          value: e.obligationId,
          known: [...obligations.keys()],
        }),
      );
  });
  return problems.length ? { ok: false, problems } : { ok: true, report: r };
}

/**
 * A service event tied to an obligation is an occurrence when the obligation's period is `event` (a 重保 needs
 * its plan), else a delivery of it (Tianjin's ≥4 emergency responses a year: each response delivered counts).
 * Events with a trigger name (`event`) are occurrences of after-event / before-event obligations.
 */
export function reportDeliveriesAndEvents(
  report: MonthlyReport,
  config: Pick<ParsedConfig, 'obligations'>,
): { deliveries: ObligationDelivery[]; events: ObligationEvent[] } {
  const periodOf = new Map(config.obligations.map((o) => [o.id, o.period]));
  const deliveries: ObligationDelivery[] = report.deliveries.map((d) => ({
    obligationId: d.obligationId,
    deliveredOn: d.deliveredOn,
    evidence: d.evidence,
    ...(d.for ? { for: d.for } : {}),
    ...(d.participants !== undefined ? { participants: d.participants } : {}),
  }));
  const events: ObligationEvent[] = [];
  for (const e of report.serviceEvents) {
    if (e.event) events.push({ id: e.id, on: e.from, event: e.event });
    if (!e.obligationId) continue;
    if (periodOf.get(e.obligationId) === 'event') events.push({ id: e.id, on: e.from, obligationId: e.obligationId });
    else deliveries.push({ obligationId: e.obligationId, deliveredOn: e.from, evidence: e.evidence });
  }
  return { deliveries, events };
}

export type MonthlyReportSummary = {
  month: string;
  personMonths: MonthlyPersonMonths;
  obligations: ObligationChecklist;
  /** Who was on duty on each non-working day, and the days short of the minimum; null without holiday duty. */
  holidayDuty: HolidayDutyCheck | null;
};

/** Person-months and the obligations checklist of a validated report, judged as of `asOf`. */
export function summariseMonthlyReport(
  report: MonthlyReport,
  config: Pick<ParsedConfig, 'staffing' | 'term' | 'calendar' | 'obligations'>,
  options: { asOf: string; calendar?: WorkCalendar; calls?: readonly OnDemandCall[] },
): MonthlyReportSummary {
  const b = monthBounds(report.month);
  const calendar = calendarOf(config, options.calendar);
  const personMonths = monthlyPersonMonths({ config, month: report.month, attendance: report.attendance, calendar });
  const { deliveries, events } = reportDeliveriesAndEvents(report, config);
  const obligations = obligationChecklist({
    config,
    period: { from: b?.start ?? report.month, to: b?.end ?? report.month },
    asOf: options.asOf,
    deliveries,
    events,
    calls: options.calls,
    calendar,
  });
  const holidayDuty = holidayDutyCheck(config, report.month, report.holidayDuty, calendar);
  return { month: report.month, personMonths, obligations, holidayDuty };
}
