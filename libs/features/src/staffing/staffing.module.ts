import { Module } from '@nestjs/common';
import { TurnoverClassExplanationResolver } from './staffing-explanation.resolvers';
import { StaffingRepository } from './staffing.repository';
import { StaffingResolver } from './staffing.resolver';
import { StaffingService } from './staffing.service';

/** The vendor's staff roster and replacements. */
@Module({ providers: [StaffingRepository, StaffingService, StaffingResolver, TurnoverClassExplanationResolver] })
export class StaffingModule {}
