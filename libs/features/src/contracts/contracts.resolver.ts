import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { TenantModel } from '../platform';
import {
  ContractFilterInput,
  ContractModel,
  ContractPageModel,
  CreateContractInput,
  UpdateContractConfigurationInput,
} from './contracts.models';
import { contractSearchArgs, createContractArgs, updateContractConfigurationArgs } from './contracts.schemas';
import { ContractsService } from './contracts.service';
import { ValidateInput } from '../graphql/validate-input.interceptor';

@Resolver(() => ContractModel)
export class ContractsResolver {
  constructor(private readonly service: ContractsService) {}

  @Query(() => [ContractModel], {
    description: "The tenant's contracts; for a vendor, the contracts it holds across tenants.",
  })
  contracts(): Promise<ContractModel[]> {
    return this.service.list();
  }

  @Query(() => ContractPageModel, {
    description:
      'The contract lists: the contracts `contracts` returns, by code, filtered (words, term, agency, open breaches), a page at a time ' +
      "(`first` ≤ 200, `after` = the previous page's endCursor).",
  })
  @ValidateInput(contractSearchArgs)
  contractSearch(
    @Args('filter', {
      type: () => ContractFilterInput,
      nullable: true,
      description: 'What to filter on; absent = every contract.',
    })
    filter?: ContractFilterInput,
    @Args('first', { type: () => Int, defaultValue: 50, description: 'Page size, at most 200.' }) first?: number,
    @Args('after', {
      type: () => String,
      nullable: true,
      description: "The previous page's endCursor; absent = the first page.",
    })
    after?: string,
  ): Promise<ContractPageModel> {
    return this.service.search(filter ?? {}, first ?? 50, after ?? undefined);
  }

  @Query(() => ContractModel, { description: 'One contract the caller reads.' })
  contract(@Args('id', { type: () => ID, description: 'The contract id.' }) id: string): Promise<ContractModel> {
    return this.service.get(id);
  }

  @Mutation(() => ContractModel, {
    description: 'Buyer admin: create a contract from a preset or a configuration (validated; every problem reported).',
  })
  @ValidateInput(createContractArgs)
  createContract(@Args('input', { description: 'The contract.' }) input: CreateContractInput): Promise<ContractModel> {
    return this.service.create(input);
  }

  @Mutation(() => ContractModel, {
    description: 'Buyer admin: change the configuration; creates a new version, old ones stay readable.',
  })
  @ValidateInput(updateContractConfigurationArgs, 'defer')
  updateContractConfiguration(
    @Args('input', { description: 'The contract and its new configuration.' }) input: UpdateContractConfigurationInput,
  ): Promise<ContractModel> {
    return this.service.updateConfiguration(input);
  }
}

@Resolver(() => ContractPageModel)
export class ContractPageResolver {
  constructor(private readonly service: ContractsService) {}

  @ResolveField(() => [TenantModel], {
    description:
      'The agencies (tenants) of every contract the caller reads, whatever the filter, by name: the choices of the agency filter.',
  })
  agencies(): Promise<TenantModel[]> {
    return this.service.agencies();
  }
}
