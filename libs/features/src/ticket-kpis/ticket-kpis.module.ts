import { Module } from '@nestjs/common';
import { TicketKpiExplanationResolver } from './ticket-kpis-explanation.resolvers';
import { TicketKpisResolver } from './ticket-kpis.resolver';
import { TicketKpisService } from './ticket-kpis.service';

/** KPIs computed from tickets (domain rule 17: Tianjin's response, resolution and vulnerability fix rates). */
@Module({ providers: [TicketKpisService, TicketKpisResolver, TicketKpiExplanationResolver] })
export class TicketKpisModule {}
