import { Injectable } from '@nestjs/common';
import {
  explain,
  explanationText,
  isOnDemand,
  monthBounds,
  monthlyReportSchema,
  obligationChecklist,
  reportDeliveriesAndEvents,
  todayOf,
  type MonthBounds,
  type ParsedConfig,
  type ObligationDelivery,
  type ObligationEvent,
  type OnDemandCall,
} from '@ledger/contracts';
import { DomainError, ValidationError, problem } from '@ledger/kernel';
import type { WorkCalendar } from '@ledger/sla';
import { TenantDatabase, type ContractEntity } from '@ledger/persistence';
import { CalendarNotPublishedError } from '@ledger/sla';
import { RequestContext } from '../auth/request-context.service';
import { ContractAccess } from '../contracts';
import { GoverningConfigs } from '../tickets';
import { onDemandCallsByContract } from '../on-demand';
import { NationalCalendarStore } from '../shared/national-calendar.store';
import type { DashboardObligationsModel } from './dashboard-obligations.models';
import { DashboardObligationsRepository, type ObligationsReport } from './dashboard-obligations.repository';

/**
 * The "obligations due" tile: the pure obligations checklist over the contract's current configuration and the
 * deliveries and service events of the month's report. Kept out of the dashboard statement on purpose (it parses
 * the configuration and the report, which the benchmarked tiles must not pay for): it runs only when the field is
 * selected, in its own transaction under the caller's scope — one transaction for all the dashboards of a request
 * (a page of the contract list), the contracts, reports and configurations each read in one statement; parsed
 * configurations are kept by immutable version (GoverningConfigs).
 */
@Injectable()
export class DashboardObligationsService {
  private readonly configs: GoverningConfigs;

  constructor(
    private readonly db: TenantDatabase,
    private readonly repo: DashboardObligationsRepository,
    private readonly context: RequestContext,
    private readonly access: ContractAccess,
    calendars: NationalCalendarStore,
  ) {
    this.configs = new GoverningConfigs(calendars);
  }

  /**
   * The tile of each contract in `month`, judged at `readAt` (the dashboards' instant, so the tile and the other tiles
   * are judged on the same day); a contract the caller may not read maps to the refusal (NOT_FOUND).
   */
  async forContracts(
    contractIds: readonly string[],
    month: string,
    readAt: Date,
  ): Promise<Map<string, DashboardObligationsModel | DomainError>> {
    const bounds = monthBounds(month);
    if (!bounds) throw new ValidationError([problem('month', 'month.format')]);
    return this.db.run(this.context.scope(), async (em) => {
      // The dashboard's own access rules (contract, tickets, closes, payments), plus the monthly reports it reads.
      const checked = await this.access.requireEach(
        em,
        contractIds,
        { read: 'PeriodClose' },
        { read: 'Payment' },
        { read: 'MonthlyReport' },
      );
      const readable = [...checked.values()].filter((c): c is ContractEntity => !(c instanceof DomainError));
      const governing = await this.configs.load(
        em,
        readable.map((c) => ({ contractId: c.id, configVersion: c.currentVersion })),
      );
      const reports = await this.repo.reportsOfMonth(
        em,
        readable.map((c) => c.id),
        month,
      );
      // Calls on on-demand obligations, only of the contracts whose configuration has one.
      const calls = await onDemandCallsByContract(
        em,
        readable
          .filter((c) =>
            governing.get(GoverningConfigs.key(c.id, c.currentVersion))?.config.obligations.some(isOnDemand),
          )
          .map((c) => c.id),
      );
      const out = new Map<string, DashboardObligationsModel | DomainError>();
      for (const [id, c] of checked) {
        if (c instanceof DomainError) {
          out.set(id, c);
          continue;
        }
        const gov = governing.get(GoverningConfigs.key(c.id, c.currentVersion));
        out.set(id, gov ? tile(gov, reports.get(id) ?? null, calls.get(id) ?? [], month, bounds, readAt) : notFound());
      }
      return out;
    });
  }
}

const notFound = () => new DomainError('NOT_FOUND', 'no such contract');

/** One contract's tile (pure): the checklist of `month` as of today at `readAt`, or the problem that prevents it. */
function tile(
  gov: { config: ParsedConfig; calendar: WorkCalendar },
  report: ObligationsReport | null,
  calls: readonly OnDemandCall[],
  month: string,
  bounds: MonthBounds,
  readAt: Date,
): DashboardObligationsModel {
  const today = todayOf(gov.config, readAt.getTime());
  // A past month is judged at its end, so its figure does not drift with the day it is looked at.
  const asOf = today > bounds.end ? bounds.end : today;
  const empty = {
    month,
    asOf,
    reportStatus: report?.status ?? null,
    due: 0,
    met: 0,
    late: 0,
    missing: 0,
    pending: 0,
    nextDueDate: null,
    problem: null,
    provisional: false,
    calendarNote: null,
  };
  try {
    let deliveries: ObligationDelivery[] = [];
    let events: ObligationEvent[] = [];
    if (report)
      ({ deliveries, events } = reportDeliveriesAndEvents(monthlyReportSchema.parse(report.payload), gov.config));
    const { items, provisional, provisionalYears } = obligationChecklist({
      config: gov.config,
      calendar: gov.calendar,
      period: { from: bounds.start, to: bounds.end },
      asOf,
      deliveries,
      events,
      calls,
    });
    // A year after the published ones is computed on its provisional calendar and says so (domain rule 18).
    const calendarNote = provisional
      ? explanationText(
          explain('calendar.provisional', {
            years:
              provisionalYears.length > 1
                ? `${provisionalYears[0]}–${provisionalYears[provisionalYears.length - 1]}`
                : provisionalYears[0],
          }),
        )
      : null;
    const count = (status: string) => items.filter((i) => i.status === status).length;
    const dueDates = items.filter((i) => i.status === 'pending' && i.dueDate !== null).map((i) => i.dueDate as string);
    return {
      ...empty,
      due: items.length,
      met: count('met'),
      late: count('late'),
      missing: count('missing'),
      pending: count('pending'),
      nextDueDate: dueDates.sort()[0] ?? null,
      provisional,
      calendarNote,
    };
  } catch (e) {
    // A tile, not the report: a year outside the calendar (neither published nor provisional) or a report the configuration outgrew is shown, not thrown.
    // Stored as a code (rendered by DashboardObligationsProblemResolver in the caller's language).
    if (e instanceof CalendarNotPublishedError) {
      const years = e.publishedYears;
      return {
        ...empty,
        problem: explanationText(
          explain('calendar.not-published', { year: e.year, from: years[0], to: years[years.length - 1] }),
        ),
      };
    }
    if (e instanceof DomainError)
      return {
        ...empty,
        problem: explanationText(explain('obligations.unavailable', { code: e.code, message: e.message })),
      };
    throw e;
  }
}
