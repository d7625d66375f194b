import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { renderExplanation } from '@ledger/contracts';
import type { Request } from 'express';
import { ExplanationModel, explanationModel, requestLocale } from '../shared/explanation.models';
import { DashboardObligationsModel } from './dashboard-obligations.models';
import { DashboardObligationsService } from './dashboard-obligations.service';
import { ContractDashboardModel } from './dashboard.models';

/** `ContractDashboard.obligations`, resolved only when selected: the dashboard statement stays as benchmarked. */
@Resolver(() => ContractDashboardModel)
export class DashboardObligationsResolver {
  constructor(private readonly service: DashboardObligationsService) {}

  @ResolveField(() => DashboardObligationsModel, {
    description:
      "Obligations due in the dashboard's month: the obligations checklist (domain.md config item 5) over the contract's current configuration and " +
      "the deliveries and service events of the month's monthly report (any status; none = nothing delivered), judged as of today in Asia/Shanghai " +
      '(the last day of a past month). Computed on request, one transaction per contract.',
  })
  obligations(@Parent() dashboard: ContractDashboardModel): Promise<DashboardObligationsModel> {
    return this.service.forMonth(dashboard.contractId, dashboard.sla.month, dashboard.asOf);
  }
}

/** The tile's problem is stored as a code: its text in the caller's language, and code + params for the console. */
@Resolver(() => DashboardObligationsModel)
export class DashboardObligationsProblemResolver {
  @ResolveField('problem', () => String, {
    nullable: true,
    description:
      "Why the checklist could not be computed, in the caller's language (e.g. the calendar year is not published); the counts are then 0.",
  })
  problem(@Parent() o: DashboardObligationsModel, @Context('req') req: Request | undefined): string | null {
    return o.problem === null ? null : renderExplanation(o.problem, requestLocale(req));
  }

  @ResolveField('problemExplanation', () => ExplanationModel, {
    nullable: true,
    description: 'The problem as code + params (calendar.not-published, obligations.unavailable).',
  })
  problemExplanation(
    @Parent() o: DashboardObligationsModel,
    @Context('req') req: Request | undefined,
  ): ExplanationModel | null {
    return o.problem === null ? null : explanationModel(o.problem, requestLocale(req));
  }

  @ResolveField('calendarNote', () => String, {
    nullable: true,
    description:
      "That the checklist was computed on a provisional calendar year, in the caller's language; null when it was not.",
  })
  calendarNote(@Parent() o: DashboardObligationsModel, @Context('req') req: Request | undefined): string | null {
    return o.calendarNote === null ? null : renderExplanation(o.calendarNote, requestLocale(req));
  }

  @ResolveField('calendarNoteExplanation', () => ExplanationModel, {
    nullable: true,
    description: 'The calendar note as code + params (calendar.provisional with its years).',
  })
  calendarNoteExplanation(
    @Parent() o: DashboardObligationsModel,
    @Context('req') req: Request | undefined,
  ): ExplanationModel | null {
    return o.calendarNote === null ? null : explanationModel(o.calendarNote, requestLocale(req));
  }
}
