import { Module } from '@nestjs/common';
import { ConfigurationModule } from '../configuration';
import { ContractVersionsResolver } from './contract-versions.resolver';
import { ContractPageResolver, ContractsResolver } from './contracts.resolver';
import { ContractsService } from './contracts.service';

/**
 * Contracts and their configuration versions. Its repository and access check (ContractAccess) are provided by
 * CoreModule, since every contract feature uses them.
 */
@Module({
  imports: [ConfigurationModule],
  providers: [ContractsService, ContractsResolver, ContractPageResolver, ContractVersionsResolver],
})
export class ContractsModule {}
