import { Module } from '@nestjs/common';
import { DashboardObligationsRepository } from './dashboard-obligations.repository';
import { DashboardObligationsProblemResolver, DashboardObligationsResolver } from './dashboard-obligations.resolver';
import { DashboardObligationsService } from './dashboard-obligations.service';
import { DashboardRepository } from './dashboard.repository';
import { ContractPageDashboardsResolver, DashboardResolver } from './dashboard.resolver';
import { DashboardService } from './dashboard.service';

/** The contract dashboard (status tiles for the contract list and the web console) and the `ping` latency probe. */
@Module({
  providers: [
    DashboardRepository,
    DashboardService,
    DashboardResolver,
    ContractPageDashboardsResolver,
    DashboardObligationsRepository,
    DashboardObligationsService,
    DashboardObligationsResolver,
    DashboardObligationsProblemResolver,
  ],
})
export class DashboardModule {}
