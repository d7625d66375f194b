// The tickets feature's public API: what other features may import (eslint forbids deeper imports).
export { TicketsService } from './tickets.service';
export { TicketsModule } from './tickets.module';
export { GoverningConfigs, slaNotifications, ticketToDomain } from './ticket-sla.job';
export { TicketSlaStore, type SlaNotification } from './ticket-sla.store';
