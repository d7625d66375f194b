import { Public } from '../auth/public.decorator';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { SimulationModel } from './settlement.models';
import { simulateSettlementArgs } from './settlement.schemas';
import { SettlementService } from './settlement.service';
import { ValidateInput } from '../graphql/validate-input.interceptor';
import { SimulateSettlementInput } from './simulate-settlement.input';

@Resolver()
export class SettlementResolver {
  constructor(private readonly settlement: SettlementService) {}

  @Public()
  @Query(() => SimulationModel, {
    description: 'What-if settlement: the payment engine over assumed scores, grades and facts. Nothing is stored.',
  })
  @ValidateInput(simulateSettlementArgs)
  simulateSettlement(
    @Args('input', { description: 'The configuration and the assumed inputs.' }) input: SimulateSettlementInput,
  ): SimulationModel {
    const sim = this.settlement.simulate(input);
    return {
      schedule: sim.schedule,
      baseline: sim.baseline,
      assessments: sim.assessments,
      diff: sim.diff,
    };
  }
}
