import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { renderExplanation } from '@ledger/contracts';
import DataLoader from 'dataloader';
import type { Request } from 'express';
import { ExplanationModel, explanationModel, requestLocale } from '../shared/explanation.models';
import { DashboardObligationsModel } from './dashboard-obligations.models';
import { DashboardObligationsService } from './dashboard-obligations.service';
import { ContractDashboardModel } from './dashboard.models';

type ObligationsKey = { contractId: string; month: string; readAt: Date };
type ObligationsLoader = DataLoader<ObligationsKey, DashboardObligationsModel, string>;

/**
 * `ContractDashboard.obligations`, resolved only when selected: the dashboard statement stays as benchmarked. The
 * dashboards of one request (a page of the contract list: 20 of them) are batched by a per-request DataLoader into
 * one `forContracts` call per month and instant, so a page costs one transaction, not one per contract.
 */
@Resolver(() => ContractDashboardModel)
export class DashboardObligationsResolver {
  /** One loader per GraphQL request (its context object), dropped with it. */
  private readonly loaders = new WeakMap<object, ObligationsLoader>();

  constructor(private readonly service: DashboardObligationsService) {}

  @ResolveField(() => DashboardObligationsModel, {
    description:
      "Obligations due in the dashboard's month: the obligations checklist (domain.md config item 5) over the contract's current configuration and " +
      "the deliveries and service events of the month's monthly report (any status; none = nothing delivered), judged as of today in Asia/Shanghai " +
      '(the last day of a past month). Computed on request, in one transaction for all the dashboards of the request.',
  })
  obligations(
    @Parent() dashboard: ContractDashboardModel,
    @Context() context: object,
  ): Promise<DashboardObligationsModel> {
    return this.loaderOf(context).load({
      contractId: dashboard.contractId,
      month: dashboard.sla.month,
      readAt: dashboard.asOf,
    });
  }

  private loaderOf(context: object): ObligationsLoader {
    let loader = this.loaders.get(context);
    if (!loader) {
      loader = new DataLoader((keys) => this.batch(keys), { cacheKeyFn: keyOf });
      this.loaders.set(context, loader);
    }
    return loader;
  }

  /** The keys grouped by month and instant (one group in practice: the dashboards of a request share both). */
  private async batch(keys: readonly ObligationsKey[]): Promise<(DashboardObligationsModel | Error)[]> {
    const groups = new Map<string, ObligationsKey[]>();
    for (const k of keys) {
      const g = `${k.month}|${k.readAt.getTime()}`;
      groups.set(g, [...(groups.get(g) ?? []), k]);
    }
    const found = new Map<string, DashboardObligationsModel | Error>();
    for (const group of groups.values()) {
      const tiles = await this.service.forContracts(
        group.map((k) => k.contractId),
        group[0].month,
        group[0].readAt,
      );
      for (const k of group) found.set(keyOf(k), tiles.get(k.contractId) ?? new Error('no tile'));
    }
    return keys.map((k) => found.get(keyOf(k)) ?? new Error('no tile'));
  }
}

const keyOf = (k: ObligationsKey): string => `${k.contractId}|${k.month}|${k.readAt.getTime()}`;

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
