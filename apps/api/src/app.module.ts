import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { join } from 'path';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { ConfigurationResolver } from './configuration/configuration.resolver';
import { ConfigurationService } from './configuration/configuration.service';
import { formatGraphqlError } from './graphql/format-error';
import { HealthController } from './health/health.controller';
import { PresetsResolver } from './presets/presets.resolver';
import { PresetsService } from './presets/presets.service';
import { SettlementResolver } from './settlement/settlement.resolver';
import { SettlementService } from './settlement/settlement.service';

/** The generated schema is committed; a test fails when it is stale. */
export const SCHEMA_FILE = join(process.cwd(), 'apps', 'api', 'schema.gql');

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const production = config.NODE_ENV === 'production';
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            // Never log credentials: tokens travel in this header.
            redact: ['req.headers.authorization', 'req.headers.cookie'],
          },
        }),
        TerminusModule,
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          // Development writes schema.gql as it changes; tests and production build it in memory.
          autoSchemaFile: config.NODE_ENV === 'development' ? SCHEMA_FILE : true,
          sortSchema: true,
          introspection: !production,
          playground: false,
          csrfPrevention: true,
          formatError: formatGraphqlError,
        }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        ConfigurationService,
        ConfigurationResolver,
        PresetsService,
        PresetsResolver,
        SettlementService,
        SettlementResolver,
      ],
    };
  }
}
