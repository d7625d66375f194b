import { Module } from '@nestjs/common';
import { SchedulesResolver } from './schedules.resolver';
import { SchedulesService } from './schedules.service';

/** Stored payment schedules, finance's payments, recomputation on request. */
@Module({ providers: [SchedulesService, SchedulesResolver] })
export class SchedulesModule {}
