import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TenantDatabase } from '@ledger/persistence';
import { AbilityFactory } from './auth/ability.factory';
import { RequestContext } from './auth/request-context.service';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { ContractAccess } from './contracts/contract-access';
import { ContractsRepository } from './contracts/contracts.repository';
import { DATABASE_PROVIDERS, DatabaseHandle } from './database/database.provider';
import { PlatformRepository } from './platform/platform.repository';

/** What every feature module needs: configuration, the tenant-scoped database, the caller, abilities, the contract access check. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    const providers = [
      { provide: APP_CONFIG, useValue: config },
      ...DATABASE_PROVIDERS,
      RequestContext,
      AbilityFactory,
      PlatformRepository,
      ContractsRepository,
      ContractAccess,
    ];
    return {
      module: CoreModule,
      providers,
      exports: [
        APP_CONFIG,
        DatabaseHandle,
        TenantDatabase,
        RequestContext,
        AbilityFactory,
        PlatformRepository,
        ContractsRepository,
        ContractAccess,
      ],
    };
  }
}
