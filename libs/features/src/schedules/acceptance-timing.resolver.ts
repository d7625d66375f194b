import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { requestLocale } from '../shared/explanation.models';
import { AcceptanceTimingModel } from './acceptance-timing.models';
import { AcceptanceTimingService } from './acceptance-timing.service';

@Resolver(() => AcceptanceTimingModel)
export class AcceptanceTimingResolver {
  constructor(private readonly service: AcceptanceTimingService) {}

  @Query(() => AcceptanceTimingModel, {
    nullable: true,
    description:
      'The acceptance timing of a contract (buyer roles, finance, the holding vendor): the earliest application date, the ' +
      'clawback deadline and the margin between them, warned under 30 days; null when the contract sets no acceptance timing.',
  })
  acceptanceTiming(
    @Args('contractId', { type: () => ID, description: 'The contract.' }) contractId: string,
    @Context('req') req: Request | undefined,
  ): Promise<AcceptanceTimingModel | null> {
    return this.service.forContract(contractId, requestLocale(req));
  }
}
