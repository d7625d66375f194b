import { Module } from '@nestjs/common';
import { PresetsModule } from '../presets';
import { EXPLANATION_RESOLVERS } from './explanation.resolvers';
import { SettlementResolver } from './settlement.resolver';
import { SettlementService } from './settlement.service';

/** The payment engine over given inputs (the what-if settlement), and the schedule types' explanation fields. */
@Module({
  imports: [PresetsModule],
  providers: [SettlementService, SettlementResolver, ...EXPLANATION_RESOLVERS],
})
export class SettlementModule {}
