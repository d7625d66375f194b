import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AllowanceRegisterModel, LogAllowanceWorkInput } from './allowances.models';
import { logAllowanceWorkArgs } from './allowances.schemas';
import { AllowancesService } from './allowances.service';
import { ValidateInput } from '../graphql/validate-input.interceptor';

@Resolver(() => AllowanceRegisterModel)
export class AllowancesResolver {
  constructor(private readonly service: AllowancesService) {}

  @Query(() => AllowanceRegisterModel, {
    description: "The contract's free-work allowances: used, remaining and beyond per scope, and the work logged.",
  })
  allowanceRegister(
    @Args('contractId', { type: () => ID, description: 'The contract.' }) contractId: string,
  ): Promise<AllowanceRegisterModel> {
    return this.service.register(contractId);
  }

  @Mutation(() => AllowanceRegisterModel, {
    description:
      'Vendor: log work against a free-work allowance (the 80 % / 100 % / beyond warnings follow as notifications).',
  })
  @ValidateInput(logAllowanceWorkArgs, 'defer')
  logAllowanceWork(
    @Args('input', { description: 'The work.' }) input: LogAllowanceWorkInput,
  ): Promise<AllowanceRegisterModel> {
    return this.service.logWork(input);
  }
}
