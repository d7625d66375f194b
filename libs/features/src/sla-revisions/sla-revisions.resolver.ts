import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ValidateInput } from '../graphql/validate-input.interceptor';
import { AdoptSlaRevisionInput, SlaRevisionModel, SlaRevisionsModel } from './sla-revisions.models';
import { adoptSlaRevisionArgs } from './sla-revisions.schemas';
import { SlaRevisionsService } from './sla-revisions.service';

@Resolver(() => SlaRevisionsModel)
export class SlaRevisionsResolver {
  constructor(private readonly service: SlaRevisionsService) {}

  @Query(() => SlaRevisionsModel, {
    description:
      "The contract's configuration version, how many open tickets are still on an older one, and the moves so far.",
  })
  slaRevisions(
    @Args('contractId', { type: () => ID, description: 'The contract.' }) contractId: string,
  ): Promise<SlaRevisionsModel> {
    return this.service.list(contractId);
  }

  @Mutation(() => SlaRevisionModel, {
    description:
      "Buyer admin: move the contract's open tickets onto its current configuration version, with a reason. A job moves them and recomputes their SLA (the old results stay, the new ones name them); CONFLICT when none is on an older version.",
  })
  @ValidateInput(adoptSlaRevisionArgs)
  adoptSlaRevision(
    @Args('input', { description: 'The contract and the reason.' }) input: AdoptSlaRevisionInput,
  ): Promise<SlaRevisionModel> {
    return this.service.adopt(input);
  }
}
