import { Injectable } from '@nestjs/common';
import { simulateSettlement, type AssumedAssessment, type AssumedFacts, type Simulation } from '@ledger/contracts';
import { problem, ValidationError } from '@ledger/kernel';
import { PresetsService } from '../presets';
import type { SimulateSettlementInput } from './simulate-settlement.input';

@Injectable()
export class SettlementService {
  constructor(private readonly presets: PresetsService) {}

  /** What-if: runs the payment engine over assumed inputs; stores nothing. */
  simulate(input: SimulateSettlementInput): Simulation {
    const hasPreset = input.presetId !== undefined && input.presetId !== null;
    const hasConfig = input.configuration !== undefined && input.configuration !== null;
    if (hasPreset === hasConfig) {
      throw new ValidationError([
        problem('input', 'choice.exactlyOne', { first: 'presetId', second: 'configuration' }),
      ]);
    }
    const config = hasPreset ? this.presets.get(input.presetId as string).configuration : input.configuration;
    if (input.assessments != null && !Array.isArray(input.assessments)) {
      throw new ValidationError([problem('input.assessments', 'settlement.assessmentsList')]);
    }
    const assumed: AssumedFacts = {
      facts: input.facts ?? {},
      assessments: (input.assessments ?? []) as AssumedAssessment[],
    };
    const baseline = input.baseline == null ? undefined : (input.baseline as AssumedFacts);
    return simulateSettlement(config, assumed, { asOf: input.asOf, baseline });
  }
}
