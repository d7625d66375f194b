import { Module } from '@nestjs/common';
import { AllowanceUsageExplanationResolver } from './allowance-explanation.resolvers';
import { AllowancesRepository } from './allowances.repository';
import { AllowancesResolver } from './allowances.resolver';
import { AllowancesService } from './allowances.service';

/** Free-work allowances: the vendor's work against them, used / remaining / beyond (domain rule 15). */
@Module({ providers: [AllowancesRepository, AllowancesService, AllowancesResolver, AllowanceUsageExplanationResolver] })
export class AllowancesModule {}
