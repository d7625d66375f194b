import { Module } from '@nestjs/common';
import { PeriodCloseRepository } from './period-close.repository';
import { PeriodCloseResolver } from './period-close.resolver';
import { PeriodCloseService } from './period-close.service';

/** Period close, read-only preview: gathers the period's inputs, tickets and attendance and computes with the pure libs. */
@Module({ providers: [PeriodCloseRepository, PeriodCloseService, PeriodCloseResolver] })
export class PeriodCloseModule {}
