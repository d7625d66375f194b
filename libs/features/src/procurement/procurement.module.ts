import { Module } from '@nestjs/common';
import { PROCUREMENT_EXPLANATION_RESOLVERS } from './procurement-explanation.resolvers';
import { ProcurementRepository } from './procurement.repository';
import { ProcurementResolver } from './procurement.resolver';
import { ProcurementService } from './procurement.service';

/** Procurement (Tianjin): projects, packages with their scoring scheme, bids, evaluator sheets, ranking. */
@Module({
  providers: [ProcurementRepository, ProcurementService, ProcurementResolver, ...PROCUREMENT_EXPLANATION_RESOLVERS],
})
export class ProcurementModule {}
