// The reports feature's public API: what other features may import (eslint forbids deeper imports).
export { ReportsService } from './reports.service';
export { ReportsModule } from './reports.module';
