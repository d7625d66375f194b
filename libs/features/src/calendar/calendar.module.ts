import { Module } from '@nestjs/common';
import { NationalCalendarRepository } from './national-calendar.repository';
import { NationalCalendarResolver } from './national-calendar.resolver';
import { NationalCalendarService } from './national-calendar.service';
import { WorkingDaysResolver } from './working-days.resolver';
import { WorkingDaysService } from './working-days.service';

/**
 * The working-day calendars: a contract's month for clients (the contract is read through CoreModule's
 * ContractsRepository), and the national calendar the platform admin publishes (NationalCalendarStore and
 * NationalCalendarSync come from the global JobsModule).
 */
@Module({
  providers: [
    WorkingDaysService,
    WorkingDaysResolver,
    NationalCalendarRepository,
    NationalCalendarService,
    NationalCalendarResolver,
  ],
})
export class CalendarModule {}
