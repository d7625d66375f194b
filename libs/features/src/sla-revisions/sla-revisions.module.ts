import { Module } from '@nestjs/common';
import { SlaRevisionsResolver } from './sla-revisions.resolver';
import { SlaRevisionsService } from './sla-revisions.service';

/** Moving open tickets onto the contract's current configuration version, their SLA recomputed (issue 16 point 2). */
@Module({ providers: [SlaRevisionsService, SlaRevisionsResolver] })
export class SlaRevisionsModule {}
