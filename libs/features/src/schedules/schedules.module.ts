import { Module } from '@nestjs/common';
import { AcceptanceTimingRepository } from './acceptance-timing.repository';
import { AcceptanceTimingResolver } from './acceptance-timing.resolver';
import { AcceptanceTimingService } from './acceptance-timing.service';
import { SchedulesResolver } from './schedules.resolver';
import { SchedulesService } from './schedules.service';

/** Stored payment schedules, finance's payments, recomputation on request; the acceptance timing (rule 17). */
@Module({
  providers: [
    SchedulesService,
    SchedulesResolver,
    AcceptanceTimingRepository,
    AcceptanceTimingService,
    AcceptanceTimingResolver,
  ],
})
export class SchedulesModule {}
