import { Module } from '@nestjs/common';
import { PeriodInputsRepository } from './period-inputs.repository';
import { PeriodInputsResolver } from './period-inputs.resolver';
import { PeriodInputsService } from './period-inputs.service';

/** The buyer's inputs per assessment period. */
@Module({ providers: [PeriodInputsRepository, PeriodInputsService, PeriodInputsResolver] })
export class PeriodInputsModule {}
