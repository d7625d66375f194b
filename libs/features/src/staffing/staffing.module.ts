import { Module } from '@nestjs/common';
import { TurnoverClassExplanationResolver } from './staffing-explanation.resolvers';
import { StaffingResolver } from './staffing.resolver';
import { StaffingService } from './staffing.service';

/** The vendor's staff roster and replacements. */
@Module({ providers: [StaffingService, StaffingResolver, TurnoverClassExplanationResolver] })
export class StaffingModule {}
