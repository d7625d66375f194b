import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { PeriodClosePreviewModel } from './period-close.models';
import { PeriodCloseService } from './period-close.service';

@Resolver(() => PeriodClosePreviewModel)
export class PeriodCloseResolver {
  constructor(private readonly service: PeriodCloseService) {}

  @Query(() => PeriodClosePreviewModel, {
    description:
      'Preview of closing an assessment period, computed from what is in the ledger (configuration, period inputs, tickets, accepted monthly reports): ' +
      'the assessment with its breakdown, the year score when the period completes a year, derived metrics, missing inputs and the payment schedule. ' +
      'Read-only: stores nothing and locks nothing. Buyer roles, finance and the vendor holding the contract.',
  })
  previewPeriodClose(
    @Args('contractId', { type: () => ID }) contractId: string,
    @Args('period', { description: 'A period of the assessment scheme, e.g. 2026-H2.' }) period: string,
    @Args('asOf', { nullable: true, type: () => String, description: 'YYYY-MM-DD; default today in Asia/Shanghai.' }) asOf?: string | null,
  ): Promise<PeriodClosePreviewModel> {
    return this.service.preview(contractId, period, asOf ?? null);
  }
}
