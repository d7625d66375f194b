import { Module } from '@nestjs/common';
import { PresetsResolver } from './presets.resolver';
import { PresetsService } from './presets.service';

/** The five agencies' contract presets a contract starts from. */
@Module({ providers: [PresetsService, PresetsResolver], exports: [PresetsService] })
export class PresetsModule {}
