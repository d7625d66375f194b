// The schedules feature's public API: what other features may import (eslint forbids deeper imports).
export { SchedulesService } from './schedules.service';
