import { Module } from '@nestjs/common';
import { PeriodCloseResolver } from './period-close.resolver';
import { PeriodCloseService } from './period-close.service';

/** Period closes: preview, request, confirm, reopen, corrections, job status. The computation runs as a job (libs/jobs). */
@Module({ providers: [PeriodCloseService, PeriodCloseResolver] })
export class PeriodCloseModule {}
