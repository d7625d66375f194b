import { Module } from '@nestjs/common';
import { PeriodInputsResolver } from './period-inputs.resolver';
import { PeriodInputsService } from './period-inputs.service';

/** The buyer's inputs per assessment period. */
@Module({ providers: [PeriodInputsService, PeriodInputsResolver] })
export class PeriodInputsModule {}
