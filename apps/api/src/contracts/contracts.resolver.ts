import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ContractModel, CreateContractInput, UpdateContractConfigurationInput } from './contracts.models';
import { ContractsService } from './contracts.service';

@Resolver(() => ContractModel)
export class ContractsResolver {
  constructor(private readonly service: ContractsService) {}

  @Query(() => [ContractModel], { description: "The tenant's contracts; for a vendor, the contracts it holds across tenants." })
  contracts(): Promise<ContractModel[]> {
    return this.service.list();
  }

  @Query(() => ContractModel)
  contract(@Args('id', { type: () => ID }) id: string): Promise<ContractModel> {
    return this.service.get(id);
  }

  @Mutation(() => ContractModel, { description: 'Buyer admin: create a contract from a preset or a configuration (validated; every problem reported).' })
  createContract(@Args('input') input: CreateContractInput): Promise<ContractModel> {
    return this.service.create(input);
  }

  @Mutation(() => ContractModel, { description: 'Buyer admin: change the configuration; creates a new version, old ones stay readable.' })
  updateContractConfiguration(@Args('input') input: UpdateContractConfigurationInput): Promise<ContractModel> {
    return this.service.updateConfiguration(input);
  }
}
