import {
  assemblePeriodFacts,
  computeSchedule,
  explain,
  explanationText,
  holidayDutyCheck,
  holidayDutyFlags,
  kpiFlags,
  monthlyPersonMonths,
  monthlyReportSchema,
  onDemandFlags,
  periodBounds,
  periodsInTerm,
  plannedPersonMonths,
  timeZoneOf,
  toMetricsTicket,
  type AssembledFlag,
  type InputUse,
  type KpiResult,
  type LifecycleEvent,
  type MissingInput,
  type MonthAttendance,
  type ParsedConfig,
  type PaymentFactsInput,
  type PeriodAssessment,
  type PeriodSources,
  type Schedule,
  type Ticket,
  type TicketState,
  withCorrections,
} from '@ledger/contracts';
import { Decimal, toFixed2 } from '@ledger/kernel';
import { schemeReads, type DetailValue, type TicketRecord, type YearAggregate } from '@ledger/scoring';
import { formatInstant, type WorkCalendar } from '@ledger/sla';
import type { EntityManager } from 'typeorm';
import { onDemandCallsOf } from '../on-demand';
import { kpisForPeriod } from '../ticket-kpis';
import { PeriodCloseReads, type TicketMetricRow } from './period-close-reads.store';
import { achievementExplained, delayExplained } from './ticket-metric-explanations';
import { TicketMetricsAccumulator, type AchievementMetric, type DelayMetric } from './ticket-metrics';

export type AssessmentLine = {
  componentId: string;
  label: string;
  kind: string;
  input: string;
  points: string;
  explanation: string;
  details: Record<string, DetailValue> | null;
};
export type AssessmentView = {
  period: string;
  score: string | null;
  unclampedScore: string | null;
  /** The scheme's starting score the points are added to (domain rule 2); null when not assessed. */
  base: string | null;
  grade: string | null;
  passes: boolean | null;
  breakdown: AssessmentLine[];
  flags: AssembledFlag[];
  notes: string[];
  explanation: string | null;
  missing: MissingInput[];
};
export type DerivedMetric = {
  period: string;
  id: string;
  label: string;
  value: string | null;
  display: string | null;
  numerator: string | null;
  denominator: string | null;
  explanation: string;
  notes: string[];
  details:
    | AchievementMetric['details']
    | DelayMetric['details']
    | { months: MonthAttendance[]; lacking: string[] }
    | { kpi: Omit<KpiResult, 'explained'> };
};

/** Everything a close computes: stored as the close's result (and shown by the preview). Plain JSON. */
export type PeriodCloseComputation = {
  contractId: string;
  period: string;
  asOf: string;
  configVersion: number;
  calendarVersion: string;
  /**
   * The provisional calendar years the period lies in (domain rule 18): its working days are the statutory holidays'
   * legal dates, not a published notice, so the close can be previewed and drafted but not confirmed.
   */
  provisionalYears: number[];
  assessment: AssessmentView;
  assessments: AssessmentView[];
  year: ({ year: number } & YearAggregate) | null;
  inputsUsed: (Omit<InputUse, 'value'> & { value: unknown })[];
  missing: MissingInput[];
  metrics: DerivedMetric[];
  flags: AssembledFlag[];
  facts: PaymentFactsInput;
  schedule: Schedule;
  notes: string[];
};

/**
 * A period close, computed: gathers the buyer's period inputs, the tickets (events → toMetricsTicket → achievement
 * rate and special-attention delay) and the accepted monthly reports (person-months, rule 9) of one contract, and
 * computes with the pure libraries (assemblePeriodFacts → evaluateAssessment / aggregatePeriods; computeSchedule).
 * Reads only, in the caller's transaction and scope: the preview shows it, the close job stores it.
 * `config` is the configuration version the close uses; `extraFacts` adds payments and adjustments already recorded.
 */
export async function computePeriodClose(
  em: EntityManager,
  input: {
    contractId: string;
    config: ParsedConfig & { version: number };
    /** The contract's working calendar on the current national calendar (NationalCalendarStore). */
    calendar: WorkCalendar;
    period: string;
    asOf: string;
    extraFacts?: Pick<PaymentFactsInput, 'payments' | 'adjustments'>;
  },
): Promise<PeriodCloseComputation> {
  const { config, period, asOf } = input;
  const scheme = config.assessment;
  // The period within the term (assemblePeriodFacts refuses one that is not closable).
  const target = { id: period, ...periodBounds(config.term, period) };
  const schemePeriods = scheme ? periodsInTerm(scheme.period, config.term.start, config.term.end) : [];
  const repo = PeriodCloseReads;
  const { calendar } = input;
  const zone = timeZoneOf(config);
  const notes: string[] = [];

  // One connection per transaction: queries run one after the other.
  const inputRows = await repo.periodInputs(em, input.contractId);
  const reports = await repo.acceptedReports(em, input.contractId);
  const calls = await onDemandCallsOf(em, input.contractId, config);

  const metrics: DerivedMetric[] = [];
  // The components that read a ticket metric, as their kinds declare it (schemeReads): the metric is named by the input.
  const banded = (scheme ? schemeReads(scheme) : []).flatMap((r) =>
    r.metric !== null ? [{ input: r.input, m: r.metric }] : [],
  );
  const sources = new Map<string, PeriodSources>();
  const sourceOf = (id: string): PeriodSources => {
    let s = sources.get(id);
    if (!s) sources.set(id, (s = { id, values: {} }));
    return s;
  };
  for (const row of inputRows) (sourceOf(row.period).values as Record<string, unknown>)[row.kind] = row.value;
  const metricPeriods = schemePeriods.filter((x) => x.start <= target.start);

  // Tickets as of asOf (a completion after asOf has not happened yet), read in batches and reduced to counts, sums
  // and bounded lists: memory does not grow with the contract's tickets.
  const acc = new TicketMetricsAccumulator(
    banded.length ? metricPeriods.map((p) => ({ id: p.id, from: p.start, to: p.end })) : [],
    asOf,
  );
  let excluded = 0;
  for await (const batch of repo.ticketBatches(em, input.contractId, COMPLETION)) {
    const records: TicketRecord[] = [];
    for (const row of batch) {
      const r = toMetricsTicket(toDomain(row, zone), { timeZone: zone, completion: COMPLETION });
      if (!r) {
        excluded++;
        continue;
      }
      if (r.completedDate !== undefined && r.completedDate > asOf) {
        const { completedDate: _later, ...open } = r;
        records.push(open);
      } else records.push(r);
    }
    acc.add(records);
  }
  if (excluded) notes.push(explanationText(explain('close.note.tickets-excluded', { count: excluded })));

  for (const p of metricPeriods) {
    const values: Record<string, string | null> = {};
    for (const { input, m } of banded) {
      if (m === 'achievementRate') {
        const r = acc.achievement(p.id);
        values[input] = r.rate;
        const said = achievementExplained(r, { from: p.start, to: p.end }, asOf);
        metrics.push({
          period: p.id,
          id: m,
          label: '计划内达成率',
          value: r.rate,
          display: r.display,
          numerator: String(r.numerator),
          denominator: String(r.denominator),
          explanation: said.explanation,
          notes: said.notes,
          details: r.details,
        });
      } else {
        const d = acc.delay(p.id);
        values[input] = d.days;
        const said = delayExplained(d, { from: p.start, to: p.end }, asOf);
        metrics.push({
          period: p.id,
          id: m,
          label: '特别关注类问题延期时间',
          value: d.days,
          display: toFixed2(d.days),
          numerator: null,
          denominator: null,
          explanation: said.explanation,
          notes: said.notes,
          details: d.details,
        });
      }
    }
    sourceOf(p.id).metrics = values;
  }

  // Person-months of accepted months (rule 9), on the current configuration and calendar; the holiday duty of the
  // period's months (rule 16) flagged day by day.
  const attendance: MonthAttendance[] = [];
  const dutyFlags: AssembledFlag[] = [];
  for (const r of reports) {
    try {
      const report = monthlyReportSchema.parse(r.payload);
      const pm = monthlyPersonMonths({ config, month: r.month, attendance: report.attendance, calendar });
      attendance.push({ month: r.month, planned: pm.planned, actual: pm.actual });
      for (const f of holidayDutyFlags(holidayDutyCheck(config, r.month, report.holidayDuty, calendar), target))
        dutyFlags.push({ period, ...f });
    } catch (e) {
      notes.push(
        explanationText(
          explain('close.note.report-not-counted', {
            month: r.month,
            message: e instanceof Error ? e.message : String(e),
          }),
        ),
      );
    }
  }
  metrics.push(personMonthsMetric(config, target, attendance));
  // Calls on on-demand obligations (rule 14) due in the period and missed or served late, as of the close.
  for (const f of onDemandFlags(config, calls, target, asOf)) dutyFlags.push({ period, ...f });
  // The KPIs from the tickets (rule 17), as of the close: evidence for the period's 服务合格, flagged below minimum.
  const kpis = await kpisForPeriod(em, input.contractId, config, period, asOf);
  for (const k of kpis) metrics.push(kpiMetric(period, k));
  for (const f of kpiFlags(kpis)) dutyFlags.push({ period, ...f });

  const assembled = assemblePeriodFacts({ config, period, asOf, periods: [...sources.values()], attendance });
  const facts: PaymentFactsInput = { ...assembled.facts, ...(input.extraFacts ?? {}) };
  const schedule = computeSchedule(withCorrections(config), facts, { asOf });
  return {
    contractId: input.contractId,
    period,
    asOf,
    configVersion: config.version,
    calendarVersion: calendar.version,
    provisionalYears: calendar.provisionalYears.filter(
      (y) => y >= Number(target.start.slice(0, 4)) && y <= Number(target.end.slice(0, 4)),
    ),
    assessment: assessmentModel(assembled.assessment),
    assessments: assembled.assessments.map(assessmentModel),
    // Explanations are stored in their structured form (JSON text, as close_lines.formula) and rendered by the reader.
    year: assembled.year
      ? {
          year: assembled.year.year,
          ...assembled.year.aggregate,
          explanation: explanationText(assembled.year.aggregate.explained),
          notes: assembled.year.aggregate.notesExplained.map(explanationText),
        }
      : null,
    inputsUsed: assembled.assessments.flatMap((a) => a.used.map((u) => ({ ...u, value: u.value ?? null }))),
    missing: assembled.missing,
    metrics,
    flags: [...assembled.flags, ...dutyFlags].map((f) => ({
      ...f,
      message: explanationText(f.explained ?? explain('flag.scheme-alert', { message: f.message })),
    })),
    facts,
    schedule,
    notes: [...assembled.notesExplained.map(explanationText), ...notes],
  };
}

function assessmentModel(a: PeriodAssessment): AssessmentView {
  const r = a.result;
  return {
    period: a.period,
    score: r?.score ?? null,
    unclampedScore: r?.unclampedScore ?? null,
    base: r?.base ?? null,
    grade: r?.grade ?? null,
    passes: r?.passes ?? null,
    breakdown: (r?.breakdown ?? []).map((b) => ({
      componentId: b.componentId,
      label: b.label,
      kind: b.kind,
      input: b.input,
      points: b.points,
      explanation: explanationText(b.explained),
      details: b.details ?? null,
    })),
    flags: (r?.flags ?? []).map((f) => ({
      period: a.period,
      ...f,
      message: explanationText(f.explained ?? explain('flag.scheme-alert', { message: f.message })),
    })),
    notes: r?.notesExplained.map(explanationText) ?? [],
    explanation: r ? explanationText(r.explained) : null,
    missing: a.missing,
  };
}

/** A KPI as a metric of the close: achieved of counted, the rate shown; its own period in the details. */
function kpiMetric(period: string, k: KpiResult): DerivedMetric {
  const { explained, ...kpi } = k;
  return {
    period,
    id: `kpi:${k.kpiId}`,
    label: k.name,
    value: k.rate,
    display: k.rate,
    numerator: String(k.achieved),
    denominator: String(k.counted),
    explanation: explanationText(explained),
    notes: [],
    details: { kpi },
  };
}

/** Actual vs planned person-months of the period from its accepted months; months without one are named, not guessed. */
function personMonthsMetric(
  config: ParsedConfig,
  p: { id: string; start: string; end: string },
  months: readonly MonthAttendance[],
): DerivedMetric {
  const planned = plannedPersonMonths(config, { from: p.start, to: p.end });
  const ids = periodsInTerm('month', p.start, p.end).map((m) => m.id);
  const counted = months.filter((m) => ids.includes(m.month));
  const lacking = ids.filter((id) => !counted.some((m) => m.month === id));
  const actual = counted.reduce((s, m) => s.plus(m.actual), new Decimal(0));
  const notes = lacking.length
    ? [explanationText(explain('close.metric.months-lacking', { months: lacking.join('、') }))]
    : [];
  return {
    period: p.id,
    id: 'personMonths',
    label: '人月（实际 ÷ 计划）',
    value: actual.toString(),
    display: toFixed2(actual),
    numerator: actual.toString(),
    denominator: planned.planned,
    explanation: explanationText(
      explain('close.metric.person-months', {
        actual: actual.toString(),
        counted: counted.length,
        months: ids.length,
        planned: planned.planned,
      }),
    ),
    notes,
    details: { months: counted.map((m) => ({ ...m })), lacking },
  };
}

/**
 * What counts as a ticket's completion for the metrics (`toMetricsTicket`'s default, the deployment that stuck). The
 * read fetches only the last event of this kind per ticket: it is the only event `toMetricsTicket` looks at.
 */
const COMPLETION = 'deployed' as const;

/**
 * The stored ticket as the pure lifecycle's Ticket, as far as `toMetricsTicket` reads it: state, dates, special
 * attention and its last completion event (category, severity and the event's actor are not read by the metrics and
 * not fetched).
 */
function toDomain(row: TicketMetricRow, zone: string): Ticket {
  const events: LifecycleEvent[] = row.completed_at
    ? [{ kind: COMPLETION, at: formatInstant(row.completed_at.getTime(), zone), actor: 'vendor' }]
    : [];
  return {
    id: row.number,
    category: '',
    severity: '',
    specialAttention: row.special_attention,
    ...(row.expected_close_date !== null ? { expectedCloseDate: row.expected_close_date } : {}),
    ...(row.extended_to !== null ? { extendedTo: row.extended_to } : {}),
    state: row.state as TicketState,
    events,
    pauses: [],
  };
}
