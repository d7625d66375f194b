import { Module } from '@nestjs/common';
import { ProcurementRepository } from './procurement.repository';
import { ProcurementResolver } from './procurement.resolver';
import { ProcurementService } from './procurement.service';

/** Procurement (Tianjin): projects, packages with their scoring scheme, bids, evaluator sheets, ranking. */
@Module({ providers: [ProcurementRepository, ProcurementService, ProcurementResolver] })
export class ProcurementModule {}
