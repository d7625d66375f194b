import { Module } from '@nestjs/common';
import { ReportsRepository } from './reports.repository';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

/** Monthly reports by the vendor (resolver → service → repository on CoreModule's exports). */
@Module({ providers: [ReportsRepository, ReportsService, ReportsResolver], exports: [ReportsService] })
export class ReportsModule {}
