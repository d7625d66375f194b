import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  CreateTicketInput,
  TicketFilterInput,
  TicketImportModel,
  TicketModel,
  TicketPageModel,
  TransitionTicketInput,
} from './tickets.models';
import { createTicketArgs, ticketSearchArgs, ticketsArgs, transitionTicketArgs } from './tickets.schemas';
import { TicketsService } from './tickets.service';
import { ValidateInput } from '../graphql/validate-input.interceptor';

@Resolver(() => TicketModel)
export class TicketsResolver {
  constructor(private readonly service: TicketsService) {}

  @Query(() => [TicketModel], {
    description:
      "A contract's tickets, optionally in one state; each with its history, the caller's actions and its SLA status now.",
  })
  @ValidateInput(ticketsArgs)
  tickets(
    @Args('contractId', { type: () => ID, description: 'The contract.' }) contractId: string,
    @Args('state', { type: () => String, nullable: true, description: 'Only tickets in this lifecycle state.' })
    state?: string,
  ): Promise<TicketModel[]> {
    return this.service.list(contractId, state ?? undefined);
  }

  @Query(() => TicketPageModel, {
    description:
      "The tickets board: a contract's tickets newest first, filtered (state, severity, special attention, overdue, words), a page at a time (`first` ≤ 200, `after` = the previous page's endCursor).",
  })
  @ValidateInput(ticketSearchArgs)
  ticketSearch(
    @Args('contractId', { type: () => ID, description: 'The contract.' }) contractId: string,
    @Args('filter', {
      type: () => TicketFilterInput,
      nullable: true,
      description: 'What to filter on; absent = every ticket.',
    })
    filter?: TicketFilterInput,
    @Args('first', { type: () => Int, defaultValue: 50, description: 'Page size, at most 200.' }) first?: number,
    @Args('after', {
      type: () => String,
      nullable: true,
      description: "The previous page's endCursor; absent = the first page.",
    })
    after?: string,
  ): Promise<TicketPageModel> {
    return this.service.search(contractId, filter ?? {}, first ?? 50, after ?? undefined);
  }

  @Query(() => TicketModel, { description: 'One ticket the caller can see.' })
  ticket(@Args('id', { type: () => ID, description: 'The ticket id.' }) id: string): Promise<TicketModel> {
    return this.service.get(id);
  }

  @Mutation(() => TicketModel, {
    description: 'Buyer (admin or staff): submit a ticket; fields checked against the contract configuration.',
  })
  @ValidateInput(createTicketArgs, 'defer')
  createTicket(@Args('input', { description: 'The ticket.' }) input: CreateTicketInput): Promise<TicketModel> {
    return this.service.create(input);
  }

  @Mutation(() => TicketModel, {
    description: 'Take one lifecycle action; who may act and when is decided by the lifecycle rules.',
  })
  @ValidateInput(transitionTicketArgs, 'defer')
  transitionTicket(
    @Args('input', { description: 'The action and its data.' }) input: TransitionTicketInput,
  ): Promise<TicketModel> {
    return this.service.transition(input);
  }
}

@Resolver(() => TicketImportModel)
export class TicketImportResolver {
  constructor(private readonly service: TicketsService) {}

  @Query(() => TicketImportModel, {
    description: 'Buyer: a ticket import uploaded with POST /imports/tickets — its status, progress and problems.',
  })
  ticketImport(@Args('id', { type: () => ID, description: 'The import id.' }) id: string): Promise<TicketImportModel> {
    return this.service.getImport(id);
  }

  @ResolveField(() => [TicketModel], {
    description: 'The tickets the import stored, by number (at most `first`, ≤ 1000); empty until COMPLETED.',
  })
  tickets(
    @Parent() parent: TicketImportModel,
    @Args('first', { type: () => Int, defaultValue: 100, description: 'At most this many, ≤ 1000.' }) first: number,
  ): Promise<TicketModel[]> {
    return this.service.importedTickets(parent, first);
  }
}
