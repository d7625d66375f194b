// The tickets feature's public API: what other features may import (eslint forbids deeper imports).
export { TicketsService } from './tickets.service';
export { TicketsModule } from './tickets.module';
