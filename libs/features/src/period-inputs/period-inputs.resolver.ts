import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PeriodInputSpecModel } from './period-input-spec.models';
import { PeriodInputsModel, SetPeriodInputsInput } from './period-inputs.models';
import { setPeriodInputsArgs } from './period-inputs.schemas';
import { PeriodInputsService } from './period-inputs.service';
import { ValidateInput } from '../graphql/validate-input.interceptor';

@Resolver(() => PeriodInputsModel)
export class PeriodInputsResolver {
  constructor(private readonly service: PeriodInputsService) {}

  @Query(() => PeriodInputsModel, { description: "The buyer's inputs of one period (the vendor reads them)." })
  periodInputs(
    @Args('contractId', { type: () => ID, description: 'The contract.' }) contractId: string,
    @Args('period', { description: 'A period id: 2026, 2026-H1, 2026-Q3 or 2026-05.' }) period: string,
  ): Promise<PeriodInputsModel> {
    return this.service.get(contractId, period);
  }

  @Query(() => PeriodInputSpecModel, {
    description:
      "What the buyer enters for one period: the assessment scheme's components with what each reads (unit, range, parts, choices), derived from the contract's configuration. Everyone who reads the period's inputs.",
  })
  periodInputSpec(
    @Args('contractId', { type: () => ID, description: 'The contract.' }) contractId: string,
    @Args('period', { description: 'A period of the term: 2026, 2026-H1, 2026-Q3 or 2026-05.' }) period: string,
  ): Promise<PeriodInputSpecModel> {
    return this.service.spec(contractId, period);
  }

  @Mutation(() => PeriodInputsModel, {
    description:
      'Buyer: set inputs of a period (fields left out keep their value); validated against the assessment scheme.',
  })
  @ValidateInput(setPeriodInputsArgs, 'defer')
  setPeriodInputs(
    @Args('input', { description: 'The contract, period and inputs.' }) input: SetPeriodInputsInput,
  ): Promise<PeriodInputsModel> {
    return this.service.set(input);
  }
}
