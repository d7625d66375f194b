import { Injectable } from '@nestjs/common';
import {
  assemblePeriodFacts,
  calendarOf,
  computeSchedule,
  monthlyPersonMonths,
  monthlyReportSchema,
  periodIdSchema,
  periodsInTerm,
  plannedPersonMonths,
  timeZoneOf,
  toMetricsTicket,
  type LifecycleEvent,
  type MonthAttendance,
  type ParsedConfig,
  type PeriodAssessment,
  type PeriodSources,
  type Ticket,
  type TicketState,
} from '@ledger/contracts';
import { Decimal, DomainError, ValidationError, toFixed2 } from '@ledger/kernel';
import { TenantDatabase, type TicketEntity, type TicketEventEntity } from '@ledger/persistence';
import { plannedAchievementRate, specialAttentionDelay, type AssessmentScheme, type TicketRecord } from '@ledger/scoring';
import { formatInstant } from '@ledger/sla';
import { AbilityFactory } from '../auth/ability.factory';
import { RequestContext } from '../auth/request-context.service';
import { ContractsRepository } from '../contracts/contracts.repository';
import type { JsonValue } from '../graphql/json.scalar';
import { contractSubject, isLocalDate, loadContract, todayInShanghai } from '../reports/contract-context';
import type { ScheduleModel } from '../settlement/settlement.models';
import type { DerivedMetricModel, PeriodAssessmentModel, PeriodClosePreviewModel } from './period-close.models';
import { PeriodCloseRepository } from './period-close.repository';

type Component = AssessmentScheme['components'][number];
type TicketMetric = 'achievementRate' | 'specialDelayDays';

/** Which ticket-derived metric a banded component reads: by its input name, else by the metric it names (the presets' wording). */
function ticketMetricOf(c: Component): TicketMetric | null {
  if (c.kind !== 'banded') return null;
  const metric = String((c.params as { metric?: unknown }).metric ?? '');
  if (c.input === 'achievementRate' || metric === '计划内达成率') return 'achievementRate';
  if (c.input === 'specialDelayDays' || metric === '特别关注类问题延期时间') return 'specialDelayDays';
  return null;
}

/**
 * Previews a period close: gathers the contract's current configuration, the buyer's period inputs, the tickets
 * (events → toMetricsTicket → achievement rate and special-attention delay) and the accepted monthly reports
 * (person-months, rule 9), and computes with the pure libraries (assemblePeriodFacts → evaluateAssessment /
 * aggregatePeriods; computeSchedule). Reads only; nothing is stored or locked.
 */
@Injectable()
export class PeriodCloseService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly contracts: ContractsRepository,
    private readonly context: RequestContext,
    private readonly abilities: AbilityFactory,
    private readonly repo: PeriodCloseRepository,
  ) {}

  async preview(contractId: string, period: string, asOfGiven: string | null): Promise<PeriodClosePreviewModel> {
    const ability = this.abilities.for(this.context.principal());
    return this.db.run(this.context.scope(), async (em) => {
      const ctx = await loadContract(em, this.contracts, ability, contractId);
      // Everyone who reads the period's inputs (buyer roles, finance, the vendor holding the contract) may preview.
      if (!ability.can('read', contractSubject('PeriodInputs', ctx.contract))) throw new DomainError('NOT_FOUND', 'no such contract');
      const asOf = asOfGiven ?? todayInShanghai();
      if (!isLocalDate(asOf)) throw new ValidationError([{ path: 'asOf', message: 'must be a date YYYY-MM-DD' }]);
      if (!periodIdSchema.safeParse(period).success) throw new ValidationError([{ path: 'period', message: 'must be a period id: 2026, 2026-H1, 2026-Q3 or 2026-05' }]);
      const config: ParsedConfig = { ...ctx.config, version: ctx.version };
      const scheme = config.assessment;
      if (!scheme) throw new ValidationError([{ path: 'period', message: 'the contract has no assessment scheme: there is no period to close' }]);
      const schemePeriods = periodsInTerm(scheme.period, config.term.start, config.term.end);
      const target = schemePeriods.find((p) => p.id === period);
      if (!target) throw new ValidationError([{ path: 'period', message: `${period} is not a ${scheme.period} period of the term ${config.term.start}..${config.term.end} (${schemePeriods.map((p) => p.id).join(', ')})` }]);
      const calendar = calendarOf(config);
      const zone = timeZoneOf(config);
      const notes: string[] = [];

      // One connection per transaction: queries run one after the other.
      const inputRows = await this.repo.periodInputs(em, ctx.contract.id);
      const reports = await this.repo.acceptedReports(em, ctx.contract.id);
      const ticketRows = await this.repo.tickets(em, ctx.contract.id);
      const events = await this.repo.events(em, ticketRows.map((t) => t.id));

      // Tickets as of asOf: a completion after asOf has not happened yet.
      const records: TicketRecord[] = [];
      for (const row of ticketRows) {
        const r = toMetricsTicket(toDomain(row, events.filter((e) => e.ticketId === row.id), zone), { timeZone: zone });
        if (!r) continue;
        const { completedDate, ...rest } = r;
        records.push(completedDate !== undefined && completedDate <= asOf ? r : rest);
      }
      const excluded = ticketRows.length - records.length;
      if (excluded) notes.push(`${excluded} ticket(s) without an expected close date, withdrawn or unsolvable by agreement are not counted in the ticket metrics`);

      const metrics: DerivedMetricModel[] = [];
      const banded = scheme.components.map((c) => ({ c, m: ticketMetricOf(c) })).filter((x): x is { c: Component; m: TicketMetric } => x.m !== null);
      const sources = new Map<string, PeriodSources>();
      const sourceOf = (id: string): PeriodSources => {
        let s = sources.get(id);
        if (!s) sources.set(id, (s = { id, values: {} }));
        return s;
      };
      for (const row of inputRows) (sourceOf(row.period).values as Record<string, unknown>)[row.kind] = row.value;
      for (const p of schemePeriods.filter((x) => x.start <= target.start)) {
        const input = { tickets: records, period: { from: p.start, to: p.end }, asOf };
        const values: Record<string, string | null> = {};
        for (const { c, m } of banded) {
          if (m === 'achievementRate') {
            const r = plannedAchievementRate(input);
            values[c.input] = r.rate;
            metrics.push({ period: p.id, id: m, label: '计划内达成率', value: r.rate, display: r.display, numerator: String(r.numerator), denominator: String(r.denominator), explanation: r.explanation, notes: r.notes, details: { achieved: r.achieved, missed: r.missed, pending: r.pending } });
          } else {
            const d = specialAttentionDelay(input);
            values[c.input] = d.days;
            metrics.push({ period: p.id, id: m, label: '特别关注类问题延期时间', value: d.days, display: toFixed2(d.days), numerator: null, denominator: null, explanation: d.explanation, notes: d.notes, details: { aggregate: d.aggregate, tickets: d.tickets } as JsonValue });
          }
        }
        sourceOf(p.id).metrics = values;
      }

      // Person-months of accepted months (rule 9), on the current configuration and calendar.
      const attendance: MonthAttendance[] = [];
      for (const r of reports) {
        try {
          const pm = monthlyPersonMonths({ config, month: r.month, attendance: monthlyReportSchema.parse(r.payload).attendance, calendar });
          attendance.push({ month: r.month, planned: pm.planned, actual: pm.actual });
        } catch (e) {
          notes.push(`the accepted report of ${r.month} cannot be counted under the current configuration: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      metrics.push(personMonthsMetric(config, target, attendance));

      const assembled = assemblePeriodFacts({ config, period, asOf, periods: [...sources.values()], attendance });
      const schedule = computeSchedule(config, assembled.facts, { asOf });
      return {
        contractId: ctx.contract.id,
        period,
        asOf,
        configVersion: ctx.version,
        calendarVersion: calendar.version,
        assessment: assessmentModel(assembled.assessment),
        assessments: assembled.assessments.map(assessmentModel),
        year: assembled.year ? { year: assembled.year.year, ...assembled.year.aggregate } : null,
        inputsUsed: assembled.assessments.flatMap((a) => a.used.map((u) => ({ ...u, value: (u.value ?? null) as JsonValue }))),
        missing: assembled.missing,
        metrics,
        flags: assembled.flags,
        facts: assembled.facts as JsonValue,
        schedule: schedule as unknown as ScheduleModel,
        notes: [...assembled.notes, ...notes, 'preview only: nothing is stored and the period stays open'],
      };
    });
  }
}

function assessmentModel(a: PeriodAssessment): PeriodAssessmentModel {
  const r = a.result;
  return {
    period: a.period,
    score: r?.score ?? null,
    unclampedScore: r?.unclampedScore ?? null,
    grade: r?.grade ?? null,
    passes: r?.passes ?? null,
    breakdown: (r?.breakdown ?? []).map((b) => ({ componentId: b.componentId, label: b.label, kind: b.kind, input: b.input, points: b.points, explanation: b.explanation, details: (b.details ?? null) as JsonValue })),
    flags: (r?.flags ?? []).map((f) => ({ period: a.period, ...f })),
    notes: r?.notes ?? [],
    explanation: r?.explanation ?? null,
    missing: a.missing,
  };
}

/** Actual vs planned person-months of the period from its accepted months; months without one are named, not guessed. */
function personMonthsMetric(config: ParsedConfig, p: { id: string; start: string; end: string }, months: readonly MonthAttendance[]): DerivedMetricModel {
  const planned = plannedPersonMonths(config, { from: p.start, to: p.end });
  const ids = periodsInTerm('month', p.start, p.end).map((m) => m.id);
  const counted = months.filter((m) => ids.includes(m.month));
  const lacking = ids.filter((id) => !counted.some((m) => m.month === id));
  const actual = counted.reduce((s, m) => s.plus(m.actual), new Decimal(0));
  const notes = lacking.length ? [`no accepted monthly report for ${lacking.join(', ')}: actual counts accepted months only`] : [];
  return {
    period: p.id,
    id: 'personMonths',
    label: '人月（实际 ÷ 计划）',
    value: actual.toString(),
    display: toFixed2(actual),
    numerator: actual.toString(),
    denominator: planned.planned,
    explanation: `actual ${toFixed2(actual)} person-months from ${counted.length} accepted month(s) of ${ids.length}; ${planned.explanation}; absent = max(0, planned − actual)`,
    notes,
    details: { months: counted.map((m) => ({ ...m })), lacking } as JsonValue,
  };
}

/** The stored ticket as the pure lifecycle's Ticket (same mapping as the tickets feature). */
function toDomain(row: TicketEntity, events: TicketEventEntity[], zone: string): Ticket {
  const lifecycle: LifecycleEvent[] = events.map((e) => ({
    kind: e.kind as LifecycleEvent['kind'],
    at: formatInstant(e.at.getTime(), zone),
    actor: e.actorSide,
    ...(e.note !== null ? { note: e.note } : {}),
    ...(e.payload ? { data: e.payload } : {}),
  }));
  return {
    id: row.number,
    category: row.category,
    severity: row.severity,
    specialAttention: row.specialAttention,
    ...(row.expectedCloseDate !== null ? { expectedCloseDate: row.expectedCloseDate } : {}),
    ...(row.extendedTo !== null ? { extendedTo: row.extendedTo } : {}),
    state: row.state as TicketState,
    events: lifecycle,
    pauses: [],
  };
}
