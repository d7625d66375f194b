import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  OnDemandCallModel,
  OnDemandRegisterModel,
  RecordOnDemandCallInput,
  ServeOnDemandCallInput,
} from './on-demand.models';
import { recordOnDemandCallArgs, serveOnDemandCallArgs } from './on-demand.schemas';
import { OnDemandService } from './on-demand.service';
import { ValidateInput } from '../graphql/validate-input.interceptor';

@Resolver(() => OnDemandRegisterModel)
export class OnDemandResolver {
  constructor(private readonly service: OnDemandService) {}

  @Query(() => OnDemandRegisterModel, {
    description: "The contract's on-demand obligations (重保, emergency responses): calls, services, capacity.",
  })
  onDemandRegister(
    @Args('contractId', { type: () => ID, description: 'The contract.' }) contractId: string,
  ): Promise<OnDemandRegisterModel> {
    return this.service.register(contractId);
  }

  @Mutation(() => OnDemandCallModel, {
    description: 'Buyer: call on an on-demand obligation (a 重保 for an event, an emergency response).',
  })
  @ValidateInput(recordOnDemandCallArgs, 'defer')
  recordOnDemandCall(
    @Args('input', { description: 'The call.' }) input: RecordOnDemandCallInput,
  ): Promise<OnDemandCallModel> {
    return this.service.recordCall(input);
  }

  @Mutation(() => OnDemandCallModel, { description: 'Vendor: record the service of a call, once, with its evidence.' })
  @ValidateInput(serveOnDemandCallArgs, 'defer')
  serveOnDemandCall(
    @Args('input', { description: 'The service.' }) input: ServeOnDemandCallInput,
  ): Promise<OnDemandCallModel> {
    return this.service.serveCall(input);
  }
}
