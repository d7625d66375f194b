import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ContractPageModel } from '../contracts';
import { ContractDashboardModel } from './dashboard.models';
import { dashboardArgs } from './dashboard.schemas';
import { DashboardService } from './dashboard.service';
import { ValidateInput } from '../graphql/validate-input.interceptor';

const MONTH_ARG = {
  nullable: true,
  type: () => String,
  description:
    'YYYY-MM: the month of the compliance tiles and the warnings count; default the current month in Asia/Shanghai.',
} as const;

@Resolver(() => ContractDashboardModel)
export class DashboardResolver {
  constructor(private readonly service: DashboardService) {}

  @Query(() => ContractDashboardModel, {
    description:
      "A contract's status tiles (buyer roles, finance, the holding vendor): SLA compliance of the month by severity and target " +
      '(clocks stopped in the month, met vs breached; running clocks now, at risk ≥ 75 %, overdue), open breaches, the last confirmed close, ' +
      'the next scheduled or due payment and the month’s SLA warnings. Read from what the jobs stored; nothing is computed on the request.',
  })
  @ValidateInput(dashboardArgs)
  contractDashboard(
    @Args('contractId', { type: () => ID, description: 'The contract.' }) contractId: string,
    @Args('month', MONTH_ARG) month?: string | null,
  ): Promise<ContractDashboardModel> {
    return this.service.forContract(contractId, month ?? null);
  }

  @Query(() => [ContractDashboardModel], {
    description:
      'The dashboard of every contract the caller reads (the tenant’s for the buyer’s roles and finance; the vendor’s across tenants), by contract code.',
  })
  @ValidateInput(dashboardArgs)
  contractDashboards(@Args('month', MONTH_ARG) month?: string | null): Promise<ContractDashboardModel[]> {
    return this.service.list(month ?? null);
  }

  @Query(() => String, {
    description:
      'Latency probe: signed in, answers "pong" without touching the database (the floor of the API benchmarks).',
  })
  ping(): string {
    return 'pong';
  }
}

/** A contract list's figures: the dashboard of each contract on the page, from the same statement as contractDashboards. */
@Resolver(() => ContractPageModel)
export class ContractPageDashboardsResolver {
  constructor(private readonly service: DashboardService) {}

  @ResolveField(() => [ContractDashboardModel], {
    description:
      "The dashboard (status tiles) of each contract on this page, in the page's order; the same figures as contractDashboards.",
  })
  @ValidateInput(dashboardArgs)
  dashboards(
    @Parent() page: ContractPageModel,
    @Args('month', MONTH_ARG) month?: string | null,
  ): Promise<ContractDashboardModel[]> {
    return this.service.list(
      month ?? null,
      page.nodes.map((c) => c.id),
    );
  }
}
