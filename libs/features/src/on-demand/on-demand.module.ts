import { Module } from '@nestjs/common';
import { OnDemandObligationExplanationResolver } from './on-demand-explanation.resolvers';
import { OnDemandRepository } from './on-demand.repository';
import { OnDemandResolver } from './on-demand.resolver';
import { OnDemandService } from './on-demand.service';

/** On-demand obligations: the buyer's calls and the vendor's services (domain rule 14). */
@Module({ providers: [OnDemandRepository, OnDemandService, OnDemandResolver, OnDemandObligationExplanationResolver] })
export class OnDemandModule {}
