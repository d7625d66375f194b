import { Injectable } from '@nestjs/common';
import { simulateSettlement, type AssumedAssessment, type AssumedFacts, type Simulation } from '@ledger/contracts';
import { PresetsService } from '../presets';
import type { SimulateSettlementInput } from './simulate-settlement.input';

@Injectable()
export class SettlementService {
  constructor(private readonly presets: PresetsService) {}

  /** What-if: runs the payment engine over assumed inputs; stores nothing. */
  simulate(input: SimulateSettlementInput): Simulation {
    // The input passed simulateSettlementArgs (settlement.schemas.ts): a preset or a configuration, a list of assessments.
    const config = input.presetId != null ? this.presets.get(input.presetId).configuration : input.configuration;
    const assumed: AssumedFacts = {
      facts: input.facts ?? {},
      assessments: (input.assessments ?? []) as AssumedAssessment[],
    };
    const baseline = input.baseline == null ? undefined : (input.baseline as AssumedFacts);
    return simulateSettlement(config, assumed, { asOf: input.asOf, baseline });
  }
}
