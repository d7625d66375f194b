import { Module } from '@nestjs/common';
import { PERIOD_CLOSE_EXPLANATION_RESOLVERS } from './period-close-explanation.resolvers';
import { PeriodCloseResolver } from './period-close.resolver';
import { PeriodCloseService } from './period-close.service';

/** Period closes: preview, request, confirm, reopen, corrections, job status. The computation runs as a job (libs/jobs). */
@Module({ providers: [PeriodCloseService, PeriodCloseResolver, ...PERIOD_CLOSE_EXPLANATION_RESOLVERS] })
export class PeriodCloseModule {}
