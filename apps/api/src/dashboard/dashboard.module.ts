import { Module } from '@nestjs/common';
import { DashboardRepository } from './dashboard.repository';
import { DashboardResolver } from './dashboard.resolver';
import { DashboardService } from './dashboard.service';

/** The contract dashboard (status tiles for the contract list and the web console) and the `ping` latency probe. */
@Module({ providers: [DashboardRepository, DashboardService, DashboardResolver] })
export class DashboardModule {}
