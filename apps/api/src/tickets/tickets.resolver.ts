import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  CreateTicketInput,
  TicketFilterInput,
  TicketImportModel,
  TicketModel,
  TicketPageModel,
  TransitionTicketInput,
} from './tickets.models';
import { TicketsService } from './tickets.service';

@Resolver(() => TicketModel)
export class TicketsResolver {
  constructor(private readonly service: TicketsService) {}

  @Query(() => [TicketModel], {
    description:
      "A contract's tickets, optionally in one state; each with its history, the caller's actions and its SLA status now.",
  })
  tickets(
    @Args('contractId', { type: () => ID }) contractId: string,
    @Args('state', { type: () => String, nullable: true }) state?: string,
  ): Promise<TicketModel[]> {
    return this.service.list(contractId, state ?? undefined);
  }

  @Query(() => TicketPageModel, {
    description:
      "The tickets board: a contract's tickets newest first, filtered (state, severity, special attention, overdue, words), a page at a time (`first` ≤ 200, `after` = the previous page's endCursor).",
  })
  ticketSearch(
    @Args('contractId', { type: () => ID }) contractId: string,
    @Args('filter', { type: () => TicketFilterInput, nullable: true }) filter?: TicketFilterInput,
    @Args('first', { type: () => Int, defaultValue: 50 }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<TicketPageModel> {
    return this.service.search(contractId, filter ?? {}, first ?? 50, after ?? undefined);
  }

  @Query(() => TicketModel)
  ticket(@Args('id', { type: () => ID }) id: string): Promise<TicketModel> {
    return this.service.get(id);
  }

  @Mutation(() => TicketModel, {
    description: 'Buyer (admin or staff): submit a ticket; fields checked against the contract configuration.',
  })
  createTicket(@Args('input') input: CreateTicketInput): Promise<TicketModel> {
    return this.service.create(input);
  }

  @Mutation(() => TicketModel, {
    description: 'Take one lifecycle action; who may act and when is decided by the lifecycle rules.',
  })
  transitionTicket(@Args('input') input: TransitionTicketInput): Promise<TicketModel> {
    return this.service.transition(input);
  }
}

@Resolver(() => TicketImportModel)
export class TicketImportResolver {
  constructor(private readonly service: TicketsService) {}

  @Query(() => TicketImportModel, {
    description: 'Buyer: a ticket import uploaded with POST /imports/tickets — its status, progress and problems.',
  })
  ticketImport(@Args('id', { type: () => ID }) id: string): Promise<TicketImportModel> {
    return this.service.getImport(id);
  }

  @ResolveField(() => [TicketModel], {
    description: 'The tickets the import stored, by number (at most `first`, ≤ 1000); empty until COMPLETED.',
  })
  tickets(
    @Parent() parent: TicketImportModel,
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
  ): Promise<TicketModel[]> {
    return this.service.importedTickets(parent, first);
  }
}
