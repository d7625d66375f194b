// The period-close feature's public API: what other features may import (eslint forbids deeper imports).
export { PeriodCloseService } from './period-close.service';
export { scheduleJob, settledLines } from './close-period.job';
export type { PeriodCloseComputation } from './period-close.computation';
export { PeriodCloseReads } from './period-close-reads.store';
export { PeriodCloseStore } from './period-close.store';
