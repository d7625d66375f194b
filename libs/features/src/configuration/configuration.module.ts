import { Module } from '@nestjs/common';
import { ConfigurationResolver } from './configuration.resolver';
import { ConfigurationService } from './configuration.service';

/** The contract configuration language: checking a configuration and its JSON Schema. */
@Module({ providers: [ConfigurationService, ConfigurationResolver], exports: [ConfigurationService] })
export class ConfigurationModule {}
