import { Module } from '@nestjs/common';
import { TicketsRepository } from './tickets.repository';
import { TicketsResolver } from './tickets.resolver';
import { TicketsService } from './tickets.service';

/** Tickets (联系单): lifecycle, SLA status, bulk import. Uses CoreModule's database, context and abilities. */
@Module({ providers: [TicketsRepository, TicketsService, TicketsResolver], exports: [TicketsService] })
export class TicketsModule {}
