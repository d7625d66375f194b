// The period-close feature's public API: what other features may import (eslint forbids deeper imports).
export { PeriodCloseService } from './period-close.service';
