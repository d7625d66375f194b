import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { NotificationModel, StoredTicketSlaModel } from './notifications.models';
import { notificationsArgs } from './notifications.schemas';
import { NotificationsService } from './notifications.service';
import { ValidateInput } from '../graphql/validate-input.interceptor';

@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Query(() => [NotificationModel], {
    description:
      "SLA warnings (75 % / 100 % of a target), newest first: of one contract, or of every contract the caller reads (the buyer's roles and finance: the tenant's; the vendor: the contracts it holds).",
  })
  @ValidateInput(notificationsArgs)
  notifications(
    @Args('contractId', {
      type: () => ID,
      nullable: true,
      description: 'One contract; absent = every contract the caller reads.',
    })
    contractId: string | null,
    @Args('limit', { type: () => Int, defaultValue: 50, description: 'How many, newest first; at most 500.' })
    limit: number,
  ): Promise<NotificationModel[]> {
    return this.service.list(contractId, limit);
  }

  @Query(() => [StoredTicketSlaModel], {
    description:
      "A ticket's stored SLA results (one per point of its history, configuration and calendar version), latest first.",
  })
  ticketSlaHistory(
    @Args('ticketId', { type: () => ID, description: 'The ticket.' }) ticketId: string,
  ): Promise<StoredTicketSlaModel[]> {
    return this.service.slaHistory(ticketId);
  }
}
