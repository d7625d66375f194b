import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { WorkingDaysModel } from './working-days.models';
import { WorkingDaysService } from './working-days.service';

@Resolver(() => WorkingDaysModel)
export class WorkingDaysResolver {
  constructor(private readonly service: WorkingDaysService) {}

  @Query(() => WorkingDaysModel, {
    description:
      "Every day of a month on the contract's working-day calendar (its current configuration: Chinese national calendar with 调休 make-up days and " +
      'holidays, plus its overrides): working or not, the kind, the holiday name, and the calendar version. Whoever reads the contract.',
  })
  workingDays(
    @Args('contractId', { type: () => ID, description: 'The contract.' }) contractId: string,
    @Args('month', { description: 'YYYY-MM' }) month: string,
  ): Promise<WorkingDaysModel> {
    return this.service.forMonth(contractId, month);
  }
}
