// The tickets feature's public API: what other features may import (eslint forbids deeper imports).
export { TicketsService } from './tickets.service';
export { TicketsModule } from './tickets.module';
export {
  GoverningConfigs,
  insertNotifications,
  slaNotifications,
  ticketEvents,
  ticketToDomain,
  type SlaNotification,
} from './ticket-sla.job';
