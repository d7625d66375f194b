export { TicketKpisModule } from './ticket-kpis.module';
export { kpiTicketsDigest } from './ticket-kpis.repository';
export { kpiModel, kpisForPeriod, TicketKpisService } from './ticket-kpis.service';
export { TicketKpiModel } from './ticket-kpis.models';
