import { Module } from '@nestjs/common';
import { TicketImportsController } from './ticket-imports.controller';
import { TicketNumbersRepository } from './ticket-numbers.repository';
import { TicketsRepository } from './tickets.repository';
import { TicketImportResolver, TicketsResolver } from './tickets.resolver';
import { TicketsService } from './tickets.service';

/** Tickets (联系单): lifecycle, SLA status, bulk import (POST /imports/tickets + ticketImport(id)). Uses CoreModule's database, context and abilities. */
@Module({
  providers: [TicketsRepository, TicketNumbersRepository, TicketsService, TicketsResolver, TicketImportResolver],
  controllers: [TicketImportsController],
  exports: [TicketsService],
})
export class TicketsModule {}
