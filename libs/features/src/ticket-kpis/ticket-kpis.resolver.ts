import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { TicketKpisModel } from './ticket-kpis.models';
import { TicketKpisService } from './ticket-kpis.service';

@Resolver(() => TicketKpisModel)
export class TicketKpisResolver {
  constructor(private readonly service: TicketKpisService) {}

  @Query(() => TicketKpisModel, {
    description:
      "The contract's KPIs computed from its tickets for a period, as of today: the evidence for the period's 服务合格.",
  })
  ticketKpis(
    @Args('contractId', { type: () => ID, description: 'The contract.' }) contractId: string,
    @Args('period', { description: 'A period id of the term (2026-Q3).' }) period: string,
  ): Promise<TicketKpisModel> {
    return this.service.forPeriod(contractId, period);
  }
}
