import { Module } from '@nestjs/common';
import { StaffingResolver } from './staffing.resolver';
import { StaffingService } from './staffing.service';

/** The vendor's staff roster and replacements. */
@Module({ providers: [StaffingService, StaffingResolver] })
export class StaffingModule {}
