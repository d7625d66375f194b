import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
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
