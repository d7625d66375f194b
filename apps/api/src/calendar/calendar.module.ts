import { Module } from '@nestjs/common';
import { WorkingDaysResolver } from './working-days.resolver';
import { WorkingDaysService } from './working-days.service';

/** The contract's working-day calendar for clients (resolver → service; the contract is read through CoreModule's ContractsRepository). */
@Module({ providers: [WorkingDaysService, WorkingDaysResolver] })
export class CalendarModule {}
